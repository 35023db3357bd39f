import ArgumentParser
import Foundation
import GongdanDesk
import GongdanText
import Logging

/// `gongdan desk`: serves the clerks' web interface on this node's replica until SIGINT or SIGTERM.
struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "办理台：在本机浏览器里办理工单（离线可用）。Serve the clerks' web desk on this replica; prints `listening on http://HOST:PORT`.",
        discussion: """
            例：gongdan desk，然后在本机浏览器打开 http://127.0.0.1:8300 ，选择或填写办理人姓名即可办理。\
            默认只有本机能访问；要让其他电脑访问，须加 --listen 0.0.0.0:8300 --password-file 密码文件。

            Example: `gongdan desk`, then open http://127.0.0.1:8300 in this PC's browser and give your name. \
            Only this PC reaches it by default; other machines need --listen 0.0.0.0:8300 and --password-file FILE. \
            The desk works offline on the replica; its 同步 (Sync) button syncs with the hub like `gongdan sync`.
            """)

    @Option(help: ArgumentHelp("监听地址 Address to listen on (port 0: any free port, printed).", valueName: "host:port"))
    var listen = "127.0.0.1:8300"

    @Option(help: ArgumentHelp("密码文件 A file holding the password every clerk types (required off loopback).", valueName: "file"))
    var passwordFile: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let address = try ListenAddress(listen)
        let password = try passwordFile.map { path in
            do {
                return try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw CLIError.unreadableFile(path: path, reason: error.localizedDescription)
            }
        }
        let service = try context.openService()
        _ = try service.identity()
        var logger = Logger(label: "gongdan.desk")
        logger.logLevel = .warning
        let desk = try DeskApplication(service: service, host: address.host, port: address.port, password: password,
                                       language: context.language, software: GongdanVersion.current, logger: logger)
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        let language = context.language
        Task {
            do {
                try await desk.run { bound in
                    let url = address.url(port: bound)
                    Console.out("listening on \(url)")
                    Console.error(language.pick("办理台已启动：请在浏览器打开 \(url) （按 Ctrl+C 停止）",
                                                "The desk is up: open \(url) in a browser (Ctrl+C stops it)"))
                }
            } catch {
                outcome.fail(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}
