import ArgumentParser
import Foundation
import GongdanDemo
import GongdanHub
import GongdanStore
import Logging
import GongdanText

/// `gongdan demo`: a whole district in one command. Starts a hub on 127.0.0.1, plays a seeded month
/// of its work across six node replicas syncing over HTTP, prints the consolidated status, the unit
/// scores, the conflicts and the notices, then serves the dashboard until Ctrl-C.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Start a hub, play a month of a district (a workstation, three townships, two departments) and keep serving its dashboard.",
        discussion: """
            The month is played on a simulated clock over the official working-day calendar: 12345 items posted to \
            the hub's intake API and a CSV import, walk-ins, dispatches, signing, contacts, extensions, replies, \
            reviews, evaluations with a second dispatch, 桥圩镇 offline for five working days with a conflict when it \
            returns, and the supervision notices the hub issues each evening. Every node syncs with the hub over HTTP. \
            The same --seed and --month tell the same story and print the same report (paths, port and password aside). \
            The hub's clock stays at the end of the month while it serves.
            """)

    @Option(help: ArgumentHelp("The seed of the month's story (the same seed, the same tickets and figures).", valueName: "n"))
    var seed: UInt64 = DemoMonth.Options.defaultSeed

    @Option(help: ArgumentHelp("The month to play (official calendar data for its year is built in for 2023–2026).", valueName: "YYYY-MM"))
    var month = DemoMonth.Options.defaultMonth

    @Option(help: ArgumentHelp("Directory for the hub's and the nodes' SQLite files (default: a new temporary directory, printed).",
                               valueName: "dir"))
    var dir: String?

    @Option(help: ArgumentHelp("Address the hub listens on (port 0: any free port).", valueName: "host:port"))
    var listen = "127.0.0.1:0"

    @Flag(name: .customLong("exit"), help: "Stop the hub and exit right after printing the report (for tests and CI).")
    var exitAfterReport = false

    @Option(name: .long, help: ArgumentHelp("Language of labels and messages: zh or en (default: zh, en when $LANG starts with en).",
                                            valueName: "zh|en"))
    var lang: Language?

    func run() throws {
        let language = Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment)
        let address = try ListenAddress(listen)
        let options = try DemoMonth.Options(seed: seed, month: month)
        let directory = try dir ?? Self.temporaryDirectory()
        Console.out(language.pick("演示目录（中心与各节点的 SQLite 文件）：", "Demo directory (the hub's and the nodes' SQLite files): ") + directory)
        CalendarWarning.check(.official, from: options.start, through: options.end.addingTimeInterval(30 * 86_400), language: language)
        let exitAfterReport = exitAfterReport
        try AsyncBridge.run {
            try await Self.play(options, in: directory, address: address, language: language, exitAfterReport: exitAfterReport)
        }
    }

    static func play(_ options: DemoMonth.Options, in directory: String, address: ListenAddress, language: Language,
                     exitAfterReport: Bool) async throws {
        let district = try DemoDistrict.create(in: directory, start: options.start)
        let logger = EscapingLogHandler.hubLogger(
            level: ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning)
        let hub = HubApplication(store: district.hub, host: address.host, port: address.port, logger: logger,
                                 now: district.clock.reader)
        try await hub.withRunningServer { port in
            let url = address.url(port: port)
            let bar = ProgressBar(language: language)
            let outcome: DemoOutcome
            do {
                outcome = try await DemoMonth.play(district, hubURL: URL(string: url)!, options: options) { bar.update($0) }
                bar.finish()
            } catch {
                bar.finish()
                throw error
            }
            let names = try district.hub.units().namesByCode
            Console.out(DemoText(language: language, names: names).lines(outcome).joined(separator: "\n"))
            let viewer = "demo"
            let (password, _) = try district.hub.addViewer(name: viewer, at: district.clock.now)
            let l = language
            Console.out("")
            Console.out(l.pick("== 中心在运行（时钟停在模拟月末 \(TimeText.instant(outcome.asOf))）",
                               "== The hub is running (its clock stays at the end of the month, \(TimeText.instant(outcome.asOf)))"))
            Console.out(l.pick("看板：", "dashboard: ") + "\(url)/dashboard")
            Console.out(l.pick("看板账号：\(viewer)  密码：\(password)", "viewer: \(viewer)  password: \(password)"))
            Console.out(l.pick("公众查询页：", "public progress page: ") + "\(url)/progress")
            Console.out(l.pick("中心数据库：\(directory)/hub.sqlite（gongdan hub … --db）；各节点：\(directory)/WS.sqlite 等（gongdan … --db）",
                               "hub database: \(directory)/hub.sqlite (gongdan hub … --db); nodes: \(directory)/WS.sqlite etc. (gongdan … --db)"))
            if exitAfterReport { return }
            Console.out(l.pick("按 Ctrl-C 停止中心。", "Press Ctrl-C to stop the hub."))
            await InterruptSignal.wait()
            Console.error(l.pick("正在停止中心…", "stopping the hub…"))
        }
    }

    /// A new directory under the system's temporary directory.
    static func temporaryDirectory() throws -> String {
        var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("gongdan-demo.XXXXXX").path.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ValidationError("could not create a temporary directory (\(String(cString: strerror(errno)))); choose one with --dir")
        }
        return String(cString: made)
    }
}
