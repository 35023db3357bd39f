import Foundation
import GongdanStore
import GongdanText

/// A progress bar on standard error for long work (sync, bundles, backups, recovery, CSV import): one line
/// redrawn in place at most ten times a second, and only on a terminal — a log or a script sees nothing.
final class TerminalProgress: @unchecked Sendable {
    private let language: Language
    private let interactive: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false
    static let width = 30

    init(language: Language, interactive: Bool = isatty(STDERR_FILENO) != 0) {
        self.language = language
        self.interactive = interactive
    }

    /// A bar for a command: none with `--json` (a script reads the output).
    convenience init(language: Language, json: Bool) {
        self.init(language: language, interactive: !json && isatty(STDERR_FILENO) != 0)
    }

    /// The reporter to hand to the service; nil when nothing is shown.
    var reporter: ProgressReporter? {
        guard interactive else { return nil }
        return { [self] progress in update(progress) }
    }

    /// Draws `progress` (throttled; a finished stage always drawn).
    func update(_ progress: WorkProgress) {
        lock.withLock {
            let now = Date()
            let finished = progress.total.map { progress.done >= $0 } ?? false
            guard finished || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            drawn = true
            Self.redraw(Self.line(progress, language: language))
        }
    }

    /// Ends the redrawn line, if one was drawn.
    func finish() {
        lock.withLock {
            if drawn { Self.redraw("") }
            drawn = false
        }
    }

    /// `推送 [██████░░░░] 1200/5000` or `拉取 3400 条`.
    static func line(_ progress: WorkProgress, language l: Language) -> String {
        let what: String = switch progress.stage {
        case .push: l.pick("推送", "pushing")
        case .pull: l.pick("拉取", "pulling")
        case .export: l.pick("导出", "exporting")
        case .importBundle: l.pick("导入", "importing")
        case .backup: l.pick("备份", "backing up")
        case .restore: l.pick("恢复", "restoring")
        case .recover: l.pick("重建", "rebuilding")
        case .csvImport: l.pick("导入 12345 工单", "importing 12345 items")
        case .report: l.pick("计算", "computing")
        }
        let unit: String = switch progress.stage {
        case .backup, .restore: l.pick("页", " pages")
        case .csvImport: l.pick("件", "")
        default: l.pick("条", " events")
        }
        guard let total = progress.total, total > 0 else { return "\(what) \(progress.done)\(unit)" }
        return "\(what) [\(bar(progress.done, of: total))] \(progress.done)/\(total)\(unit)"
    }

    /// `██████░░░░…`, ``width`` cells, `done` of `total` filled.
    static func bar(_ done: Int64, of total: Int64) -> String {
        let filled = Int(Int64(width) * min(max(done, 0), total) / max(total, 1))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// Writes `line` over the current line of standard error.
    static func redraw(_ line: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
    }
}
