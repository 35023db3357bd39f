import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore

/// `gongdan notice show ID`: one notice, as text, JSON or a printable A4 HTML page.
struct NoticeShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one notice; --format html prints the printable A4 document.")

    @Argument(help: ArgumentHelp("The notice's id (NOTICE-2026-0012) or number (港南督〔2026〕12号).", valueName: "id"))
    var id: String

    @Option(name: .long, help: ArgumentHelp("text (default) or html.", valueName: "format"))
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the HTML to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var options: HubOptions

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, html
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let notice = try store.notice(id: id)
        if context.json {
            try Console.json(notice)
            return
        }
        guard format == .html else {
            let names = try store.units().namesByCode
            Console.out(NoticeText(language: context.language, names: names).detail(notice).joined(separator: "\n"))
            return
        }
        let html = NoticeDocument(notice: notice.issued, unitName: notice.unitName ?? notice.unit, district: notice.district).html
        guard let output else {
            Console.raw(html)
            return
        }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            throw CLIError.unwritableFile(path: output, reason: (error as NSError).localizedDescription)
        }
        Console.error(context.language.pick("已写入 \(output)", "written to \(output)"))
    }
}
