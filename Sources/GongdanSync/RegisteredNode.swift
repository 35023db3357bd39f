import Foundation
import GongdanCore

/// A node as the hub registered it: who it is, what it may do, the key it signs with.
public struct RegisteredNode: Hashable, Sendable, Codable {
    public var code: String
    public var role: Role
    public var name: String
    /// Base64 Ed25519 public key, registered at the first push.
    public var publicKey: String?
    public var revoked: Bool
    /// When the credential stops working (`credential_expired`), if it does.
    public var expiresAt: Date?

    public init(code: String, role: Role, name: String, publicKey: String?, revoked: Bool = false, expiresAt: Date? = nil) {
        self.code = code
        self.role = role
        self.name = name
        self.publicKey = publicKey
        self.revoked = revoked
        self.expiresAt = expiresAt
    }

    /// Refuses a revoked or expired credential (`credential_revoked`, `credential_expired`), each
    /// with what to do.
    public func checkUsable(at now: Date) throws(SyncError) {
        guard !revoked else {
            throw SyncError(.revoked, "the credential of node \(code) was revoked; ask the hub operator for a new one")
        }
        if let expiresAt, expiresAt <= now {
            throw SyncError(.expired, "the credential of node \(code) expired at \(expiresAt.ISO8601Format()); ask the hub operator for a new one (`gongdan hub node rekey \(code)`), then set it with `gongdan remote set URL --token TOKEN`")
        }
    }

    /// The unit the node acts for (its own code), nil for the workstation.
    public var unit: String? { role.isUnit ? code : nil }
}
