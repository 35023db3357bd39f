import ArgumentParser
import GongdanCore
import GongdanText

/// `gongdan unit add`: adds or renames a unit (workstation only).
struct UnitAddCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a unit to the directory, or rename it (on the workstation).")

    @Argument(help: "The unit's code, e.g. DX.")
    var code: String

    @Option(help: "The unit's name, e.g. 东兴镇.")
    var name: String

    @Option(help: "What kind of unit it is.")
    var kind: UnitKind

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let unit = try context.openService().addUnit(code: code, name: name, kind: kind)
        if context.json {
            try Console.json(unit)
        } else {
            let kind = Labels(language: context.language).unitKind(unit.kind)
            Console.out(context.language.pick("已登记单位 \(unit.code) \(unit.name)（\(kind)）",
                                              "Unit \(unit.code) \(unit.name) (\(kind)) is in the directory"))
        }
    }
}
