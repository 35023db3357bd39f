import Foundation
import GongdanHub
import Logging
import Testing

/// The hub's log handler escapes control characters in messages and metadata, so one entry is one line.
@Suite("Escaped log lines")
struct EscapingLogHandlerTests {
    /// Keeps what reaches it.
    final class Recorder: LogHandler, @unchecked Sendable {
        var metadataProvider: Logger.MetadataProvider?
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        let lock = NSLock()
        var events: [LogEvent] = []
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { lock.withLock { events.append(event) } }
    }

    @Test func aNewlineInAViewerNameCannotForgeALine() {
        // Given the hub's logger over a recorder
        let recorder = Recorder()
        var logger = Logger(label: "test") { _ in EscapingLogHandler(recorder) }
        logger[metadataKey: "path"] = "/login\r\nforged"
        // When a refused login logs the name the client typed
        logger.notice("dashboard login refused\u{1B}[2J", metadata: ["viewer": "zhang\nlevel=info dashboard login", "n": "\(3)",
                                                                    "list": .array(["a\tb"])])
        // Then every control character is escaped, in the message and in every value
        let event = recorder.events[0]
        #expect(event.message.description == "dashboard login refused\\u{1B}[2J")
        #expect(event.metadata?["viewer"] == .string("zhang\\nlevel=info dashboard login"))
        #expect(event.metadata?["list"] == .array([.string("a\\tb")]))
        #expect(recorder.metadata["path"] == .string("/login\\r\\nforged"))
    }
}
