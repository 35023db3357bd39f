import Crypto
import Foundation

/// A dashboard viewer's password and how the hub keeps it: only a salted, stretched hash
/// (PBKDF2-HMAC-SHA256, one 32-byte block) — never the password itself.
///
/// ```swift
/// let password = ViewerPassword.generate()                 // "K7QM-3XPA-…", printed once
/// let stored = ViewerPassword.hash(password)              // salt, iterations and hash, all to keep
/// ViewerPassword.verify(password, against: stored)        // true
/// ```
public enum ViewerPassword {
    /// What the hub stores for a viewer.
    public struct Stored: Hashable, Sendable {
        /// Hex of 16 random bytes.
        public var salt: String
        public var iterations: Int
        /// Hex of the 32-byte derived key.
        public var hash: String

        public init(salt: String, iterations: Int, hash: String) {
            self.salt = salt
            self.iterations = iterations
            self.hash = hash
        }
    }

    /// The longest password the hub hashes, in UTF-8 bytes. Generated passwords are 24; a longer one is
    /// refused before any hashing, so nobody makes the hub hash megabytes (PBKDF2 re-reads the key each round).
    public static let maxBytes = 256

    /// Whether `password` is within ``maxBytes`` and so worth hashing.
    public static func isWithinLimit(_ password: String) -> Bool {
        password.utf8.count <= maxBytes
    }

    /// PBKDF2 rounds for new passwords. The passwords are random (about 100 bits), so the stretch
    /// is a second line of defence for a stolen database, not the first.
    public static let defaultIterations = 20_000

    /// The characters of a generated password: no look-alikes (0/O, 1/I/L).
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// A new random password: 20 characters in groups of four (`K7QM-3XPA-…`), about 99 bits.
    public static func generate() -> String {
        var random = SystemRandomNumberGenerator()
        let characters = (0..<20).map { _ in alphabet.randomElement(using: &random)! }
        return stride(from: 0, to: 20, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The salted, stretched hash of `password` to store.
    public static func hash(_ password: String, iterations: Int = defaultIterations) -> Stored {
        var random = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &random) }
        return Stored(salt: hex(salt), iterations: iterations,
                      hash: hex(derive(password, salt: salt, iterations: iterations)))
    }

    /// Whether `password` is the one `stored` was made from (compared in constant time). A password
    /// over ``maxBytes`` is false at once, unhashed. CPU-bound (tens of milliseconds): run it off any
    /// queue other work waits on.
    public static func verify(_ password: String, against stored: Stored) -> Bool {
        guard isWithinLimit(password), let salt = bytes(hex: stored.salt), stored.iterations > 0 else { return false }
        let derived = hex(derive(password, salt: salt, iterations: stored.iterations))
        return ConstantTime.equals(derived, stored.hash)
    }

    /// PBKDF2-HMAC-SHA256 (RFC 8018), first block only: 32 bytes.
    static func derive(_ password: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        let key = SymmetricKey(data: Array(password.utf8))
        var block = Array(HMAC<SHA256>.authenticationCode(for: salt + [0, 0, 0, 1], using: key))
        var result = block
        for _ in 1..<max(1, iterations) {
            block = Array(HMAC<SHA256>.authenticationCode(for: block, using: key))
            for index in result.indices { result[index] ^= block[index] }
        }
        return result
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
