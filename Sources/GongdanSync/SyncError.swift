/// A refusal in the sync protocol: a stable code (on the wire, in `sync-protocol/README.md`), the HTTP
/// status it travels with, and a message that says what was wrong and what to do.
public struct SyncError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Every error the hub can answer with.
    public enum Code: String, Hashable, Sendable, Codable, CaseIterable {
        case unauthorized = "unauthorized"
        case revoked = "credential_revoked"
        /// The credential's expiry date has passed (1.2); the hub operator issues a new one with `hub node rekey`.
        case expired = "credential_expired"
        case unsupportedProtocol = "unsupported_protocol"
        case malformed = "malformed_request"
        case tooLarge = "body_too_large"
        case batchTooLarge = "batch_too_large"
        case originMismatch = "origin_mismatch"
        case seqGap = "seq_gap"
        case chainBroken = "chain_broken"
        case badSignature = "bad_signature"
        case keyMismatch = "key_mismatch"
        case roleForbidden = "role_forbidden"
        case outOfScope = "out_of_scope"
        case clockAhead = "clock_ahead"
        /// An event is stamped below its origin's previous event, below the hub's clock its node had
        /// read before making it, or below an event it saw (1.4, ``StampRules``): its clock ran back
        /// or it was backdated. The message names the event, its stamp and the floor; nothing is stored.
        case clockBehind = "clock_behind"
        case conflictingEvent = "conflicting_event"
        case notFound = "not_found"
        case rateLimited = "rate_limited"
        /// The public page's evaluation of a ticket that takes none now (not yet accepted, or evaluated already).
        case notEvaluable = "not_evaluable"
        case storage = "storage_failure"
        /// An event breaks a rule of the life-cycle table as its author saw the ticket (1.4): the
        /// message names the rule (`docs/rules.md`), the event and the ticket; nothing of the push is stored.
        case ruleViolation = "rule_violation"
        /// An event saw events the hub does not hold yet (1.4); they arrive when their origin syncs.
        case causalPastUnknown = "causal_past_unknown"

        /// The HTTP status the error travels with.
        public var httpStatus: Int {
            switch self {
            case .unauthorized: 401
            case .revoked, .expired, .originMismatch, .roleForbidden, .outOfScope, .keyMismatch: 403
            case .unsupportedProtocol: 426
            case .malformed, .batchTooLarge: 400
            case .tooLarge: 413
            case .seqGap, .chainBroken, .conflictingEvent, .notEvaluable, .causalPastUnknown: 409
            case .badSignature, .ruleViolation: 422
            case .clockAhead, .clockBehind: 422
            case .notFound: 404
            case .rateLimited: 429
            case .storage: 503
            }
        }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
