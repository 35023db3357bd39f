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
    public func registerNode(code: String, role: Role, name: String, expiresAt: Date? = nil,
                             at now: Date) throws -> (node: RegisteredNode, token: String) {
        let code = try NodeCode.validated(code)
        guard code != Self.origin else {
            throw HubStoreError.invalidInput("code \(Self.origin) is the hub's own origin; register the node under another code")
        }
        let name = try DisplayName.validated(name)
        try Self.checkExpiry(expiresAt, now: now)
        let token = Self.makeToken()
        try db.write { db in
            guard try Self.info(db) != nil else { throw HubStoreError.notInitialized(path: path) }
            if let revoked = try Bool.fetchOne(db, sql: "SELECT revoked FROM nodes WHERE code = ?", arguments: [code]) {
                // A revoked node gets a new credential; its events, key and history stay.
                guard revoked else { throw HubStoreError.nodeExists(code: code) }
                try db.execute(sql: "UPDATE nodes SET token_hash = ?, revoked = 0, role = ?, name = ?, expires_at = ? WHERE code = ?",
                               arguments: [Self.tokenHash(token), role.rawValue, name, expiresAt?.millis, code])
                return
            }
            try db.execute(sql: """
                INSERT INTO nodes (code, role, name, token_hash, public_key, revoked, created_at, expires_at) VALUES (?, ?, ?, ?, NULL, 0, ?, ?)
                """, arguments: [code, role.rawValue, name, Self.tokenHash(token), now.millis, expiresAt?.millis])
            if role.isUnit {
                try Self.upsertUnit(db, HandlingUnit(code: code, name: name, kind: role == .township ? .township : .department), at: now)
            }
        }
        return (RegisteredNode(code: code, role: role, name: name, publicKey: nil, expiresAt: expiresAt), token)
    }

    /// Issues a registered node a new credential (for a node whose disk was lost, or whose
    /// credential expired or leaked): the old token stops working at once, and the node's next push
    /// may register a new public key. The old keys stay in the node's key history, so the heads
    /// they signed still verify. Returns the new token (shown once).
    public func rekeyNode(code: String, expiresAt: Date? = nil, at now: Date) throws -> (node: RegisteredNode, token: String) {
        let code = code.uppercased()
        try Self.checkExpiry(expiresAt, now: now)
        let token = Self.makeToken()
        let node = try db.write { db in
            try db.execute(sql: """
                UPDATE nodes SET token_hash = ?, public_key = NULL, revoked = 0, expires_at = ?, rekeyed_at = ? WHERE code = ?
                """, arguments: [Self.tokenHash(token), expiresAt?.millis, now.millis, code])
            guard db.changesCount > 0, let node = try Self.registeredNode(db, code: code) else {
                throw HubStoreError.unknownNode(code: code)
            }
            return node
        }
        return (node, token)
    }

    static func checkExpiry(_ expiresAt: Date?, now: Date) throws {
        if let expiresAt, expiresAt <= now {
            throw HubStoreError.invalidInput("the expiry \(expiresAt.ISO8601Format()) is not in the future; give --expires as a number of days (e.g. 180d) or a later date")
        }
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
                SELECT n.*, coalesce(o.has_seq, 0) AS has_seq,
                    (SELECT count(*) FROM node_keys k WHERE k.node = n.code) AS keys
                FROM nodes n LEFT JOIN origins o ON o.origin = n.code ORDER BY n.code
                """).map { row in
                NodeHealth(code: row["code"], role: Role(rawValue: row["role"]) ?? .township, name: row["name"],
                           createdAt: Date(millis: row["created_at"]),
                           lastSeen: (row["last_seen"] as Int64?).map(Date.init(millis:)), backlog: row["backlog"],
                           software: row["software"], protocol: row["protocol"], revoked: row["revoked"],
                           expiresAt: (row["expires_at"] as Int64?).map(Date.init(millis:)), hubHas: row["has_seq"],
                           reportedSeq: row["reported_seq"], reportedAt: (row["reported_at"] as Int64?).map(Date.init(millis:)),
                           keyRegistered: (row["public_key"] as String?) != nil, keys: row["keys"],
                           rekeyedAt: (row["rekeyed_at"] as Int64?).map(Date.init(millis:)), lastError: row["last_error"])
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
        guard let row = try Row.fetchOne(db, sql: "SELECT code, role, name, public_key, revoked, expires_at FROM nodes WHERE code = ?",
                                         arguments: [code]),
              let role = Role(rawValue: row["role"])
        else { return nil }
        return RegisteredNode(code: row["code"], role: role, name: row["name"], publicKey: row["public_key"], revoked: row["revoked"],
                              expiresAt: (row["expires_at"] as Int64?).map(Date.init(millis:)))
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
