import Foundation
import GongdanHub
import GongdanTesting
import Testing

/// Issue 12, TLS on the hub: the district CA and the hub's certificate from ``DistrictCA``, and the
/// checks of the files `hub serve --tls-cert/--tls-key` is given.
@Suite("TLS on the hub", .timeLimit(.minutes(2)))
struct HubTLSTests {
    /// The four PEM files of a new district CA under `directory/name`, and the serving configuration.
    func makeCA(_ directory: TemporaryDirectory, _ name: String, hosts: [String] = []) throws -> (ca: DistrictCA, files: HubTLSFiles) {
        let made = try DistrictCA.make(district: "港南区", hosts: hosts, now: Date())
        try made.write(to: directory.path(name))
        let files = try HubTLSFiles(certificatePath: directory.path("\(name)/hub.pem"), keyPath: directory.path("\(name)/hub-key.pem"))
        return (made, files)
    }

    @Test("the hub's certificate names the hosts given, is signed by the CA, and its key files are owner-only")
    func certificateContents() throws {
        let directory = try TemporaryDirectory("tls-init")
        defer { directory.remove() }
        let made = try DistrictCA.make(district: "港南区", hosts: ["10.0.0.5", "hub.gangnan.local", "::1"], now: Date())
        try made.write(to: directory.path("tls"))
        #expect(made.hosts == ["10.0.0.5", "hub.gangnan.local", "::1"])
        #expect(made.caFingerprint.split(separator: ":").count == 32)
        for name in ["ca.pem", "ca-key.pem", "hub.pem", "hub-key.pem"] {
            let mode = try FileManager.default.attributesOfItem(atPath: directory.path("tls/\(name)"))[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
        // The pair serves: the key matches the certificate
        _ = try HubTLSFiles(certificatePath: directory.path("tls/hub.pem"), keyPath: directory.path("tls/hub-key.pem"))
        // Running it again never overwrites the CA
        #expect(throws: HubTLSError.alreadyExists(path: directory.path("tls/ca.pem"))) {
            try DistrictCA.make(district: "港南区", hosts: [], now: Date()).write(to: directory.path("tls"))
        }
        #expect(throws: HubTLSError.invalidHost("hub gangnan")) {
            try DistrictCA.make(district: "港南区", hosts: ["hub gangnan"], now: Date())
        }
    }

    @Test("hub TLS files that are missing, not PEM or not a pair are refused, naming the file")
    func badFiles() throws {
        let directory = try TemporaryDirectory("tls-files")
        defer { directory.remove() }
        let a = try DistrictCA.make(district: "港南区", hosts: [], now: Date())
        let b = try DistrictCA.make(district: "港南区", hosts: [], now: Date())
        try a.write(to: directory.path("a"))
        try b.write(to: directory.path("b"))
        try Data("hello".utf8).write(to: directory.url.appendingPathComponent("text.pem"))
        let cert = directory.path("a/hub.pem"), key = directory.path("a/hub-key.pem")
        #expect(throws: HubTLSError.missingFile(path: directory.path("none.pem"), flag: "--tls-cert")) {
            try HubTLSFiles(certificatePath: directory.path("none.pem"), keyPath: key)
        }
        #expect(throws: HubTLSError.notPEM(path: directory.path("text.pem"), flag: "--tls-cert", expected: .certificate)) {
            try HubTLSFiles(certificatePath: directory.path("text.pem"), keyPath: key)
        }
        #expect(throws: HubTLSError.notPEM(path: cert, flag: "--tls-key", expected: .privateKey)) {
            try HubTLSFiles(certificatePath: cert, keyPath: cert)
        }
        #expect(throws: HubTLSError.keyDoesNotMatch(certificate: cert, key: directory.path("b/hub-key.pem"))) {
            try HubTLSFiles(certificatePath: cert, keyPath: directory.path("b/hub-key.pem"))
        }
    }
}
