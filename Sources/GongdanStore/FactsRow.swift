import Foundation
import GRDB
import GRDBSQLite
import GongdanCore

/// Reads `ticket_facts` and `handling_rounds` rows (in the column order of
/// ``HubStore/facts(_:ids:detail:)``) back into ``TicketFacts``, straight from SQLite's column
/// functions: a year of a province's tickets is millions of values, and a `Row` per value costs too
/// much. Also writes a closure as text.
struct FactsRow {
    let statement: SQLiteStatement

    /// A ticket's row: `id, code, category, source, entity_name, credit_code, summary, created_at,
    /// created_by_unit, hotline_received_at, intake_deadline, status, lead, deadline, closed_at, closure,
    /// closure_reason, merged_into`; its rounds are added by the caller.
    func ticket() throws -> TicketFacts {
        let code = text(1)
        return TicketFacts(
            code: code, category: try value(2, code), source: try value(3, code), entityName: optionalText(4) ?? "",
            creditCode: optionalText(5), summary: optionalText(6) ?? "", createdAt: Date(millis: int(7)),
            createdByUnit: optionalText(8), hotlineReceivedAt: date(9), intakeDeadline: date(10),
            status: try value(11, code), lead: optionalText(12), deadline: date(13), closedAt: date(14),
            closure: try closure(code: code), mergedInto: optionalText(17))
    }

    /// A round's row: `ticket_id, kind, unit, co_units, started_at, sign_by, deadline, extension_days,
    /// signed_at, returned_at, ended_at, replied_at, rejected_replies, accepted_at, satisfaction,
    /// resolved, reasonable, channel, note, evaluated_at`.
    func round() throws -> TicketState.HandlingRound {
        let coUnits = text(3)
        var round = TicketState.HandlingRound(
            kind: try value(1, "round"), unit: text(2),
            coUnits: coUnits.isEmpty ? [] : coUnits.split(separator: ",").map(String.init),
            startedAt: Date(millis: int(4)), signBy: date(5), deadline: date(6))
        round.extensionDaysGranted = Int(int(7))
        round.signedAt = date(8)
        round.returnedAt = date(9)
        round.endedAt = date(10)
        round.repliedAt = date(11)
        round.rejectedReplies = Int(int(12))
        round.acceptedAt = date(13)
        if !isNull(14) {
            round.evaluation = Evaluation(satisfaction: try value(14, "evaluation"), resolved: int(15) != 0,
                                          reasonable: isNull(16) || int(16) != 0,
                                          channel: isNull(17) ? .revisit : try value(17, "evaluation"),
                                          note: optionalText(18))
        }
        round.evaluatedAt = date(19)
        return round
    }

    /// A ticket's intake as scoring reads it, from `id, code, source, created_at, created_by_unit,
    /// intake_deadline`, into `accumulator`.
    func beginScoredTicket(_ accumulator: inout ScoringAccumulator) throws {
        let code = text(1)
        accumulator.beginTicket(code: code, source: try value(2, code), createdAt: Date(millis: int(3)),
                                createdByUnit: optionalText(4), intakeDeadline: date(5))
    }

    /// A ticket's intake contribution, from the same columns as ``beginScoredTicket(_:)``.
    func scoredIntake() throws -> ScoringContribution? {
        ScoringContribution.intake(source: try value(2, text(1)), createdAt: Date(millis: int(3)),
                                   createdByUnit: optionalText(4), intakeDeadline: date(5))
    }

    /// A round as scoring reads it: `ticket_id, unit, started_at, sign_by, deadline, signed_at,
    /// returned_at, ended_at, accepted_at, satisfaction, resolved, reasonable, evaluated_at`.
    func scoredRound() throws -> ScoringRound {
        let evaluation = isNull(9) ? nil
            : Evaluation(satisfaction: try value(9, "evaluation"), resolved: int(10) != 0, reasonable: isNull(11) || int(11) != 0)
        return ScoringRound(unit: text(1), startedAt: Date(millis: int(2)), signBy: date(3), deadline: date(4),
                            signedAt: date(5), returnedAt: date(6), endedAt: date(7), acceptedAt: date(8),
                            evaluation: evaluation, evaluatedAt: date(12))
    }

    /// The closure as its `closure` and `closure_reason` columns.
    static func closureText(_ closure: TicketState.Closure) -> (kind: String, reason: String?) {
        switch closure {
        case .satisfied: ("satisfied", nil)
        case .unreachable: ("unreachable", nil)
        case .unreasonable: ("unreasonable", nil)
        case .byOffice(let reason): ("byOffice", reason)
        }
    }

    // MARK: - Columns

    func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    func int(_ index: Int32) -> Int64 {
        sqlite3_column_int64(statement, index)
    }

    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    private func optionalText(_ index: Int32) -> String? {
        isNull(index) ? nil : text(index)
    }

    func date(_ index: Int32) -> Date? {
        isNull(index) ? nil : Date(millis: int(index))
    }

    private func closure(code: String) throws -> TicketState.Closure? {
        guard !isNull(15) else { return nil }
        switch text(15) {
        case "satisfied": return .satisfied
        case "unreachable": return .unreachable
        case "unreasonable": return .unreasonable
        case "byOffice": return .byOffice(reason: optionalText(16) ?? "")
        case let other: throw Self.corrupt("closure '\(other)'", code)
        }
    }

    private func value<T: RawRepresentable<String>>(_ index: Int32, _ code: String) throws -> T {
        let raw = text(index)
        guard let value = T(rawValue: raw) else { throw Self.corrupt("\(T.self) '\(raw)'", code) }
        return value
    }

    private static func corrupt(_ what: String, _ code: String) -> HubStoreError {
        .unreadableFacts("an unknown \(what) for ticket \(code)")
    }
}
