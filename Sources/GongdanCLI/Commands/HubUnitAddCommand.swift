import ArgumentParser
import GongdanCore
import GongdanText

/// `gongdan hub unit add`: adds or renames a unit in the hub's directory.
struct HubUnitAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a unit to the hub's directory, or rename it (nodes receive it on their next sync).")

    @Argument(help: "The unit's code, e.g. DX.")
    var code: String

    @Option(help: "The unit's name, e.g. 东兴镇.")
    var name: String

    @Option(help: "What kind of unit it is.")
    var kind: UnitKind

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let unit = HandlingUnit(code: try NodeCode.validated(code), name: try DisplayName.validated(name), kind: kind)
        try context.openStore().upsertUnit(unit, at: context.now)
        if context.json {
            try Console.json(unit)
        } else {
            let kind = Labels(language: context.language).unitKind(unit.kind)
            Console.out(context.language.pick("已登记单位 \(unit.code) \(unit.name)（\(kind)）",
                                              "Unit \(unit.code) \(unit.name) (\(kind)) is in the hub's directory"))
        }
    }
}
