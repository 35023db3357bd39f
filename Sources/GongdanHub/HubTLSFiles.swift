import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The hub's certificate (chain) and private key for HTTPS, read from PEM files
/// (`gongdan hub serve --tls-cert FILE --tls-key FILE`), checked before the server starts: each file
/// exists, is readable, holds PEM of the right kind, and the key belongs to the certificate.
///
/// ```swift
/// let files = try HubTLSFiles(certificatePath: "/etc/gongdan/tls/hub.pem", keyPath: "/etc/gongdan/tls/hub-key.pem")
/// let hub = HubApplication(store: store, host: "0.0.0.0", port: 8443, tls: files.configuration)
/// ```
public struct HubTLSFiles: Sendable {
    public let certificatePath: String
    public let keyPath: String
    /// The server side of TLS 1.2 and later with this certificate chain and key.
    public let configuration: TLSConfiguration

    public init(certificatePath: String, keyPath: String) throws {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        let certificateText = try Self.read(certificatePath, flag: "--tls-cert")
        let keyText = try Self.read(keyPath, flag: "--tls-key")
        guard certificateText.contains("-----BEGIN CERTIFICATE-----"),
              let first = try? PEMDocument.parseMultiple(pemString: certificateText).first,
              let leaf = try? Certificate(pemDocument: first),
              let chain = try? NIOSSLCertificate.fromPEMBytes(Array(certificateText.utf8)), !chain.isEmpty
        else { throw HubTLSError.notPEM(path: certificatePath, flag: "--tls-cert", expected: .certificate) }
        guard keyText.contains("PRIVATE KEY-----"),
              let key = try? NIOSSLPrivateKey(bytes: Array(keyText.utf8), format: .pem)
        else { throw HubTLSError.notPEM(path: keyPath, flag: "--tls-key", expected: .privateKey) }
        // X509 reads P-256/384/521, Ed25519 and RSA keys; where it can, the key must match the certificate.
        if let parsed = try? Certificate.PrivateKey(pemEncoded: keyText), parsed.publicKey != leaf.publicKey {
            throw HubTLSError.keyDoesNotMatch(certificate: certificatePath, key: keyPath)
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        // Fail here, not on the first connection, when BoringSSL refuses the pair.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw HubTLSError.keyDoesNotMatch(certificate: certificatePath, key: keyPath)
        }
        self.configuration = configuration
    }

    /// The text of the PEM file at `path`, or the error that says why there is none.
    static func read(_ path: String, flag: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw HubTLSError.missingFile(path: path, flag: flag) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw HubTLSError.unreadableFile(path: path, flag: flag, reason: reason)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
