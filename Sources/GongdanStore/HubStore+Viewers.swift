import Foundation
import GRDB
import GongdanCore
import GongdanSync

extension HubStore {
    /// How long a dashboard session lasts after logging in.
    public static let viewerSessionLifetime: TimeInterval = 12 * 3600

    /// Registers a dashboard viewer (a district leader, the supervision group) and returns its new
    /// password, shown once: the hub keeps only a salted PBKDF2 hash. Adding a name that exists
    /// issues it a new password and ends its sessions.
    ///
    /// ```swift
    /// let password = try hub.addViewer(name: "zhang", at: Date())   // hand it over once
    /// ```
    public func addViewer(name: String, at now: Date) throws -> (password: String, replaced: Bool) {
        let name = try Self.viewerName(name)
        let password = ViewerPassword.generate()
        let stored = ViewerPassword.hash(password)
        let replaced = try db.write { db in
            guard try Self.info(db) != nil else { throw HubStoreError.notInitialized(path: path) }
            let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM viewers WHERE name = ?", arguments: [name]) == true
            try db.execute(sql: """
                INSERT INTO viewers (name, salt, iterations, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET salt = excluded.salt, iterations = excluded.iterations,
                    password_hash = excluded.password_hash
                """, arguments: [name, stored.salt, stored.iterations, stored.hash, now.millis])
            try db.execute(sql: "DELETE FROM viewer_sessions WHERE viewer = ?", arguments: [name])
            return existed
        }
        return (password, replaced)
    }

    /// The registered viewers' names, sorted.
    public func viewerNames() throws -> [String] {
        try db.read { db in try String.fetchAll(db, sql: "SELECT name FROM viewers ORDER BY name") }
    }

    /// Checks a viewer's name and password and, when they match, opens a session and returns the
    /// cookie value (random; the hub keeps only its SHA-256). A wrong name and a wrong password
    /// both answer nil, after the same work. The hub's server does the same in three steps, so the
    /// hashing runs off the store's queue: ``storedPassword(ofViewer:)``, `ViewerPassword.verify`,
    /// ``openSession(viewer:now:)``.
    public func logIn(viewer name: String, password: String, now: Date) throws -> String? {
        let stored = try storedPassword(ofViewer: name)
        guard ViewerPassword.verify(password, against: stored ?? Self.absentViewerPassword), stored != nil else { return nil }
        return try openSession(viewer: name, now: now)
    }

    /// What the hub keeps of a viewer's password, or nil for an unknown name. A quick read: the caller
    /// verifies the password against it outside the store (against ``absentViewerPassword`` when nil,
    /// so timing does not tell which names exist).
    public func storedPassword(ofViewer name: String) throws -> ViewerPassword.Stored? {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let row = try db.read { db in
            try Row.fetchOne(db, sql: "SELECT salt, iterations, password_hash FROM viewers WHERE name = ?", arguments: [name])
        }
        return row.map { ViewerPassword.Stored(salt: $0["salt"], iterations: $0["iterations"], hash: $0["password_hash"]) }
    }

    /// A stand-in an unknown name's password is checked against: the same work as a real one, never a match.
    public static let absentViewerPassword = ViewerPassword.Stored(
        salt: String(repeating: "0", count: 32), iterations: ViewerPassword.defaultIterations, hash: String(repeating: "0", count: 64))

    /// Opens a session for a viewer whose password was verified, and returns its cookie value.
    public func openSession(viewer name: String, now: Date) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let token = Self.makeToken()
        try db.write { db in
            try db.execute(sql: "DELETE FROM viewer_sessions WHERE expires_at <= ?", arguments: [now.millis])
            try db.execute(sql: "INSERT INTO viewer_sessions (token_hash, viewer, created_at, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [Self.tokenHash(token), name, now.millis,
                                       now.addingTimeInterval(Self.viewerSessionLifetime).millis])
            try db.execute(sql: "UPDATE viewers SET last_login = ? WHERE name = ?", arguments: [now.millis, name])
        }
        return token
    }

    /// The viewer a session cookie belongs to, or nil when it is unknown, ended or expired.
    public func viewer(session token: String, now: Date) throws -> String? {
        let hash = Self.tokenHash(token)
        return try db.read { db in
            try String.fetchOne(db, sql: "SELECT viewer FROM viewer_sessions WHERE token_hash = ? AND expires_at > ?",
                                arguments: [hash, now.millis])
        }
    }

    /// Ends a session (logging out); an unknown one is ignored.
    public func endSession(_ token: String) throws {
        let hash = Self.tokenHash(token)
        try db.write { db in try db.execute(sql: "DELETE FROM viewer_sessions WHERE token_hash = ?", arguments: [hash]) }
    }

    /// A viewer's name: 1 to 40 characters, no spaces or control characters.
    static func viewerName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 40,
              !trimmed.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) || CharacterSet.controlCharacters.contains($0) })
        else {
            throw HubStoreError.invalidInput("viewer name '\(name)' must be 1 to 40 characters without spaces, e.g. zhang or 区督查组")
        }
        return trimmed
    }
}
