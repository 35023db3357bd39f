import ArgumentParser
import GongdanCore
import GongdanStore

/// `gongdan notice list`: the issued notices, oldest number first.
struct NoticeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the issued notices, oldest number first.")

    @Option(name: .long, help: ArgumentHelp("Only those addressed to this unit.", valueName: "code"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("Only those numbered in this year.", valueName: "year"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("Only this level: reminder, rectification or interview.", valueName: "level"))
    var level: NoticeLevel?

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        var notices = try unit.map { try store.notices(for: $0) } ?? store.noticeList()
        if let year { notices = notices.filter { $0.number.year == year } }
        if let level { notices = notices.filter { $0.level == level } }
        if context.json {
            try Console.json(Output(total: notices.count, notices: notices))
            return
        }
        guard !notices.isEmpty else {
            Console.out(context.language.pick("没有督办通知", "No notices"))
            return
        }
        let names = try store.units().namesByCode
        Console.out(NoticeText(language: context.language, names: names).table(notices).render())
        Console.out(context.language.pick("共 \(notices.count) 份", "\(notices.count) notice(s)"))
    }

    struct Output: Encodable {
        var total: Int
        var notices: [StoredNotice]
    }
}
