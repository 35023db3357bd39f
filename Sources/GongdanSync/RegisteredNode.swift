import GongdanCore

/// A node as the hub registered it: who it is, what it may do, the key it signs with.
public struct RegisteredNode: Hashable, Sendable, Codable {
    public var code: String
    public var role: Role
    public var name: String
    /// Base64 Ed25519 public key, registered at the first push.
    public var publicKey: String?
    public var revoked: Bool

    public init(code: String, role: Role, name: String, publicKey: String?, revoked: Bool = false) {
        self.code = code
        self.role = role
        self.name = name
        self.publicKey = publicKey
        self.revoked = revoked
    }

    /// The unit the node acts for (its own code), nil for the workstation.
    public var unit: String? { role.isUnit ? code : nil }
}
