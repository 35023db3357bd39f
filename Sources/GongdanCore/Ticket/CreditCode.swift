/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters with a check digit.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Throws unless `code` is 18 characters of the code's alphabet with a correct check character.
    public static func validate(_ code: String) throws(TicketError) {
        let chars = Array(code.uppercased())
        guard chars.count == 18 else {
            throw .invalidInput("credit code '\(code)' has \(chars.count) characters; a 统一社会信用代码 has 18 — check it on the business licence")
        }
        var sum = 0
        for (index, char) in chars.prefix(17).enumerated() {
            guard let value = alphabet.firstIndex(of: char) else {
                throw .invalidInput("credit code '\(code)' contains '\(char)', which no 统一社会信用代码 uses (I, O, S, V and Z never appear)")
            }
            sum += value * weights[index]
        }
        let check = alphabet[(31 - sum % 31) % 31]
        guard chars[17] == check else {
            throw .invalidInput("credit code '\(code)' fails its check character (expected '\(check)' last): check it on the business licence")
        }
    }
}
