/// Who originated an event: the node, the role it acts in, the unit it acts for, and the person.
public struct Actor: Hashable, Sendable, Codable {
    /// Code of the originating node.
    public var node: String
    public var role: Role
    /// The unit the node acts for (townships and departments); nil for the workstation.
    public var unit: String?
    /// The person at the keyboard (a name or staff id); not shown on the public page.
    public var person: String

    public init(node: String, role: Role, unit: String?, person: String) {
        self.node = node
        self.role = role
        self.unit = unit
        self.person = person
    }
}
