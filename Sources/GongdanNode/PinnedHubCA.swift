import Foundation
import NIOSSL

/// The CA certificate a node pins for its hub (`gongdan init --hub-ca FILE`, `gongdan remote set --hub-ca FILE`):
/// over HTTPS the node accepts the hub only with a certificate signed by this CA and naming the URL's host
/// (TLS 1.2 or later), and no other — not the system's trust roots, not a proxy's certificate.
///
/// ```swift
/// let ca = try PinnedHubCA(contentsOfFile: "ca.pem")
/// try store.setRemote(hubURL: "https://10.0.0.5:8443", token: token, hubCA: ca.pem)
/// let transport = HTTPSyncTransport(baseURL: url, token: token, hubCA: ca)
/// ```
public struct PinnedHubCA: Sendable, Hashable {
    /// The certificate(s) as PEM text, as stored in the replica.
    public let pem: String
    /// The client side of TLS that trusts only these certificates, with full verification (chain and host name).
    public let tlsConfiguration: TLSConfiguration

    /// The CA from PEM text (what the replica holds); `source` names it in the error.
    public init(pem: String, source: String = "--hub-ca") throws {
        guard pem.contains("-----BEGIN CERTIFICATE-----"),
              let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(pem.utf8)), !certificates.isEmpty
        else { throw HubCAError.notPEM(path: source) }
        self.pem = pem
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        configuration.trustRoots = .certificates(certificates)
        tlsConfiguration = configuration
    }

    /// The CA from a PEM file (the `ca.pem` that `gongdan hub tls init` wrote).
    public init(contentsOfFile path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw HubCAError.missingFile(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw HubCAError.unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        try self.init(pem: String(decoding: data, as: UTF8.self), source: path)
    }

    public static func == (lhs: PinnedHubCA, rhs: PinnedHubCA) -> Bool { lhs.pem == rhs.pem }
    public func hash(into hasher: inout Hasher) { hasher.combine(pem) }
}
