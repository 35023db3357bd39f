import Foundation
import GongdanHub
import GongdanNode
import GongdanSync
import GongdanTesting
import Testing

/// Issue 12, TLS on the hub: the in-process hub over real HTTPS on 127.0.0.1 (port 0) with a CA and a
/// certificate from ``DistrictCA``, and the node's transport pinning that CA.
@Suite("TLS on the hub", .timeLimit(.minutes(2)))
struct HubTLSTests {
    /// The four PEM files of a new district CA under `directory/name`, and the serving configuration.
    func makeCA(_ directory: TemporaryDirectory, _ name: String, hosts: [String] = []) throws -> (ca: DistrictCA, files: HubTLSFiles) {
        let made = try DistrictCA.make(district: "港南区", hosts: hosts, now: Date())
        try made.write(to: directory.path(name))
        let files = try HubTLSFiles(certificatePath: directory.path("\(name)/hub.pem"), keyPath: directory.path("\(name)/hub-key.pem"))
        return (made, files)
    }

    @Test("a node's transport pinned to the district CA reaches the hub over HTTPS; pinned to another CA it is refused at once")
    func pinnedTransport() async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        // Given a hub serving HTTPS with a certificate from the district's CA, and another district's CA
        let district = try makeCA(hub.directory, "tls")
        let other = try makeCA(hub.directory, "other")
        let now = hub.now
        let app = HubApplication(store: hub.store, port: 0, now: { now }, tls: district.files.configuration)
        try await app.withRunningServer { port in
            let url = URL(string: "https://127.0.0.1:\(port)")!
            // When the workstation's transport pins the district CA, it reads its state over HTTPS
            let pinned = HTTPSyncTransport(baseURL: url, token: hub.tokens["WS"]!, hubCA: try PinnedHubCA(pem: district.ca.caCertificatePEM))
            let state = try await pinned.state()
            #expect(state.node == "WS")
            // and by the name the certificate also carries
            let byName = HTTPSyncTransport(baseURL: URL(string: "https://localhost:\(port)")!, token: hub.tokens["WS"]!,
                                           hubCA: try PinnedHubCA(pem: district.ca.caCertificatePEM))
            #expect(try await byName.state().node == "WS")

            // When a transport pins another CA, the TLS check fails, quickly and by name
            let started = Date()
            let wrong = HTTPSyncTransport(baseURL: url, token: hub.tokens["WS"]!, hubCA: try PinnedHubCA(pem: other.ca.caCertificatePEM))
            await #expect {
                _ = try await wrong.state()
            } throws: { error in
                guard case .tlsRefused(let refusedURL, _) = error as? SyncClientError else { return false }
                return refusedURL == url.absoluteString
            }
            #expect(Date().timeIntervalSince(started) < 10, "a refused certificate is not retried until the timeout")

            // and plain HTTP to the HTTPS port gets no answer in the protocol
            let plain = HTTPSyncTransport(baseURL: URL(string: "http://127.0.0.1:\(port)")!, token: hub.tokens["WS"]!, timeout: 5)
            await #expect(throws: SyncClientError.self) { _ = try await plain.state() }
        }
    }

    @Test("a hub whose certificate, from the pinned CA, names another host is refused")
    func otherHost() async throws {
        let hub = try HubFixture()
        defer { hub.remove() }
        // Given a hub on 127.0.0.1 serving a certificate made for 10.0.0.5 only
        let elsewhere = try makeCA(hub.directory, "elsewhere", hosts: ["10.0.0.5"])
        let now = hub.now
        let app = HubApplication(store: hub.store, port: 0, now: { now }, tls: elsewhere.files.configuration)
        try await app.withRunningServer { port in
            // When a node pinned to that very CA connects by 127.0.0.1, the host name check refuses it
            let transport = HTTPSyncTransport(baseURL: URL(string: "https://127.0.0.1:\(port)")!, token: hub.tokens["WS"]!,
                                              hubCA: try PinnedHubCA(pem: elsewhere.ca.caCertificatePEM))
            await #expect {
                _ = try await transport.state()
            } throws: { error in
                guard case .tlsRefused(_, let reason) = error as? SyncClientError else { return false }
                return reason == "the certificate does not name this host"
            }
        }
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
