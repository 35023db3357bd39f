import GongdanCore

/// Who this replica belongs to: set once by `gongdan init`.
public struct NodeIdentity: Hashable, Sendable, Codable {
    /// The node's code, unique in the district; prefix of its ticket codes and origin of its events.
    public var code: String
    public var name: String
    public var role: Role

    public init(code: String, name: String, role: Role) {
        self.code = code
        self.name = name
        self.role = role
    }

    /// The unit a township or department node acts for: its own code. Nil for the workstation.
    public var unit: String? { role.isUnit ? code : nil }

    /// The actor for a person working on this node.
    public func actor(person: String) -> Actor {
        Actor(node: code, role: role, unit: unit, person: person)
    }
}
