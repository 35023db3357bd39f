import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore
import GongdanText

/// `gongdan hub supervise`: the supervision notices due (DESIGN §3), optionally issued.
struct HubSuperviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervise",
        abstract: "List the supervision notices due as of a time; --issue issues them all (numbered 港南督〔YYYY〕N号).",
        discussion: """
            Candidates already issued are not proposed again. With automatic issuance configured \
            (`gongdan hub config --auto-issue on`), every candidate is issued without --issue: run it from a daily timer.
            """)

    @Flag(name: .long, help: "Issue every candidate as a numbered notice.")
    var issue = false

    @OptionGroup var asOfOption: AsOfOption
    @OptionGroup var thresholdsOption: ThresholdsOption
    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        _ = try store.requireInfo()
        let asOf = try asOfOption.instant(now: context.now)
        let settings = try store.supervisionSettings()
        let candidates = try store.noticeCandidates(asOf: asOf, thresholds: try thresholdsOption.load())
        let automatic = !issue && settings.autoIssue
        var issued: [StoredNotice] = []
        if issue || automatic {
            for candidate in candidates {
                issued.append(try store.issueNotice(candidate, at: context.now, by: context.person, automatic: automatic))
            }
        }
        let names = try store.units().namesByCode
        let text = NoticeText(language: context.language, names: names)
        if context.json {
            try Console.json(Output(asOf: asOf, candidates: candidates.map(text.json), issued: issued, automatic: automatic))
            return
        }
        let l = context.language
        guard !candidates.isEmpty else {
            Console.out(l.pick("截至 \(TimeText.instant(asOf))，没有应督办的事项", "No notices due as of \(TimeText.instant(asOf))"))
            return
        }
        if issued.isEmpty {
            Console.out(l.pick("截至 \(TimeText.instant(asOf))，应督办 \(candidates.count) 项：",
                               "\(candidates.count) notice(s) due as of \(TimeText.instant(asOf)):"))
            for candidate in candidates {
                Console.out("")
                Console.out(text.lines(candidate).joined(separator: "\n"))
            }
            Console.out("")
            Console.out(l.pick("全部签发：gongdan hub supervise --issue", "issue all: gongdan hub supervise --issue"))
        } else {
            Console.out(l.pick(automatic ? "已自动签发 \(issued.count) 份督办通知：" : "已签发 \(issued.count) 份督办通知：",
                               "issued \(issued.count) notice(s)\(automatic ? " automatically" : ""):"))
            for notice in issued { Console.out("  " + text.summary(notice)) }
        }
    }

    struct Output: Encodable {
        var asOf: Date
        var candidates: [NoticeText.CandidateJSON]
        var issued: [StoredNotice]
        var automatic: Bool
    }
}
