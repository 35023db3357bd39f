import ArgumentParser
import GongdanCore
import GongdanStore

/// `gongdan notice issue`: issues a computed candidate, or an interview notice written by hand.
struct NoticeIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a notice: a candidate of `gongdan hub supervise` (--candidate KEY), or an interview notice (--unit, --reason, --detail).",
        discussion: """
            Interview reasons: fraud (弄虚作假), irregularHandling (违规办理), dereliction (失职渎职), \
            breachOfConfidentiality (违反保密规定), retaliation (打击报复), other (其他造成重大不良影响的情形).
            """)

    @Option(name: .long, help: ArgumentHelp("The candidate's key as `gongdan hub supervise` prints it (trigger|unit|tickets).", valueName: "key"))
    var candidate: String?

    @Option(name: .long, help: ArgumentHelp("The unit called in (interview notice).", valueName: "code"))
    var unit: String?

    @Option(name: .long, help: ArgumentHelp("The level of a notice written by hand: only interview.", valueName: "level"))
    var level: NoticeLevel = .interview

    @Option(name: .long, help: ArgumentHelp("Why: fraud, irregularHandling, dereliction, breachOfConfidentiality, retaliation or other.",
                                            valueName: "reason"))
    var reason: InterviewReason?

    @Option(name: .long, help: ArgumentHelp("What happened, in the office's words (printed in the notice).", valueName: "text"))
    var detail: String?

    @Option(name: .customLong("ticket"), help: ArgumentHelp("A ticket concerned (repeatable).", valueName: "code"))
    var tickets: [String] = []

    @OptionGroup var asOfOption: AsOfOption
    @OptionGroup var thresholdsOption: ThresholdsOption
    @OptionGroup var options: HubOptions

    func validate() throws {
        if candidate != nil, unit != nil || reason != nil || detail != nil || !tickets.isEmpty {
            throw ValidationError("give either --candidate KEY, or --unit with --reason and --detail for an interview notice, not both")
        }
        guard candidate == nil else { return }
        guard unit != nil else {
            throw ValidationError("give --candidate KEY (list them with `gongdan hub supervise`) or --unit CODE --reason R --detail TEXT")
        }
        guard level == .interview else {
            throw ValidationError("only interview notices are written by hand; reminders and rectifications come from `gongdan hub supervise` (then --candidate KEY)")
        }
        guard reason != nil else { throw ValidationError("an interview notice needs --reason (fraud, irregularHandling, dereliction, breachOfConfidentiality, retaliation, other)") }
        guard detail != nil else { throw ValidationError("an interview notice needs --detail TEXT: what happened") }
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        _ = try store.requireInfo()
        let asOf = try asOfOption.instant(now: context.now)
        let notice: StoredNotice
        if let candidate {
            notice = try store.issueCandidate(key: candidate, asOf: asOf, thresholds: try thresholdsOption.load(), at: context.now,
                                             by: context.person)
        } else if let unit, let reason, let detail {
            let units = try store.units()
            guard units.contains(where: { $0.code == unit }) else {
                throw HubStoreError.invalidInput("unit \(unit) is not in the hub's directory; list it with `gongdan hub unit list`, or add it with `gongdan hub unit add \(unit) --name NAME --kind township|department`")
            }
            let written = try NoticeCandidate.interview(unit: unit, reason: reason, detail: detail, tickets: tickets, asOf: asOf,
                                                        thresholds: try thresholdsOption.load() ?? store.supervisionSettings().thresholds,
                                                        calendar: try store.districtPolicy().calendar)
            notice = try store.issueNotice(written, at: context.now, by: context.person)
        } else {
            throw ValidationError("give --candidate KEY or --unit CODE --reason R --detail TEXT")
        }
        if context.json {
            try Console.json(notice)
            return
        }
        let names = try store.units().namesByCode
        let text = NoticeText(language: context.language, names: names)
        Console.out(context.language.pick("已签发：", "issued: ") + text.summary(notice))
        Console.out(context.language.pick("打印：", "print: ") + "gongdan notice show \(notice.id) --format html > \(notice.id).html")
    }
}
