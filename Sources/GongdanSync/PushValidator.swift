import Foundation
import GongdanCore

/// The hub's rules for a push, without IO: who may send, in which order, under which signature
/// (what each event may say is ``EventJudge``'s). The hub's shell supplies what it knows (the caller, what it holds of the caller's
/// chain, which tickets are in the caller's scope) and stores only what this accepts.
public struct PushValidator: Sendable {
    public var caller: RegisteredNode
    /// Highest contiguous seq of the caller's events the hub holds, and that event's hash.
    public var hubHas: Int64
    public var hubHeadHash: String?
    public var now: Date
    public var limits: SyncLimits
    /// The stamp of the caller's event `hubHas` (nil: none held), the floor of its stamps (``StampRules``).
    public var hubHeadHLC: HybridTimestamp?
    /// What the hub knows the caller's clock had passed at its earlier contacts.
    public var clockFloor: ClockFloor
    /// The stamps of the events the hub holds on the push's tickets.
    public var ticketStamps: TicketStamps

    /// The longest `software` a push may report (the node's health line shows it on the dashboard).
    public static let longestSoftware = 100

    /// The values a push's `backlog` may take: a node's unsent events are never negative, and no node
    /// holds a billion (a larger number is a forgery, and must not overflow the seq it is added to).
    public static let backlogRange: ClosedRange<Int> = 0...1_000_000_000

    public init(caller: RegisteredNode, hubHas: Int64, hubHeadHash: String?, now: Date, limits: SyncLimits = .default,
                hubHeadHLC: HybridTimestamp? = nil, clockFloor: ClockFloor = .none, ticketStamps: TicketStamps = TicketStamps()) {
        self.caller = caller
        self.hubHas = hubHas
        self.hubHeadHash = hubHeadHash
        self.now = now
        self.limits = limits
        self.hubHeadHLC = hubHeadHLC
        self.clockFloor = clockFloor
        self.ticketStamps = ticketStamps
    }

    /// The rules for the stamps of the caller's fresh events (``StampRules``).
    public var stamps: StampRules {
        StampRules(previous: hubHeadHLC, floor: clockFloor, tickets: ticketStamps)
    }

    /// The verdict on a push: the events to store (the ones the hub lacks), or a refusal.
    ///
    /// - Parameter inScope: whether the caller may act on a ticket it did not create in this batch
    ///   (a unit: the ticket is or was assigned to it, or it created it).
    public func validate(_ request: PushRequest, inScope: (String) -> Bool) throws(SyncError) -> [TicketEvent] {
        try validateChain(request, inScope: inScope).map(\.event)
    }

    /// `validate`, returning each accepted event with the canonical bytes and hash its chain check
    /// computed (what the hub stores).
    ///
    /// - Parameter prepared: `ChainedEvent.all(request.events)` when the caller computed it already
    ///   (outside its transaction); computed here otherwise.
    public func validateChain(_ request: PushRequest, prepared: [ChainedEvent]? = nil,
                              inScope: (String) -> Bool) throws(SyncError) -> [ChainedEvent] {
        try ProtocolVersion.current.checkCompatible(withPeer: request.protocol)
        guard !caller.revoked else {
            throw SyncError(.revoked, "the credential of node \(caller.code) was revoked; ask the hub operator for a new one")
        }
        guard request.node == caller.code else {
            throw SyncError(.originMismatch, "the credential belongs to node \(caller.code), but the push says \(request.node)")
        }
        guard request.software.count <= Self.longestSoftware, !request.software.contains(where: { $0.isNewline }) else {
            throw SyncError(.malformed, "the push's software field is \(request.software.count) characters: it names the gongdan version on one line, at most \(Self.longestSoftware)")
        }
        guard Self.backlogRange.contains(request.backlog) else {
            throw SyncError(.malformed, "the push's backlog is \(request.backlog): it counts the events the node still holds unsent, from \(Self.backlogRange.lowerBound) to \(Self.backlogRange.upperBound)")
        }
        guard request.events.count <= limits.maxPushEvents else {
            throw SyncError(.batchTooLarge, "\(request.events.count) events in one push; send at most \(limits.maxPushEvents) per batch")
        }
        for event in request.events {
            guard event.id.origin == caller.code, event.actor.node == caller.code else {
                throw SyncError(.originMismatch, "event \(event.id) was not made by node \(caller.code); a node pushes only its own events")
            }
            guard event.actor.role == caller.role, event.actor.unit == caller.unit else {
                throw SyncError(.roleForbidden, "event \(event.id) claims role \(event.actor.role.rawValue) for unit \(event.actor.unit ?? "none"), but \(caller.code) is registered as \(caller.role.rawValue)")
            }
        }
        let fresh = request.events.filter { $0.id.seq > hubHas }
        guard !fresh.isEmpty else { return [] }
        if request.protocol >= ProtocolVersion.derivedQueryCodes {
            try Self.refuseCarriedQueryCodes(fresh)
        }
        let chained: [ChainedEvent]
        if let prepared, prepared.count == request.events.count {
            chained = prepared.filter { $0.event.id.seq > hubHas }
            try EventChain.check(chained, after: hubHas, hash: hubHeadHash)
        } else {
            chained = try EventChain.link(fresh, after: hubHas, hash: hubHeadHash)
        }
        let lastHash = chained.last?.hash
        guard let key = caller.publicKey ?? request.publicKey else {
            throw SyncError(.badSignature, "node \(caller.code) has no registered public key and the push carries none; upgrade gongdan on the node")
        }
        guard let head = request.head, head.origin == caller.code, head.seq == fresh.last!.id.seq, head.hash == lastHash else {
            throw SyncError(.badSignature, "the push's signed head does not cover its last event; the node must sign the head of the batch it sends")
        }
        guard NodeSigningKey.verify(head, publicKey: key) else {
            throw SyncError(.badSignature, "the signature on \(caller.code)'s chain head does not verify with its registered key; the events were altered or signed by another key")
        }
        let ceiling = now.addingTimeInterval(limits.clockAllowance)
        var createdHere = Set<String>()
        var stamps = stamps
        let checksStamps = request.protocol >= StampRules.since
        for event in fresh {
            try checkRole(event)
            guard event.time <= ceiling else {
                let ahead = Int(event.time.timeIntervalSince(now) / 60)
                throw SyncError(.clockAhead, "event \(event.id) is stamped \(ahead) minutes ahead of the hub's clock; correct the node's clock (timedatectl); its events stay on the node and go through once the hub's clock reaches their stamps (a node's hybrid clock never runs back, so events already stamped ahead wait for it)")
            }
            if checksStamps { try stamps.check(event) }
            if case .created = event.payload {
                guard event.ticket.hasPrefix(caller.code + "-") else {
                    throw SyncError(.originMismatch, "ticket code \(event.ticket) does not begin with the creating node's code \(caller.code)")
                }
                createdHere.insert(event.ticket)
            } else if caller.role.isUnit, !createdHere.contains(event.ticket), !inScope(event.ticket) {
                throw SyncError(.outOfScope, "ticket \(event.ticket) was never assigned to \(caller.code); a unit acts only on its own tickets")
            }
        }
        return chained
    }

    /// Whether the caller's role may ever originate the event (``TicketRules/checkRole(_:by:)``); what
    /// the event may say on its ticket is ``EventJudge``'s, at the hub.
    func checkRole(_ event: TicketEvent) throws(SyncError) {
        do {
            try TicketRules.checkRole(event.payload, by: event.actor)
        } catch {
            let type = event.payload.type
            let who = caller.role.isUnit ? "only the workstation may record; a \(caller.role.rawValue) cannot"
                                         : "only the handling unit may record"
            let detail = error.rule == TicketRules.rule(for: type).byRule ? "which \(who)" : "\(error.error)"
            throw SyncError(.roleForbidden, "event \(event.id) is a '\(type)', \(detail) (rule \(error.rule), docs/rules.md)")
        }
    }
}
