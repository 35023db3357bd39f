import Foundation
import GongdanCore

/// Writes to the terminal: text lines to standard output or standard error, and JSON documents.
///
/// Writes go straight to the file descriptors (no buffering), so output survives a `kill -9`.
/// Lines lose their control characters but line feeds and tabs (``GongdanCore/ControlCharacters``):
/// ticket text from 12345 items, notes and summaries can never move the cursor, clear the screen or
/// retitle the clerk's terminal.
enum Console {
    /// Prints a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((ControlCharacters.strippedForTerminal(text) + "\n").utf8))
    }

    /// Prints a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((ControlCharacters.strippedForTerminal(text) + "\n").utf8))
    }

    /// Prints `value` as pretty-printed JSON with Gongdan's conventions (sorted keys, ISO 8601 dates).
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = GongdanJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
