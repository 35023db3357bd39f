/// The kind of a handling unit in the district directory.
public enum UnitKind: String, Sendable, Codable, CaseIterable {
    case township
    case department
}

/// A handling unit (承办单位) in the district directory that the workstation maintains.
public struct HandlingUnit: Hashable, Sendable, Codable {
    /// Short code, unique in the district, e.g. `DX` or `SCJG`.
    public var code: String
    /// Display name, e.g. `东兴镇`.
    public var name: String
    public var kind: UnitKind

    public init(code: String, name: String, kind: UnitKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }
}

extension Sequence<HandlingUnit> {
    /// Unit code → display name, for printing (the first of repeated codes wins).
    public var namesByCode: [String: String] {
        Dictionary(map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
