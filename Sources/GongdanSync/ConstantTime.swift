/// Comparisons of secrets that take the same time whatever the inputs share, so a caller cannot
/// learn a secret (a query code, a password hash) one character at a time from response times.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same UTF-8 bytes. The time depends only on the lengths.
    public static func equals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
        if x.count != y.count { difference |= 1 }
        for index in 0..<max(x.count, y.count) {
            let left = index < x.count ? x[index] : 0
            let right = index < y.count ? y[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}
