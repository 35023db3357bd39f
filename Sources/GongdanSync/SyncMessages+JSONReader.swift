import Foundation
import GongdanCore

// The fast path of decoding the bulk sync messages (`JSONReader`): the same members their
// `Codable` conformances decode; anything else is a miss and `JSONDecoder` decides.

extension PushRequest {
    /// A push request from its JSON body, fast when its events are canonical.
    public static func decode(from bytes: some ContiguousBytes) throws -> PushRequest {
        try GongdanJSON.decode(PushRequest.self, from: bytes) { reader in
            var version: ProtocolVersion?, node: String?, events: [TicketEvent]?, head: SignedHead??
            var publicKey: String??, backlog: Int?, software: String?, openings: [SealOpening]?
            try reader.object { key, r in
                switch key {
                case "backlog": backlog = try r.intValue()
                case "events": events = try r.array(of: TicketEvent.read(from:))
                case "head": head = .some(r.null() ? nil : try SignedHead.read(from: &r))
                case "node": node = try r.string()
                case "protocol": version = try ProtocolVersion.read(from: &r)
                case "publicKey": publicKey = .some(try r.optionalString())
                case "software": software = try r.string()
                case "openings": openings = r.null() ? nil : try r.array(of: SealOpening.read(from:))
                default: try r.skipValue()
                }
            }
            guard let version, let node, let events, let backlog, let software else { throw JSONReader.Miss() }
            return PushRequest(protocol: version, node: node, events: events, head: head ?? nil,
                               publicKey: publicKey ?? nil, backlog: backlog, software: software, openings: openings)
        }
    }
}

extension PullResponse {
    /// A pull page from its JSON body, fast when its events are canonical.
    public static func decode(from bytes: some ContiguousBytes) throws -> PullResponse {
        try GongdanJSON.decode(PullResponse.self, from: bytes) { reader in
            var version: ProtocolVersion?, events: [TicketEvent]?, cursor: Int64?, more: Bool?
            var heads: [SignedHead]?, units: [HandlingUnit]?, openings: [SealOpening]?
            try reader.object { key, r in
                switch key {
                case "cursor": cursor = try r.int()
                case "events": events = try r.array(of: TicketEvent.read(from:))
                case "heads": heads = try r.array(of: SignedHead.read(from:))
                case "more": more = try r.bool()
                // The notices and conflicts of a last page are few: JSONDecoder reads that page.
                case "notices", "conflicts": throw JSONReader.Miss()
                case "protocol": version = try ProtocolVersion.read(from: &r)
                case "units": units = try r.array(of: HandlingUnit.read(from:))
                case "openings": openings = r.null() ? nil : try r.array(of: SealOpening.read(from:))
                default: try r.skipValue()
                }
            }
            guard let version, let events, let cursor, let more, let heads, let units else { throw JSONReader.Miss() }
            return PullResponse(protocol: version, events: events, cursor: cursor, more: more, heads: heads, units: units,
                                openings: openings)
        }
    }
}

extension SealOpening {
    static func read(from reader: inout JSONReader) throws -> SealOpening {
        var event: EventID?, field: CorrectableField?, value: String?, salt: String?
        try reader.object { key, r in
            switch key {
            case "event": event = try EventID.read(from: &r)
            case "field": field = try r.raw(CorrectableField.self)
            case "salt": salt = try r.string()
            case "value": value = try r.string()
            default: try r.skipValue()
            }
        }
        guard let event, let field, let value, let salt else { throw JSONReader.Miss() }
        return SealOpening(event: event, field: field, value: value, salt: salt)
    }
}

extension SignedHead {
    static func read(from reader: inout JSONReader) throws -> SignedHead {
        var origin: String?, seq: Int64?, hash: String?, signature: String?
        try reader.object { key, r in
            switch key {
            case "hash": hash = try r.string()
            case "origin": origin = try r.string()
            case "seq": seq = try r.int()
            case "signature": signature = try r.string()
            default: try r.skipValue()
            }
        }
        guard let origin, let seq, let hash, let signature else { throw JSONReader.Miss() }
        return SignedHead(origin: origin, seq: seq, hash: hash, signature: signature)
    }
}

extension HandlingUnit {
    static func read(from reader: inout JSONReader) throws -> HandlingUnit {
        var code: String?, name: String?, kind: UnitKind?
        try reader.object { key, r in
            switch key {
            case "code": code = try r.string()
            case "kind": kind = try r.raw(UnitKind.self)
            case "name": name = try r.string()
            default: try r.skipValue()
            }
        }
        guard let code, let name, let kind else { throw JSONReader.Miss() }
        return HandlingUnit(code: code, name: name, kind: kind)
    }
}

extension ProtocolVersion {
    static func read(from reader: inout JSONReader) throws -> ProtocolVersion {
        guard let version = ProtocolVersion(try reader.string()) else { throw JSONReader.Miss() }
        return version
    }
}
