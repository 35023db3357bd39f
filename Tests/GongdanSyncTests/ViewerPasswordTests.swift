import Testing
@testable import GongdanSync

/// Dashboard passwords: random, kept only as a salted PBKDF2 hash, checked in constant time.
@Suite("Viewer passwords")
struct ViewerPasswordTests {
    @Test func aGeneratedPasswordVerifiesAndAnyOtherDoesNot() {
        // Given a new password and what the hub stores of it
        let password = ViewerPassword.generate()
        let stored = ViewerPassword.hash(password, iterations: 1000)
        // Then only that password verifies, and the stored form does not contain it
        #expect(password.count == 24 && password.split(separator: "-").count == 5)
        #expect(ViewerPassword.verify(password, against: stored))
        #expect(!ViewerPassword.verify(password + "X", against: stored))
        #expect(!ViewerPassword.verify("", against: stored))
        #expect(!stored.hash.contains(password) && stored.salt.count == 32 && stored.hash.count == 64)
    }

    @Test func aPasswordOverTheCapNeverVerifiesEvenWhenItIsTheStoredOne() {
        // Given a stored hash made from a password one byte over the cap
        let long = String(repeating: "A", count: ViewerPassword.maxBytes + 1)
        let stored = ViewerPassword.hash(long, iterations: 10)
        // Then it is refused unhashed, while a password of exactly the cap still verifies
        #expect(!ViewerPassword.isWithinLimit(long) && !ViewerPassword.verify(long, against: stored))
        let atCap = String(repeating: "B", count: ViewerPassword.maxBytes)
        #expect(ViewerPassword.isWithinLimit(atCap) && ViewerPassword.verify(atCap, against: ViewerPassword.hash(atCap, iterations: 10)))
        // and the cap counts bytes, not characters: 86 Chinese characters are 258 bytes
        #expect(!ViewerPassword.isWithinLimit(String(repeating: "密", count: 86)))
    }

    @Test func theSamePasswordGetsADifferentSaltAndHashEachTime() {
        let a = ViewerPassword.hash("K7QM-3XPA", iterations: 10), b = ViewerPassword.hash("K7QM-3XPA", iterations: 10)
        #expect(a.salt != b.salt && a.hash != b.hash)
    }

    @Test func pbkdf2MatchesTheRFC7914TestVector() {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, first 32 bytes
        let derived = ViewerPassword.derive("passwd", salt: Array("salt".utf8), iterations: 1)
        #expect(ViewerPassword.hex(derived) == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
    }

    @Test func constantTimeEqualityComparesWholeStrings() {
        #expect(ConstantTime.equals("ABC234", "ABC234"))
        #expect(!ConstantTime.equals("ABC234", "ABC235"))
        #expect(!ConstantTime.equals("ABC234", "ABC2345"))
        #expect(!ConstantTime.equals("", "A"))
        #expect(ConstantTime.equals("", ""))
    }
}
