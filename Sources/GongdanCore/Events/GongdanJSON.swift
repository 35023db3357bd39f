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
}
