import Crypto
import Foundation
import GongdanStore
import SwiftASN1
import X509

/// A district's own certificate authority and the hub's server certificate signed by it
/// (`gongdan hub tls init`), for an operator with no PKI: P-256 keys (swift-crypto), X.509 v3
/// certificates (swift-certificates). Nodes pin the CA (`gongdan init --hub-ca ca.pem`), so a
/// certificate from anyone else — a proxy on the LAN included — is refused.
///
/// | file | what | mode |
/// | --- | --- | --- |
/// | `ca.pem` | the CA certificate: hand it to every node | 0600 (copy it freely) |
/// | `ca-key.pem` | the CA's private key: keep it offline once the hub's certificate is made | 0600 |
/// | `hub.pem` | the hub's certificate for `--host` names and addresses | 0600 |
/// | `hub-key.pem` | the hub's private key (`hub serve --tls-key`) | 0600 |
///
/// ```swift
/// let made = try DistrictCA.make(district: "港南区", hosts: ["10.0.0.5", "hub.gangnan.local"], now: Date())
/// try made.write(to: "/etc/gongdan/tls")
/// print(made.caFingerprint)   // SHA-256 of the CA certificate, AB:CD:…
/// ```
public struct DistrictCA: Sendable {
    /// The CA certificate, its key, the hub's certificate and its key, as PEM text.
    public let caCertificatePEM: String
    public let caKeyPEM: String
    public let hubCertificatePEM: String
    public let hubKeyPEM: String
    /// SHA-256 of the CA certificate's DER bytes, upper-case hex pairs joined by `:` (as `openssl x509 -fingerprint -sha256` prints it).
    public let caFingerprint: String
    /// The hosts the hub's certificate names.
    public let hosts: [String]
    /// When the hub's certificate stops being valid (the CA's lasts far longer).
    public let hubNotAfter: Date

    /// The hosts a certificate names when the operator gives none: this machine only.
    public static let defaultHosts = ["127.0.0.1", "localhost"]
    /// How long the CA is valid: twenty years, so nodes never have to be re-pinned for it.
    public static let caValidity: TimeInterval = 20 * 365 * 86_400
    /// How long the hub's certificate is valid: 825 days, the longest some clients accept.
    public static let hubValidity: TimeInterval = 825 * 86_400
    /// The file names under `--dir`.
    public static let fileNames = (caCertificate: "ca.pem", caKey: "ca-key.pem", hubCertificate: "hub.pem", hubKey: "hub-key.pem")

    /// Makes a new CA and a hub certificate for `hosts` (IP addresses and DNS names; the defaults when empty).
    public static func make(district: String, hosts: [String], now: Date) throws -> DistrictCA {
        let hosts = hosts.isEmpty ? defaultHosts : hosts
        let names = try hosts.map(subjectAlternativeName)
        let caKey = P256.Signing.PrivateKey()
        let hubKey = P256.Signing.PrivateKey()
        let caPublic = Certificate.PublicKey(caKey.publicKey)
        let caName = try DistinguishedName {
            OrganizationName("Gongdan \(district)")
            CommonName("Gongdan \(district) district CA")
        }
        let notBefore = now.addingTimeInterval(-3_600)  // a node whose clock is a little behind still accepts it
        let ca = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: caPublic,
            notValidBefore: notBefore, notValidAfter: now.addingTimeInterval(caValidity),
            issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: caPublic)
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))
        let hubName = try DistinguishedName {
            OrganizationName("Gongdan \(district)")
            CommonName(hosts[0])
        }
        let hubNotAfter = now.addingTimeInterval(hubValidity)
        let hubCertificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(hubKey.publicKey),
            notValidBefore: notBefore, notValidAfter: hubNotAfter,
            issuer: caName, subject: hubName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: caPublic).keyIdentifier)
            },
            issuerPrivateKey: Certificate.PrivateKey(caKey))
        return DistrictCA(
            caCertificatePEM: try ca.serializeAsPEM().pemString, caKeyPEM: caKey.pemRepresentation,
            hubCertificatePEM: try hubCertificate.serializeAsPEM().pemString, hubKeyPEM: hubKey.pemRepresentation,
            caFingerprint: try fingerprint(of: ca), hosts: hosts, hubNotAfter: hubNotAfter)
    }

    /// SHA-256 of a certificate's DER bytes as `AB:CD:…`.
    public static func fingerprint(of certificate: Certificate) throws -> String {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return SHA256.hash(data: serializer.serializedBytes).map { String(format: "%02X", $0) }.joined(separator: ":")
    }

    /// The SAN entry for a `--host`: an IPv4 or IPv6 address, else a DNS name (letters, digits, `-`, `.`; `*.` first allowed).
    static func subjectAlternativeName(_ host: String) throws -> GeneralName {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return .ipAddress(ASN1OctetString(contentBytes: withUnsafeBytes(of: &v4) { Array($0) }[...]))
        }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            return .ipAddress(ASN1OctetString(contentBytes: withUnsafeBytes(of: &v6) { Array($0) }[...]))
        }
        let labels = (host.hasPrefix("*.") ? String(host.dropFirst(2)) : host).split(separator: ".", omittingEmptySubsequences: false)
        let valid = !labels.isEmpty && host.count <= 253 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        guard valid else { throw HubTLSError.invalidHost(host) }
        return .dnsName(host.lowercased())
    }

    /// The paths `write(to:)` writes under `directory`, in the table's order.
    public static func paths(in directory: String) -> [String] {
        let url = URL(fileURLWithPath: directory)
        return [fileNames.caCertificate, fileNames.caKey, fileNames.hubCertificate, fileNames.hubKey]
            .map { url.appendingPathComponent($0).path }
    }

    /// Writes the four files under `directory` (made 0700 when missing), each 0600; refuses, writing
    /// nothing, when any of them exists already.
    public func write(to directory: String) throws {
        let paths = Self.paths(in: directory)
        if let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw HubTLSError.alreadyExists(path: existing)
        }
        do {
            try PrivateFiles.createDirectory(atPath: directory)
        } catch {
            throw HubTLSError.unwritableFile(path: directory, reason: (error as NSError).localizedDescription)
        }
        for (path, text) in zip(paths, [caCertificatePEM, caKeyPEM, hubCertificatePEM, hubKeyPEM]) {
            do {
                try PrivateFiles.createFile(atPath: path)
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
            } catch {
                throw HubTLSError.unwritableFile(path: path, reason: (error as NSError).localizedDescription)
            }
        }
    }
}
