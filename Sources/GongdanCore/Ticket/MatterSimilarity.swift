/// How alike two short descriptions of a matter are: the Jaccard index of their character
/// bigrams (pairs of adjacent characters), after dropping whitespace and punctuation and folding
/// case. Works for Chinese text, where words are not separated by spaces.
///
/// ```swift
/// MatterSimilarity.score("门店前道路施工三个月未完工", "门店前道路施工未完工，影响经营")  // ≈ 0.6
/// MatterSimilarity.isAlike("门店前道路施工", "申请办理营业执照")                    // false
/// ```
public enum MatterSimilarity {
    /// The score from which two summaries count as the same matter.
    public static let threshold = 0.5

    /// The Jaccard index of the two texts' character bigrams, 0…1. Two texts that are equal after
    /// normalising score 1; a text of one character is compared as that character alone.
    public static func score(_ a: String, _ b: String) -> Double {
        let left = bigrams(a), right = bigrams(b)
        if left.isEmpty && right.isEmpty { return normalized(a) == normalized(b) ? 1 : 0 }
        let union = left.union(right).count
        return union == 0 ? 0 : Double(left.intersection(right).count) / Double(union)
    }

    /// Whether the two summaries describe the same matter (`score ≥ threshold`).
    public static func isAlike(_ a: String, _ b: String) -> Bool {
        score(a, b) >= threshold
    }

    /// The text's characters without whitespace, punctuation and symbols, lower-cased.
    static func normalized(_ text: String) -> [Character] {
        text.lowercased().filter { character in
            !character.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isWhitespace || scalar.properties.generalCategory.isPunctuationOrSymbol
            }
        }.map { $0 }
    }

    /// The set of adjacent character pairs (a single character stands alone).
    static func bigrams(_ text: String) -> Set<String> {
        let characters = normalized(text)
        guard characters.count > 1 else { return Set(characters.map { String($0) }) }
        var result = Set<String>()
        for index in 0..<(characters.count - 1) {
            result.insert(String([characters[index], characters[index + 1]]))
        }
        return result
    }
}

extension Unicode.GeneralCategory {
    /// Punctuation (`，` `.` `「`) and symbols (`+` `¥` `→`).
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
