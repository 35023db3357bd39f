import Foundation
import GongdanDemo
import GongdanText

/// `gongdan demo`'s progress on standard error: on a terminal one line redrawn in place; otherwise
/// (a log, CI) a plain line each simulated week and at the end.
struct ProgressBar {
    let language: Language
    let interactive: Bool

    init(language: Language, interactive: Bool = isatty(STDERR_FILENO) != 0) {
        self.language = language
        self.interactive = interactive
    }

    /// Shows where the month is after `progress`.
    func update(_ progress: DemoProgress) {
        let l = language
        let offline = progress.offline.isEmpty ? "" : l.pick("，离线：", ", offline: ") + progress.offline.joined(separator: " ")
        let dayOff = progress.workingDay ? "" : l.pick("（休息日）", " (day off)")
        let text = l.pick("\(progress.date)\(dayOff)  工单 \(progress.tickets) 件\(offline)",
                          "\(progress.date)\(dayOff)  \(progress.tickets) tickets\(offline)")
        if interactive {
            let bar = TerminalProgress.bar(Int64(progress.day), of: Int64(progress.days))
            TerminalProgress.redraw("[\(bar)] \(progress.day)/\(progress.days)  \(text)")
        } else if progress.day % 7 == 0 || progress.day == progress.days {
            Console.error(l.pick("模拟进度 \(progress.day)/\(progress.days) 天：", "simulated \(progress.day)/\(progress.days) days: ") + text)
        }
    }

    /// Ends the redrawn line.
    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
