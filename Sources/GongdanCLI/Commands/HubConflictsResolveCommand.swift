import ArgumentParser
import GongdanStore

/// `gongdan hub conflicts resolve ID (--confirm | --override …)`.
struct HubConflictsResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Confirm a conflict's automatic decision, or override it (the override is an event of the hub, synced to the nodes).")

    @Argument(help: "The conflict's number (from `gongdan hub conflicts`).")
    var id: Int64

    @Flag(help: "Accept the automatic decision.")
    var confirm = false

    @Flag(name: .customLong("override"), help: "Override it: --lead UNIT for an assignment, --value TEXT for a correction, nothing for a duplicate (merges the newer ticket into the older).")
    var overrideDecision = false

    @Option(help: ArgumentHelp("With --override on an assignment conflict: the unit that should lead.", valueName: "unit"))
    var lead: String?

    @Option(help: ArgumentHelp("With --override on a correction conflict: the value the field should have.", valueName: "text"))
    var value: String?

    @Option(help: "Why (kept with the resolution).")
    var note: String?

    @OptionGroup var options: HubOptions

    func validate() throws {
        guard confirm != overrideDecision else { throw ValidationError("give exactly one of --confirm or --override") }
        if confirm, lead != nil || value != nil { throw ValidationError("--lead and --value go with --override, not --confirm") }
    }

    func run() throws {
        let context = try options.context()
        let resolution: HubStore.Resolution = confirm ? .confirm : .override(lead: lead, value: value)
        let conflict = try context.openStore().resolveConflict(id: id, resolution: resolution, note: note,
                                                               person: context.person, now: context.now)
        if context.json {
            try Console.json(conflict)
        } else {
            Console.out(context.language.pick("冲突 #\(conflict.id) 已处理：", "Conflict #\(conflict.id) resolved: ") + (conflict.resolution ?? ""))
        }
    }
}
