import Foundation
import GRDB
import GongdanCore

/// Reads `ticket_facts` and `handling_rounds` rows (in the column order of
/// ``HubStore/facts(_:ids:detail:)``) back into ``TicketFacts``, and writes a closure as text.
enum FactsRow {
    /// A ticket's row: `id, code, category, source, entity_name, credit_code, summary, created_at,
    /// created_by_unit, hotline_received_at, intake_deadline, status, lead, deadline, closed_at, closure,
    /// closure_reason, merged_into`; its rounds are added by the caller.
    static func ticket(_ row: Row) throws -> TicketFacts {
        let code: String = row[1]
        return TicketFacts(
            code: code, category: try value(row[2], code), source: try value(row[3], code),
            entityName: row[4] ?? "", creditCode: row[5], summary: row[6] ?? "", createdAt: Date(millis: row[7]),
            createdByUnit: row[8], hotlineReceivedAt: date(row[9]), intakeDeadline: date(row[10]),
            status: try value(row[11], code), lead: row[12], deadline: date(row[13]), closedAt: date(row[14]),
            closure: try closure(kind: row[15], reason: row[16], code: code), mergedInto: row[17])
    }

    /// A round's row: `ticket_id, kind, unit, co_units, started_at, sign_by, deadline, extension_days,
    /// signed_at, returned_at, ended_at, replied_at, rejected_replies, accepted_at, satisfaction,
    /// resolved, reasonable, channel, note, evaluated_at`.
    static func round(_ row: Row) throws -> TicketState.HandlingRound {
        let coUnits: String = row[3]
        var round = TicketState.HandlingRound(
            kind: try value(row[1], "round"), unit: row[2],
            coUnits: coUnits.isEmpty ? [] : coUnits.split(separator: ",").map(String.init),
            startedAt: Date(millis: row[4]), signBy: date(row[5]), deadline: date(row[6]))
        round.extensionDaysGranted = row[7]
        round.signedAt = date(row[8])
        round.returnedAt = date(row[9])
        round.endedAt = date(row[10])
        round.repliedAt = date(row[11])
        round.rejectedReplies = row[12]
        round.acceptedAt = date(row[13])
        if let satisfaction: String = row[14] {
            round.evaluation = Evaluation(satisfaction: try value(satisfaction, "evaluation"), resolved: row[15] ?? false,
                                          reasonable: row[16] ?? true, channel: try value(row[17] ?? "revisit", "evaluation"),
                                          note: row[18])
        }
        round.evaluatedAt = date(row[19])
        return round
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

    private static func closure(kind: String?, reason: String?, code: String) throws -> TicketState.Closure? {
        switch kind {
        case nil: nil
        case "satisfied": .satisfied
        case "unreachable": .unreachable
        case "unreasonable": .unreasonable
        case "byOffice": .byOffice(reason: reason ?? "")
        case let other?: throw corrupt("closure '\(other)'", code)
        }
    }

    private static func date(_ millis: Int64?) -> Date? {
        millis.map(Date.init(millis:))
    }

    private static func value<T: RawRepresentable<String>>(_ text: String, _ code: String) throws -> T {
        guard let value = T(rawValue: text) else { throw corrupt("\(T.self) '\(text)'", code) }
        return value
    }

    private static func corrupt(_ what: String, _ code: String) -> HubStoreError {
        .unreadableFacts("an unknown \(what) for ticket \(code)")
    }
}
