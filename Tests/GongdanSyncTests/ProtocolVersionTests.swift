import Foundation
import Testing
import GongdanSync

@Suite("Protocol versions")
struct ProtocolVersionTests {
    @Test("a MAJOR.MINOR text parses, and anything else does not", arguments: [
        ("1.0", ProtocolVersion(major: 1, minor: 0)), ("2.13", ProtocolVersion(major: 2, minor: 13)),
        ("0.0", ProtocolVersion(major: 0, minor: 0)),
    ])
    func parses(text: String, version: ProtocolVersion) {
        // Given a version text / When it is parsed / Then it is that version and prints back the same
        #expect(ProtocolVersion(text) == version)
        #expect(version.description == text)
    }

    @Test("malformed version texts are refused", arguments: ["", "1", "1.", ".0", "1.0.0", "v1.0", "1.x", "-1.0", "1.-2", " 1.0"])
    func refusesMalformed(text: String) {
        #expect(ProtocolVersion(text) == nil)
    }

    @Test("the version travels as a JSON string and a malformed one fails to decode")
    func codable() throws {
        // Given the current version
        let data = try JSONEncoder().encode(["protocol": ProtocolVersion.current])
        // Then it is the string "1.6"
        #expect(String(decoding: data, as: UTF8.self) == #"{"protocol":"1.6"}"#)
        #expect(try JSONDecoder().decode([String: ProtocolVersion].self, from: data) == ["protocol": .current])
        // And a number or a malformed text is refused
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: ProtocolVersion].self, from: Data(#"{"protocol":"1"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([String: ProtocolVersion].self, from: Data(#"{"protocol":1.0}"#.utf8)) }
    }

    @Test("this build speaks 1.6 in the Gongdan-Protocol header (1.6: the hub signs its answers)")
    func current() {
        #expect(ProtocolVersion.current == ProtocolVersion(major: 1, minor: 6))
        #expect(ProtocolVersion.header == "Gongdan-Protocol")
    }

    @Test("versions order by major, then minor")
    func ordering() {
        #expect(ProtocolVersion("1.9")! < ProtocolVersion("1.10")!)
        #expect(ProtocolVersion("1.10")! < ProtocolVersion("2.0")!)
    }

    @Test("peers with the same major version interoperate whatever their minor versions")
    func sameMajorIsCompatible() {
        // Given a 1.0 side / When a 1.0 or 1.7 peer connects / Then neither is refused
        #expect(throws: Never.self) { try ProtocolVersion("1.0")!.checkCompatible(withPeer: ProtocolVersion("1.7")!) }
        #expect(throws: Never.self) { try ProtocolVersion("1.7")!.checkCompatible(withPeer: ProtocolVersion("1.0")!) }
    }

    @Test("an older peer is refused with unsupported_protocol, telling the node to upgrade")
    func olderPeer() throws {
        // Given a hub speaking 2.0
        let hub = ProtocolVersion(major: 2, minor: 0)
        // When a 1.3 node connects
        let error = try #require(throws: SyncError.self) { try hub.checkCompatible(withPeer: ProtocolVersion("1.3")!) }
        // Then it is refused with 426, naming both versions and the side that upgrades
        #expect(error.code == .unsupportedProtocol)
        #expect(error.code.httpStatus == 426)
        #expect(error.message.contains("1.3") && error.message.contains("2.0"))
        #expect(error.message.contains("upgrade gongdan on the node"))
    }

    @Test("a newer peer is refused with unsupported_protocol, telling the operator to upgrade the hub")
    func newerPeer() throws {
        // Given a hub speaking 1.0 / When a 2.0 node connects
        let error = try #require(throws: SyncError.self) { try ProtocolVersion.current.checkCompatible(withPeer: ProtocolVersion("2.0")!) }
        // Then the message says the hub must be upgraded
        #expect(error.code == .unsupportedProtocol)
        #expect(error.message.contains("upgrade the hub"))
    }
}
