import ArgumentParser
import GongdanCore
import GongdanText

/// `gongdan unit list`: the directory.
struct UnitListCommand: GongdanCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the units in the directory.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let units = try context.openService().store.units()
        if context.json {
            try Console.json(units)
            return
        }
        let labels = Labels(language: context.language)
        guard !units.isEmpty else {
            Console.out(context.language.pick("单位目录为空；在工作站用 gongdan unit add CODE --name NAME --kind township|department 添加",
                                              "The directory is empty; add units on the workstation with `gongdan unit add CODE --name NAME --kind township|department`"))
            return
        }
        var table = TextTable(headers: context.language == .zh ? ["代码", "名称", "类型"] : ["code", "name", "kind"])
        table.rows = units.map { [$0.code, $0.name, labels.unitKind($0.kind)] }
        Console.out(table.render())
    }
}
