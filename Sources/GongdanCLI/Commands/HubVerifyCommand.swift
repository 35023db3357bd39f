import ArgumentParser

/// `gongdan hub verify`: re-checks every chain and signed head in the hub's store; exit 1 on problems.
struct HubVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Audit the hub's history (sequences, hash chains, signed heads); exit 1 on problems.")

    @OptionGroup var options: HubOptions

    /// `verify --json`.
    struct View: Encodable {
        var ok: Bool
        var problems: [String]
        /// The database files other users can read, each with the `chmod` that fixes it (exit status unchanged).
        var warnings: [String]
    }

    func run() throws {
        let context = try options.context()
        let problems = try context.openStore().verify()
        let warnings = FileModeWarning.lines(forDatabaseAt: context.dbPath, language: context.language)
        if context.json {
            try Console.json(View(ok: problems.isEmpty, problems: problems, warnings: warnings))
        } else if problems.isEmpty {
            Console.out(context.language.pick("中心的历史完好：\(context.dbPath)", "The hub's history is sound: \(context.dbPath)"))
        } else {
            problems.forEach { Console.out("- " + $0) }
        }
        if !context.json { warnings.forEach { Console.error($0) } }
        if !problems.isEmpty { throw CLIError.hubProblems(count: problems.count) }
    }
}
