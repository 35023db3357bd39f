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
    private var window: Range<Date>
    private var countsOverdue = true

    private var unitIndex: [String: Int] = [:]
    private var unitCodes: [String] = []
    private var unitCounts: [ScoringCounts] = []
    private var unitLists: [Lists] = []
    private var districtCounts = ScoringCounts()
    private var districtLists = Lists()

    /// The ticket whose rounds are being added, and its latest round so far.
    private var code = ""
    private var previous: ScoringRound?

    public init(period: ScoringPeriod, asOf: Date?, explain: Bool = true) {
        self.period = period
        self.asOf = asOf
        self.explain = explain
        let end = min(period.end, asOf ?? period.end)
        self.judgedAt = end
        self.window = period.start..<max(period.start, end)
    }

    /// An accumulator, without ticket lists, that counts only what is dated from `from` on, and not the
    /// rounds overdue and open at the end (``ScoringContribution/overdueAndOpen(_:at:)``; the caller
    /// adds those): how a hub adds the last, partial day of a period to the sums it keeps per day.
    public init(period: ScoringPeriod, asOf: Date?, countingFrom from: Date) {
        self.init(period: period, asOf: asOf, explain: false)
        window = min(max(from, window.lowerBound), window.upperBound)..<window.upperBound
        countsOverdue = false
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
        previous = nil
        if let intake = ScoringContribution.intake(source: source, createdAt: createdAt, createdByUnit: createdByUnit,
                                                   intakeDeadline: intakeDeadline),
           window.contains(intake.at) {
            record(intake.hits, unit: intake.unit)
        }
    }

    /// Counts the next round of the ticket begun last.
    public mutating func addRound(_ round: ScoringRound) {
        var hits: ScoringHits = []
        for contribution in ScoringContribution.round(round, previous: previous, evaluatedBy: asOf)
        where window.contains(contribution.at) {
            hits.formUnion(contribution.hits)
        }
        if countsOverdue, ScoringContribution.overdueAndOpen(round, at: window.upperBound) {
            hits.insert(.completionDue)
        }
        previous = round
        if !hits.isEmpty { record(hits, unit: round.unit) }
    }

    /// The first instant whose dated contributions count: the period's start, or later for an
    /// accumulator made with ``init(period:asOf:countingFrom:)``.
    public var countedFrom: Date { window.lowerBound }

    /// Adds `other`'s counts (not its ticket lists) to these, unit by unit.
    public mutating func add(_ other: ScoringAccumulator) {
        precondition(!explain, "merged counts carry no ticket lists")
        districtCounts.add(other.districtCounts)
        for (unit, index) in other.unitIndex { unitCounts[self.index(of: unit)].add(other.unitCounts[index]) }
    }

    /// Adds counts summed elsewhere (by a store, per unit and day) for `unit` (nil: the district only).
    /// Only without ticket lists: counts carry no tickets.
    public mutating func add(_ counts: ScoringCounts, unit: String?) {
        precondition(!explain, "summed counts carry no ticket lists; explain reads every ticket")
        districtCounts.add(counts)
        guard let unit else { return }
        unitCounts[index(of: unit)].add(counts)
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
            return ScoringEngine.score(index.map { unitCounts[$0] } ?? ScoringCounts(), index.map { unitLists[$0] } ?? Lists(),
                                       notices: noticesByUnit[unit] ?? [], unit: unit, weights: weights)
        }
        return ScoringReport(period: period, judgedAt: judgedAt, weights: weights, units: unitScores,
                             district: ScoringEngine.score(districtCounts, districtLists, notices: issued, unit: nil,
                                                           weights: weights),
                             listedNotices: issued.filter { $0.level == .rectification })
    }

    // MARK: - Counting

    private mutating func record(_ hits: ScoringHits, unit: String?) {
        districtCounts.add(hits)
        if explain { districtLists.add(hits, code) }
        guard let unit else { return }
        let index = index(of: unit)
        unitCounts[index].add(hits)
        if explain { unitLists[index].add(hits, code) }
    }

    private mutating func index(of unit: String) -> Int {
        if let known = unitIndex[unit] { return known }
        let index = unitCodes.count
        unitIndex[unit] = index
        unitCodes.append(unit)
        unitCounts.append(ScoringCounts())
        unitLists.append(Lists())
        return index
    }

    /// The ticket codes behind each figure (explain only), in the order counted; sorted for the report.
    struct Lists: Sendable {
        var onTime: [String] = [], completionDue: [String] = [], resolved: [String] = [], resolutionBase: [String] = []
        var satisfied: [String] = [], satisfactionBase: [String] = [], signedInTime: [String] = []
        var signingDue: [String] = [], intakeInTime: [String] = [], intakes: [String] = [], evaluated: [String] = []
        var accepted: [String] = [], returns: [String] = [], overruled: [String] = [], unreasonable: [String] = []
        var unreachable: [String] = []

        mutating func add(_ hits: ScoringHits, _ code: String) {
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
