import GongdanDesk
import GongdanWeb
import Testing

/// Who may reach a desk, as pure rules.
@Suite("Desk access")
struct DeskAccessTests {
    @Test func onLoopbackOnlyLoopbackHostNamesAreAnswered() throws {
        let access = try DeskAccess(listenHost: "127.0.0.1", password: nil)
        for host in ["127.0.0.1:8300", "localhost:8300", "[::1]:8300", "127.0.0.1"] {
            #expect(access.acceptsHost(host), "\(host)")
        }
        // A page elsewhere whose name was made to resolve to 127.0.0.1 (DNS rebinding) still sends its own name.
        for host in ["evil.example:8300", "127.0.0.1.evil.example", "127.evil.example", "", "[::2]:8300"] {
            #expect(!access.acceptsHost(host), "\(host)")
        }
        #expect(!access.acceptsHost(nil))
    }

    @Test func offLoopbackAPasswordIsRequiredAndAnyHostIsAnswered() throws {
        #expect(throws: DeskError.passwordRequired(host: "0.0.0.0")) { try DeskAccess(listenHost: "0.0.0.0", password: nil) }
        #expect(throws: DeskError.emptyPassword) { try DeskAccess(listenHost: "0.0.0.0", password: "") }
        let access = try DeskAccess(listenHost: "0.0.0.0", password: "口令")
        #expect(access.acceptsHost("10.0.0.5:8300"))
        #expect(access.accepts(password: "口令"))
        #expect(!access.accepts(password: "口"))
        #expect(!access.accepts(password: nil))
    }

    @Test func formFieldsKeepRepeatedNamesAndDecodeChinese() {
        let form = FormFields(encoded: "co=DX&co=QX&note=%E8%81%94%E7%B3%BB+%E5%BC%A0&blank=+&bad=%ZZ")
        #expect(form.all("co") == ["DX", "QX"])
        #expect(form.text("note") == "联系 张")
        #expect(form.text("blank") == nil)
        #expect(form.text("bad") == "%ZZ")
        #expect(form.text("missing") == nil)
    }
}
