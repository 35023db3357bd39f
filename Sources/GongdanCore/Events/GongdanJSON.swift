import Foundation

/// The JSON conventions of events in the store and on the wire: ISO 8601 dates, sorted keys.
public enum GongdanJSON {
    /// A new encoder with the conventions (encoders are not `Sendable`; make one per use site).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A new decoder with the conventions (the canonical date form is read without Foundation's
    /// ISO 8601 parser: see `UTCSecondsDate`).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = UTCSecondsDate.decodingStrategy
        return decoder
    }

    /// Decodes `bytes` as a `T` the fast way (`read`, see `JSONReader`), or with
    /// ``decodeStrictly(_:from:)`` when the bytes are outside the fast path's subset: the same
    /// value either way, and a detailed error when the bytes are not a `T`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes,
                                            fast read: (inout JSONReader) throws -> T) throws -> T {
        do {
            return try JSONReader.read(bytes, read)
        } catch is JSONReader.Miss {
            return try decodeStrictly(T.self, from: bytes)
        }
    }

    /// Decodes `bytes` as a `T` with `decoder()`, after refusing what `JSONDecoder` would take but
    /// the protocol forbids: a member named twice in one object, nesting too deep (`JSONMemberCheck`).
    public static func decodeStrictly<T: Decodable>(_ type: T.Type, from bytes: some ContiguousBytes) throws -> T {
        try bytes.withUnsafeBytes { raw in
            try JSONMemberCheck.check(raw)
            return try decoder().decode(T.self, from: Data(raw))
        }
    }

    /// An event from its JSON (a stored body or a wire element), fast when it is canonical.
    public static func decodeEvent(_ bytes: some ContiguousBytes) throws -> TicketEvent {
        try decode(TicketEvent.self, from: bytes, fast: TicketEvent.read(from:))
    }

    /// An event from its JSON text.
    public static func decodeEvent(_ text: String) throws -> TicketEvent {
        var text = text
        return try text.withUTF8 { utf8 in try decodeEvent(UnsafeRawBufferPointer(utf8)) }
    }
}
