import ArgumentParser
import Foundation
import GongdanCore
import GongdanNode

/// `gongdan ticket import FILE.csv`: takes in a 12345 hotline export on the workstation, all or
/// nothing, idempotently on the hotline order number.
struct TicketImportCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a 12345 hotline export (CSV) on the workstation; orders already taken in are skipped.",
        discussion: """
            Columns (header row, UTF-8, RFC 4180 quoting): \(HotlineCSV.columns.joined(separator: ",")). \
            category: consult|help|suggestion|complaint|report or 咨询|求助|意见建议|投诉|举报; \
            received_at: ISO 8601 with offset (2026-10-20T08:30:00+08:00) or "2026-10-20 08:30" (China Standard Time). \
            Every row is checked first: if any is wrong, each bad line is listed, nothing is imported, and the exit status is 1.
            """)

    @Argument(help: ArgumentHelp("The hotline export, e.g. 12345-2026-10-20.csv.", valueName: "file"))
    var file: String

    @OptionGroup var global: GlobalOptions

    /// `import --json`.
    struct View: Encodable {
        var created: [HotlineImportReport.Entry]
        var existing: [HotlineImportReport.Entry]
        var problems: [HotlineCSV.Problem]
    }

    func run() throws {
        let context = try global.context()
        let data = try ConfigFile.read(file)
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError.unreadableFile(path: file, reason: "it is not UTF-8 text; export the file from the hotline platform as CSV UTF-8")
        }
        let service = try context.openService()
        let bar = TerminalProgress(language: context.language, json: context.json)
        let report = try service.importHotline(csv: text, progress: bar.reporter)
        bar.finish()
        let language = context.language
        if context.json {
            try Console.json(View(created: report.created, existing: report.existing, problems: report.problems))
        }
        guard report.problems.isEmpty else {
            let count = Set(report.problems.map(\.line)).count
            Console.error(language.pick("错误：热线导出文件 \(file) 有 \(count) 行有误，未导入任何工单。请改正以下各行后重新导入：",
                                        "error: \(count) line\(count == 1 ? "" : "s") of the hotline export \(file) \(count == 1 ? "is" : "are") wrong; nothing was imported. Fix these lines and import again:"))
            for problem in report.problems {
                let order = problem.order.map { language.pick("（工单号 \($0)）", " (order \($0))") } ?? ""
                Console.error(language.pick("  第 \(problem.line) 行\(order)：\(problem.message)",
                                            "  line \(problem.line)\(order): \(problem.message)"))
            }
            throw ExitCode.failure
        }
        guard !context.json else { return }
        let rows = (report.created.map { ($0, true) } + report.existing.map { ($0, false) }).sorted { $0.0.line < $1.0.line }
        for (entry, created) in rows {
            let outcome = created ? language.pick("新建", "created") : language.pick("已存在", "existing")
            Console.out(language.pick("  第 \(entry.line) 行 工单号 \(entry.order) → \(entry.ticket)（\(outcome)）",
                                      "  line \(entry.line) order \(entry.order) → \(entry.ticket) (\(outcome))"))
        }
        Console.out(language.pick("已导入 12345 热线工单：新建 \(report.created.count) 件，已存在 \(report.existing.count) 件（跳过）",
                                  "Imported the 12345 hotline export: created \(report.created.count), existing \(report.existing.count) (skipped)"))
        if !report.created.isEmpty {
            Console.out(language.pick("下一步：gongdan ticket list --status pendingDispatch，逐件分办（gongdan ticket dispatch 编号 --to 单位）",
                                      "Next: gongdan ticket list --status pendingDispatch, then dispatch each (gongdan ticket dispatch CODE --to UNIT)"))
        }
    }
}
