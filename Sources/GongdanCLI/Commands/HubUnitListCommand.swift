import ArgumentParser
import GongdanText

/// `gongdan hub unit list`: the hub's directory.
struct HubUnitListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the units in the hub's directory.")

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let units = try context.openStore().units()
        if context.json {
            try Console.json(units)
            return
        }
        let labels = Labels(language: context.language)
        var table = TextTable(headers: context.language == .zh ? ["代码", "名称", "类型"] : ["code", "name", "kind"])
        table.rows = units.map { [$0.code, $0.name, labels.unitKind($0.kind)] }
        Console.out(table.render())
    }
}
