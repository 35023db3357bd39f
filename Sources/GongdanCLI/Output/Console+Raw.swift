import Foundation
import GongdanCore

extension Console {
    /// Writes `text` to standard output as it is (CSV, HTML: no newline added), but for control
    /// characters other than CR, LF and tab, which are dropped (``GongdanCore/ControlCharacters``).
    static func raw(_ text: String) {
        FileHandle.standardOutput.write(Data(ControlCharacters.removed(from: text, except: ["\r", "\n", "\t"]).utf8))
    }
}
