import ArgumentParser

/// `gongdan check`: verifies the replica's invariants; exit 1 when anything is wrong.
struct CheckCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the replica's integrity (events, projections, sequence numbers, SQLite); exit 1 on problems.")

    @OptionGroup var global: GlobalOptions

    /// `check --json`.
    struct View: Encodable {
        var ok: Bool
        var problems: [String]
        /// The database files other users can read, each with the `chmod` that fixes it (exit status unchanged).
        var warnings: [String]
    }

    func run() throws {
        let context = try global.context()
        let problems = try context.openService().store.integrityProblems()
        let warnings = FileModeWarning.lines(forDatabaseAt: context.dbPath, language: context.language)
        if context.json {
            try Console.json(View(ok: problems.isEmpty, problems: problems, warnings: warnings))
        } else if problems.isEmpty {
            Console.out(context.language.pick("副本完好：\(context.dbPath)", "The replica is sound: \(context.dbPath)"))
        } else {
            problems.forEach { Console.out("- " + $0) }
        }
        if !context.json { warnings.forEach { Console.error($0) } }
        if !problems.isEmpty { throw CLIError.integrityProblems(count: problems.count) }
    }
}
