import Foundation
import GongdanCore
import GongdanStore
import GongdanTesting
import GongdanText
import Testing

/// Every kind of message a clerk meets is Chinese in Chinese: the domain's input refusals, the rule
/// refusals, store errors, backup and bundle errors, the hub's refusals, and the parser's usage errors.
@Suite("Chinese messages")
struct ChineseMessageTests {
    /// The first run of three or more English words outside a `gongdan …` command, or nil.
    static func englishSentence(in text: String) -> String? {
        let withoutCommands = text.replacingOccurrences(of: #"gongdan( [-\w<>|.=/@:\[\]…]+)*"#, with: "", options: .regularExpression)
        guard let range = withoutCommands.range(of: #"[A-Za-z]+('[a-z]+)?([ ,]+[A-Za-z]+('[a-z]+)?){2,}"#, options: .regularExpression)
        else { return nil }
        return String(withoutCommands[range])
    }

    /// The message of the refusal `body` throws.
    static func refusal(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "(no refusal)"
        } catch {
            return ErrorText(language: .zh).message(for: error) ?? "\(error)"
        }
    }

    @Test func theDomainsInputRefusalsAClerkCanCauseAreChinese() {
        let messages = [
            Self.refusal { _ = try TextLimit.note.checked("  ", "--note", "how and when the entity was contacted") },
            Self.refusal { _ = try TextLimit.note.checked(String(repeating: "字", count: 4001), "--reason", "why more time is needed") },
            Self.refusal { _ = try TextLimit.summary.checked("a\u{7}b", "--summary", "the matter in one line") },
            Self.refusal { try CreditCode.validate("91450800MA5L") },
            Self.refusal { try CreditCode.validate("91450800MA5LOOOOOO") },
            Self.refusal { try CreditCode.validate("91450800MA5L1234X9") },
            Self.refusal { try PhoneNumber.validate("call me") },
            Self.refusal {
                try TicketRules.checkFields(.extensionRequested(days: 99, reason: "需要勘查"), policy: .official, at: Date())
            },
            Self.refusal { try TicketRules.checkFields(.merged(into: "X"), policy: .official, at: Date()) },
        ]
        for message in messages {
            #expect(message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(message)")
            #expect(Self.englishSentence(in: message) == nil, "\(message)")
        }
        #expect(messages[0] == "--note 不能为空：请填写联系情况（方式、时间、对方意见）。")
    }

    @Test func storeAndSyncErrorsAreChinese() {
        let errors: [any Error] = [
            StoreError.notInitialized(path: "/x.sqlite"), StoreError.storageFull(path: "/x.sqlite"),
            StoreError.newerSchema(path: "/x.sqlite"), TicketError.unknownTicket("WS-26-0001"),
            BackupError.targetExists(path: "/b.sqlite"), BackupError.missingFile(path: "/b.sqlite"),
            BackupError.databaseExists(path: "/x.sqlite"), BackupError.io(path: "/x.sqlite", reason: "磁盘已满"),
            BackupError.wrongKind(path: "/b.sqlite", expected: .replica, found: .hub),
            TicketError.notAllowed(ticket: "WS-26-0001", status: .handling, action: .reply,
                                   next: ["a reply is standard only after a recorded contact: gongdan ticket contact WS-26-0001 --note TEXT"]),
        ]
        for error in errors {
            let message = ErrorText(language: .zh).message(for: error) ?? ""
            #expect(Self.englishSentence(in: message) == nil, "\(message)")
        }
    }

    @Test func usageErrorsAreSaidInChineseWithTheUsageLineKept() throws {
        let directory = try TemporaryDirectory("cli-usage-zh")
        defer { directory.remove() }
        let ws = try GongdanProcess.workstation(in: directory)
        for arguments in [["ticket", "return", "WS-26-0001"], ["ticket", "list", "--status", "foo"], ["ticket", "list", "--bogus"],
                          ["ticket", "show", "a", "b"], ["ticket", "extend", "X", "--days"]] {
            let result = try ws.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("错误："), "\(result.stderr)")
            #expect(result.stderr.contains("用法：gongdan ticket"), "\(result.stderr)")
            #expect(result.stderr.contains("查看说明和示例："), "\(result.stderr)")
            #expect(Self.englishSentence(in: result.stderr.replacingOccurrences(of: #"用法：.*"#, with: "", options: .regularExpression)) == nil,
                    "\(result.stderr)")
        }
        let english = try ws.run(["ticket", "return", "WS-26-0001", "--lang", "en"])
        #expect(english.stderr.contains("Missing expected argument '--reason <reason>'"))
    }
}
