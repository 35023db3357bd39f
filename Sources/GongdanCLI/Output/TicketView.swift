import Foundation
import GongdanCore

/// A ticket's state as `ticket show --json` and the mutating commands print it (`"ticket"`).
///
/// The field names are a documented contract (docs/cli.md); optional fields are left out when unset.
struct TicketView: Encodable, Sendable {
    /// The business entity and how to reach it.
    struct Entity: Encodable, Sendable {
        var name: String
        var creditCode: String?
        var contact: String?
        var phone: String?
        /// Sealed fields this replica may not read (`docs/privacy.md`): `entityName`, `creditCode`, `contact`, `phone`.
        var withheld: [CorrectableField]
    }

    /// A pending extension request.
    struct ExtensionView: Encodable, Sendable {
        var unit: String
        var days: Int
        var reason: String
        var at: Date
    }

    /// A unit's reply.
    struct ReplyView: Encodable, Sendable {
        var unit: String
        var result: String
        var resolved: Bool
        var at: Date
    }

    /// A return by a unit.
    struct ReturnView: Encodable, Sendable {
        var unit: String
        var reason: String
        var at: Date
    }

    /// Why a closed ticket closed: `satisfied`, `unreachable`, `unreasonable` or `byOffice` (with `reason`).
    struct ClosureView: Encodable, Sendable {
        var kind: String
        var reason: String?
    }

    var code: String
    /// The entity's query code, derived on the workstation (protocol 1.4); absent on a township or
    /// department node, which never holds it.
    var queryCode: String?
    var status: TicketStatus
    var category: TicketCategory
    var source: IntakeSource
    var entity: Entity
    var summary: String
    var detail: String?
    var hotlineReceivedAt: Date?
    var hotlineOrder: String?
    var intakeDeadline: Date?
    var immediateAnswer: String?
    var createdAt: Date
    var createdBy: Actor
    var lead: String?
    var coUnits: [String]
    /// Unit code → name for the lead and co-units.
    var unitNames: [String: String]
    var dispatchedAt: Date?
    var signBy: Date?
    var signedAt: Date?
    var signOverdue: Bool
    var deadline: Date?
    var overdue: Bool
    var round: Int
    var escalated: Bool
    var contactedThisRound: Bool
    var referredToCoordination: Bool
    var pendingExtension: ExtensionView?
    var extensionDaysGranted: Int
    var returns: [ReturnView]
    var reply: ReplyView?
    var repliedAt: Date?
    var replyAcceptedAt: Date?
    var rejectedReplies: Int
    var handedOverReplies: [ReplyView]
    var evaluations: [Evaluation]
    var unsatisfiedCount: Int
    var closedAt: Date?
    var closure: ClosureView?
    var mergedInto: String?
    var eventCount: Int
    var lastEventAt: Date
    /// Commands this node's role can run next.
    var nextCommands: [String]

    init(_ state: TicketState, units: [String: String], now: Date, role: Role, queryCode: String? = nil) {
        let intake = state.intake
        code = state.code
        self.queryCode = queryCode
        status = state.status
        category = intake.category
        source = intake.source
        entity = Entity(name: intake.entity.name, creditCode: intake.entity.creditCode,
                        contact: intake.entity.contact, phone: intake.entity.phone, withheld: state.withheld)
        summary = intake.summary
        detail = intake.detail
        hotlineReceivedAt = intake.hotlineReceivedAt
        hotlineOrder = intake.hotlineOrder
        intakeDeadline = intake.intakeDeadline
        immediateAnswer = intake.immediateAnswer
        createdAt = state.createdAt
        createdBy = state.createdBy
        lead = state.lead
        coUnits = state.coUnits
        unitNames = units.filter { code, _ in code == state.lead || state.coUnits.contains(code) }
        dispatchedAt = state.dispatchedAt
        signBy = state.signBy
        signedAt = state.signedAt
        signOverdue = state.isSignOverdue(at: now)
        deadline = state.deadline
        overdue = state.isOverdue(at: now)
        round = state.round
        escalated = state.escalated
        contactedThisRound = state.contactedThisRound
        referredToCoordination = state.referredToCoordination
        pendingExtension = state.pendingExtension.map { ExtensionView(unit: $0.unit, days: $0.days, reason: $0.reason, at: $0.at) }
        extensionDaysGranted = state.extensionDaysGranted
        returns = state.returns.map { ReturnView(unit: $0.unit, reason: $0.reason, at: $0.at) }
        reply = state.reply.map(Self.reply)
        repliedAt = state.repliedAt
        replyAcceptedAt = state.replyAcceptedAt
        rejectedReplies = state.rejectedReplies
        handedOverReplies = state.handedOverReplies.map(Self.reply)
        evaluations = state.evaluations
        unsatisfiedCount = state.unsatisfiedCount
        closedAt = state.closedAt
        closure = state.closure.map(Self.closure)
        mergedInto = state.mergedInto
        eventCount = state.eventCount
        lastEventAt = state.lastEventAt
        nextCommands = state.nextCommands(for: role)
    }

    private static func reply(_ reply: TicketState.Reply) -> ReplyView {
        ReplyView(unit: reply.unit, result: reply.result, resolved: reply.resolved, at: reply.at)
    }

    private static func closure(_ closure: TicketState.Closure) -> ClosureView {
        switch closure {
        case .satisfied: ClosureView(kind: "satisfied")
        case .unreachable: ClosureView(kind: "unreachable")
        case .unreasonable: ClosureView(kind: "unreasonable")
        case .byOffice(let reason): ClosureView(kind: "byOffice", reason: reason)
        }
    }
}
