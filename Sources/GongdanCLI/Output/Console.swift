import Foundation
import GongdanCore

/// Writes to the terminal: text lines to standard output or standard error, and JSON documents.
///
/// Writes go straight to the file descriptors (no buffering), so output survives a `kill -9`.
enum Console {
    /// Prints a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints `value` as pretty-printed JSON with Gongdan's conventions (sorted keys, ISO 8601 dates).
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = GongdanJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
