import Foundation
import Testing
import GongdanCore

/// What `JSONDecoder` would read but the protocol refuses: a member named twice, nesting too deep.
@Suite("Duplicate members and deep nesting")
struct JSONMemberCheckTests {
    /// What the check says about `text`: nil when it passes.
    func refusal(_ text: String) -> String? {
        do {
            try Array(text.utf8).withUnsafeBytes { try JSONMemberCheck.check($0) }
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test("a member named twice is refused, wherever it is and however its name is escaped", arguments: [
        #"{"node":"DX","node":"QX"}"#,
        #"{"events":[{"ticket":"A","seq":1,"ticket":"B"}]}"#,
        #"{"a":{"b":[1,{"c":1,"c":2}]}}"#,
        #"{"node":"DX","n\u006fde":"QX"}"#,
        #"{"\ud83d\ude00":1,"😀":2}"#,
        "{ \"node\" : 1 ,\n\t\"node\" : 2 }",
    ])
    func duplicates(text: String) {
        #expect(refusal(text)?.contains("duplicate member") == true, "\(text)")
    }

    @Test("the same name in different objects, and every valid message, pass", arguments: [
        #"{"a":{"id":1},"b":{"id":1},"c":[{"id":1},{"id":2}]}"#,
        #"{"a":"x\"y","b":"\\","c":[],"d":{},"e":[[]],"f":null,"g":-1.5e3,"h":true}"#,
        #"[1,2,{"a":1}]"#,
        #""text""#,
        #"{"a\"":1,"a":2}"#,
    ])
    func distinctNamesPass(text: String) {
        #expect(refusal(text) == nil, "\(text)")
    }

    @Test("nesting past 512 levels is refused without exhausting the stack; 512 levels pass")
    func nesting() {
        #expect(refusal(String(repeating: "[", count: 1_000_000))?.contains("nested more than 512 levels") == true)
        #expect(refusal(String(repeating: #"{"a":"#, count: 600) + "1" + String(repeating: "}", count: 600))?
            .contains("nested more than 512") == true)
        #expect(refusal(String(repeating: "[", count: 512) + String(repeating: "]", count: 512)) == nil)
    }

    @Test("bytes that are not JSON are left to the decoder", arguments: [
        "", "{", #"{"a""#, #"{"a":1,"#, "}}]]", #"{"a\u12"#, #"{"a":"unterminated"#, "\u{FF}",
    ])
    func malformedIsLeftAlone(text: String) {
        #expect(refusal(text) == nil, "\(text)")
    }

    @Test("decodeStrictly refuses what JSONDecoder alone would take")
    func strictDecoding() throws {
        struct Message: Decodable, Equatable { var node: String }
        let twice = Data(#"{"node":"DX","node":"QX"}"#.utf8)
        #expect(throws: DecodingError.self) { try GongdanJSON.decodeStrictly(Message.self, from: twice) }
        #expect(try GongdanJSON.decodeStrictly(Message.self, from: Data(#"{"node":"DX"}"#.utf8)) == Message(node: "DX"))
    }
}
