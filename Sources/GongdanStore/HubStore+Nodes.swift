import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// Registers a node and returns its bearer token. The token is shown once: the hub keeps only
    /// its SHA-256. A township or department also enters the unit directory under its code.
    /// Registering a revoked node again issues it a new token (its events and key stay).
    ///
    /// ```swift
    /// let (node, token) = try hub.registerNode(code: "DX", role: .township, name: "东兴镇", at: now)
    /// ```
    public func registerNode(code: String, role: Role, name: String, at now: Date) throws -> (node: RegisteredNode, token: String) {
        let code = try NodeCode.validated(code)
        guard code != Self.origin else {
            throw HubStoreError.invalidInput("code \(Self.origin) is the hub's own origin; register the node under another code")
        }
        let name = try DisplayName.validated(name)
        let token = Self.makeToken()
        try db.write { db in
            guard try Self.info(db) != nil else { throw HubStoreError.notInitialized(path: path) }
            if let revoked = try Bool.fetchOne(db, sql: "SELECT revoked FROM nodes WHERE code = ?", arguments: [code]) {
                // A revoked node gets a new credential; its events, key and history stay.
                guard revoked else { throw HubStoreError.nodeExists(code: code) }
                try db.execute(sql: "UPDATE nodes SET token_hash = ?, revoked = 0, role = ?, name = ? WHERE code = ?",
                               arguments: [Self.tokenHash(token), role.rawValue, name, code])
                return
            }
            try db.execute(sql: """
                INSERT INTO nodes (code, role, name, token_hash, public_key, revoked, created_at) VALUES (?, ?, ?, ?, NULL, 0, ?)
                """, arguments: [code, role.rawValue, name, Self.tokenHash(token), now.millis])
            if role.isUnit {
                try Self.upsertUnit(db, HandlingUnit(code: code, name: name, kind: role == .township ? .township : .department), at: now)
            }
        }
        return (RegisteredNode(code: code, role: role, name: name, publicKey: nil), token)
    }

    /// Revokes a node's credential: its requests are refused from now on (`credential_revoked`);
    /// its events stay.
    public func revokeNode(code: String) throws {
        let code = code.uppercased()
        try db.write { db in
            try db.execute(sql: "UPDATE nodes SET revoked = 1 WHERE code = ?", arguments: [code])
            if db.changesCount == 0 { throw HubStoreError.unknownNode(code: code) }
        }
    }

    /// Every registered node with its health, by code.
    public func nodes() throws -> [NodeHealth] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.*, coalesce(o.has_seq, 0) AS has_seq FROM nodes n LEFT JOIN origins o ON o.origin = n.code ORDER BY n.code
                """).map { row in
                NodeHealth(code: row["code"], role: Role(rawValue: row["role"]) ?? .township, name: row["name"],
                           createdAt: Date(millis: row["created_at"]),
                           lastSeen: (row["last_seen"] as Int64?).map(Date.init(millis:)), backlog: row["backlog"],
                           software: row["software"], revoked: row["revoked"], hubHas: row["has_seq"],
                           keyRegistered: (row["public_key"] as String?) != nil, lastError: row["last_error"])
            }
        }
    }

    /// The node a bearer token belongs to (revoked ones included, so the caller can say so), or nil.
    public func authenticate(token: String) throws(SyncError) -> RegisteredNode? {
        let hash = Self.tokenHash(token)
        return try syncRead { db in
            guard let code = try String.fetchOne(db, sql: "SELECT code FROM nodes WHERE token_hash = ?", arguments: [hash]) else {
                return nil
            }
            return try Self.registeredNode(db, code: code)
        }
    }

    static func registeredNode(_ db: Database, code: String) throws -> RegisteredNode? {
        guard let row = try Row.fetchOne(db, sql: "SELECT code, role, name, public_key, revoked FROM nodes WHERE code = ?",
                                         arguments: [code]),
              let role = Role(rawValue: row["role"])
        else { return nil }
        return RegisteredNode(code: row["code"], role: role, name: row["name"], publicKey: row["public_key"], revoked: row["revoked"])
    }

    /// 32 random bytes, base64url without padding.
    /// A new credential: `gd_` and 32 random bytes in base64url. The prefix makes a pasted token
    /// recognisable and keeps it from starting with `-`, which a command line would read as a flag.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "gd_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Hex SHA-256 of the token's UTF-8 bytes.
    static func tokenHash(_ token: String) -> String {
        EventChain.hash(bytes: Array(token.utf8))
    }
}
