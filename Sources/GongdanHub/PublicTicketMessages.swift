import Foundation
import GongdanCore
import GongdanSync

/// `GET /api/v1/public/tickets/{code}?query=QUERYCODE` and the evaluation's answer: the entity's
/// view of its ticket (``GongdanCore/PublicProgress``), nothing more.
public struct PublicTicketResponse: Hashable, Sendable, Codable {
    public var `protocol`: ProtocolVersion
    public var progress: PublicProgress

    public init(protocol: ProtocolVersion = .current, progress: PublicProgress) {
        self.protocol = `protocol`
        self.progress = progress
    }
}

/// `POST /api/v1/public/tickets/{code}/evaluation`: the entity's own evaluation of an accepted reply.
public struct PublicEvaluationRequest: Hashable, Sendable, Codable {
    /// Optional on this public endpoint; when sent, a different major version is refused.
    public var `protocol`: ProtocolVersion?
    /// The ticket's query code (查询码).
    public var query: String
    /// `satisfied`, `basic` or `unsatisfied`.
    public var satisfaction: Satisfaction
    /// Whether the problem was resolved.
    public var resolved: Bool

    public init(protocol: ProtocolVersion? = .current, query: String, satisfaction: Satisfaction, resolved: Bool) {
        self.protocol = `protocol`
        self.query = query
        self.satisfaction = satisfaction
        self.resolved = resolved
    }
}
