import Foundation

extension Console {
    /// Writes `text` to standard output exactly as it is (CSV, HTML: no newline added).
    static func raw(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
