import Foundation

/// Counts the figures of one period ticket by ticket, so that a caller can stream tickets into it
/// (one ticket's rounds at a time) instead of holding them all; ``ScoringEngine/report(for:facts:notices:weights:units:asOf:explain:)``
/// is this over an array. The order tickets arrive in does not matter: ticket lists are put in code
/// order by ``report(notices:weights:units:)``.
///
/// ```swift
/// var accumulator = ScoringAccumulator(period: try ScoringPeriod("2026-10"), asOf: now, explain: false)
/// for ticket in facts { accumulator.add(ticket) }
/// let report = accumulator.report(notices: issued, weights: .default, units: ["DX", "QX"])
/// ```
public struct ScoringAccumulator: Sendable {
    /// The period being scored.
    public let period: ScoringPeriod
    /// The instant the figures are judged at: the period's end, or `asOf` when earlier.
    public let judgedAt: Date
    /// Whether the report lists the tickets behind each figure (`--explain`); counts only when false.
    public let explain: Bool
    private let asOf: Date?
    private let window: Range<Date>

    private var unitIndex: [String: Int] = [:]
    private var unitCodes: [String] = []
    private var unitCounts: [Counts] = []
    private var unitLists: [Lists] = []
    private var districtCounts = Counts()
    private var districtLists = Lists()

    /// The ticket whose rounds are being added, and its previous round's unit if that round was returned.
    private var code = ""
    private var previousReturnedBy: String?
    private var previousExists = false

    public init(period: ScoringPeriod, asOf: Date?, explain: Bool = true) {
        self.period = period
        self.asOf = asOf
        self.explain = explain
        let end = min(period.end, asOf ?? period.end)
        self.judgedAt = end
        self.window = period.start..<max(period.start, end)
    }

    /// Counts `ticket`: its intake, then every round.
    public mutating func add(_ ticket: TicketFacts) {
        beginTicket(code: ticket.code, source: ticket.source, createdAt: ticket.createdAt,
                    createdByUnit: ticket.createdByUnit, intakeDeadline: ticket.intakeDeadline)
        for round in ticket.rounds { addRound(ScoringRound(round)) }
    }

    /// Starts a ticket and counts its intake; its rounds follow, oldest first, through ``addRound(_:)``.
    public mutating func beginTicket(code: String, source: IntakeSource, createdAt: Date, createdByUnit: String?,
                                     intakeDeadline: Date?) {
        self.code = code
        previousExists = false
        previousReturnedBy = nil
        if source == .hotline, let limit = intakeDeadline, window.contains(createdAt) {
            var hits: Hits = .intakes
            if createdAt < limit { hits.insert(.intakeInTime) }
            record(hits, unit: createdByUnit)
        }
    }

    /// Counts the next round of the ticket begun last.
    public mutating func addRound(_ round: ScoringRound) {
        var hits: Hits = []
        completion(round, &hits)
        evaluation(round, &hits)
        signing(round, &hits)
        if let returnedAt = round.returnedAt, window.contains(returnedAt) { hits.insert(.returns) }
        if previousExists, previousReturnedBy == round.unit, window.contains(round.startedAt) { hits.insert(.overruled) }
        previousExists = true
        previousReturnedBy = round.returnedAt != nil ? round.unit : nil
        if !hits.isEmpty { record(hits, unit: round.unit) }
    }

    /// The report: the units of `units` (nil: every unit counted, by code), the district, and the
    /// notices issued in the period.
    public func report(notices: [IssuedNotice] = [], weights: ScoringWeights = .default,
                       units: [String]? = nil) -> ScoringReport {
        let issued = notices.filter { window.contains($0.issuedAt) }.sorted { $0.number < $1.number }
        var noticesByUnit: [String: [IssuedNotice]] = [:]
        for notice in issued { noticesByUnit[notice.unit, default: []].append(notice) }
        let scored = units.map { Array(Set($0)).sorted() } ?? Set(unitCodes).union(noticesByUnit.keys).sorted()
        let unitScores = scored.map { unit in
            let index = unitIndex[unit]
            return ScoringEngine.score(index.map { unitCounts[$0] } ?? Counts(), index.map { unitLists[$0] } ?? Lists(),
                                       notices: noticesByUnit[unit] ?? [], unit: unit, weights: weights)
        }
        return ScoringReport(period: period, judgedAt: judgedAt, weights: weights, units: unitScores,
                             district: ScoringEngine.score(districtCounts, districtLists, notices: issued, unit: nil,
                                                           weights: weights),
                             listedNotices: issued.filter { $0.level == .rectification })
    }

    // MARK: - Counting

    private mutating func record(_ hits: Hits, unit: String?) {
        districtCounts.add(hits)
        if explain { districtLists.add(hits, code) }
        guard let unit else { return }
        let index: Int
        if let known = unitIndex[unit] {
            index = known
        } else {
            index = unitCodes.count
            unitIndex[unit] = index
            unitCodes.append(unit)
            unitCounts.append(Counts())
            unitLists.append(Lists())
        }
        unitCounts[index].add(hits)
        if explain { unitLists[index].add(hits, code) }
    }

    private func completion(_ round: ScoringRound, _ hits: inout Hits) {
        if let acceptedAt = round.acceptedAt, window.contains(acceptedAt) {
            hits.insert(.completionDue)
            if round.deadline.map({ acceptedAt < $0 }) ?? true { hits.insert(.onTime) }
            hits.insert(.accepted)
            if let evaluatedAt = round.evaluatedAt, asOf.map({ evaluatedAt <= $0 }) ?? true { hits.insert(.evaluated) }
            return
        }
        // Overdue and still open at the end: started, past its deadline, not accepted, not ended.
        let end = window.upperBound
        guard let deadline = round.deadline, round.startedAt < end, deadline <= end,
              (round.acceptedAt ?? .distantFuture) >= end, (round.endedAt ?? .distantFuture) >= end
        else { return }
        hits.insert(.completionDue)
    }

    private func evaluation(_ round: ScoringRound, _ hits: inout Hits) {
        guard let evaluation = round.evaluation, let at = round.evaluatedAt, window.contains(at) else { return }
        if evaluation.satisfaction == .unreachable {
            hits.insert(.unreachable)
            return
        }
        hits.insert(.resolutionBase)
        if evaluation.resolved { hits.insert(.resolved) }
        if evaluation.satisfaction == .unsatisfied && !evaluation.reasonable {
            hits.insert(.unreasonable)
            return
        }
        hits.insert(.satisfactionBase)
        if evaluation.satisfaction.isSatisfied { hits.insert(.satisfied) }
    }

    private func signing(_ round: ScoringRound, _ hits: inout Hits) {
        guard let signBy = round.signBy, window.contains(signBy) else { return }
        let signed = (round.signedAt ?? .distantFuture) < signBy
        let returned = (round.returnedAt ?? .distantFuture) < signBy
        let takenBack = !signed && !returned && (round.endedAt ?? .distantFuture) < signBy
        guard !takenBack else { return }
        hits.insert(.signingDue)
        if signed || returned { hits.insert(.signedInTime) }
    }

    /// The figures one intake or round counts in.
    struct Hits: OptionSet, Sendable {
        let rawValue: UInt16
        static let onTime = Hits(rawValue: 1 << 0), completionDue = Hits(rawValue: 1 << 1)
        static let resolved = Hits(rawValue: 1 << 2), resolutionBase = Hits(rawValue: 1 << 3)
        static let satisfied = Hits(rawValue: 1 << 4), satisfactionBase = Hits(rawValue: 1 << 5)
        static let signedInTime = Hits(rawValue: 1 << 6), signingDue = Hits(rawValue: 1 << 7)
        static let intakeInTime = Hits(rawValue: 1 << 8), intakes = Hits(rawValue: 1 << 9)
        static let evaluated = Hits(rawValue: 1 << 10), accepted = Hits(rawValue: 1 << 11)
        static let returns = Hits(rawValue: 1 << 12), overruled = Hits(rawValue: 1 << 13)
        static let unreasonable = Hits(rawValue: 1 << 14), unreachable = Hits(rawValue: 1 << 15)
    }

    /// How many rounds (or intakes) count in each figure of one unit or the district.
    struct Counts: Sendable {
        var onTime = 0, completionDue = 0, resolved = 0, resolutionBase = 0, satisfied = 0, satisfactionBase = 0
        var signedInTime = 0, signingDue = 0, intakeInTime = 0, intakes = 0, evaluated = 0, accepted = 0
        var returns = 0, overruled = 0, unreasonable = 0, unreachable = 0

        mutating func add(_ hits: Hits) {
            if hits.contains(.onTime) { onTime += 1 }
            if hits.contains(.completionDue) { completionDue += 1 }
            if hits.contains(.resolved) { resolved += 1 }
            if hits.contains(.resolutionBase) { resolutionBase += 1 }
            if hits.contains(.satisfied) { satisfied += 1 }
            if hits.contains(.satisfactionBase) { satisfactionBase += 1 }
            if hits.contains(.signedInTime) { signedInTime += 1 }
            if hits.contains(.signingDue) { signingDue += 1 }
            if hits.contains(.intakeInTime) { intakeInTime += 1 }
            if hits.contains(.intakes) { intakes += 1 }
            if hits.contains(.evaluated) { evaluated += 1 }
            if hits.contains(.accepted) { accepted += 1 }
            if hits.contains(.returns) { returns += 1 }
            if hits.contains(.overruled) { overruled += 1 }
            if hits.contains(.unreasonable) { unreasonable += 1 }
            if hits.contains(.unreachable) { unreachable += 1 }
        }
    }

    /// The ticket codes behind each figure (explain only), in the order counted; sorted for the report.
    struct Lists: Sendable {
        var onTime: [String] = [], completionDue: [String] = [], resolved: [String] = [], resolutionBase: [String] = []
        var satisfied: [String] = [], satisfactionBase: [String] = [], signedInTime: [String] = []
        var signingDue: [String] = [], intakeInTime: [String] = [], intakes: [String] = [], evaluated: [String] = []
        var accepted: [String] = [], returns: [String] = [], overruled: [String] = [], unreasonable: [String] = []
        var unreachable: [String] = []

        mutating func add(_ hits: Hits, _ code: String) {
            if hits.contains(.onTime) { onTime.append(code) }
            if hits.contains(.completionDue) { completionDue.append(code) }
            if hits.contains(.resolved) { resolved.append(code) }
            if hits.contains(.resolutionBase) { resolutionBase.append(code) }
            if hits.contains(.satisfied) { satisfied.append(code) }
            if hits.contains(.satisfactionBase) { satisfactionBase.append(code) }
            if hits.contains(.signedInTime) { signedInTime.append(code) }
            if hits.contains(.signingDue) { signingDue.append(code) }
            if hits.contains(.intakeInTime) { intakeInTime.append(code) }
            if hits.contains(.intakes) { intakes.append(code) }
            if hits.contains(.evaluated) { evaluated.append(code) }
            if hits.contains(.accepted) { accepted.append(code) }
            if hits.contains(.returns) { returns.append(code) }
            if hits.contains(.overruled) { overruled.append(code) }
            if hits.contains(.unreasonable) { unreasonable.append(code) }
            if hits.contains(.unreachable) { unreachable.append(code) }
        }
    }
}
