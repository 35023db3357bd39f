import Foundation

/// The clerks signed in at this desk, in memory: a random token in an `HttpOnly`, `SameSite=Strict`
/// cookie names a session, which holds the clerk's name and the CSRF token its forms carry. A session
/// idle for 12 hours ends; a restart of the desk ends them all (clerks sign in again, nothing is lost).
actor DeskSessions {
    /// A clerk's session.
    struct Session: Sendable {
        var person: String
        var csrf: String
        var lastSeen: Date
    }

    static let idleLifetime: TimeInterval = 12 * 3600
    private var sessions: [String: Session] = [:]

    /// Starts a session for `person`; returns its token.
    func open(person: String, now: Date) -> String {
        sweep(now)
        let token = Self.randomToken()
        sessions[token] = Session(person: person, csrf: Self.randomToken(), lastSeen: now)
        return token
    }

    /// The session `token` names, if it is live; touching it keeps it so.
    func session(_ token: String?, now: Date) -> Session? {
        guard let token, var session = sessions[token] else { return nil }
        guard now.timeIntervalSince(session.lastSeen) < Self.idleLifetime else {
            sessions[token] = nil
            return nil
        }
        session.lastSeen = now
        sessions[token] = session
        return session
    }

    /// Ends the session `token` names.
    func close(_ token: String?) {
        if let token { sessions[token] = nil }
    }

    private func sweep(_ now: Date) {
        sessions = sessions.filter { now.timeIntervalSince($0.value.lastSeen) < Self.idleLifetime }
    }

    /// 256 random bits, base64url.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
