import Foundation
import GongdanCore

/// Random events of every payload case, with strings made to trip an escaper.
public enum RandomEvents {
    public static let fragments = [
        "", "a", "工单", "港南区", "😀", "👨‍👩‍👧", "é", "e\u{301}", "\"", "\\", "/", "\\\"", "\u{7F}", "\u{2028}",
        "\u{2029}", "\u{FEFF}", "\t", "\n", "\r", "\u{8}", "\u{C}", "\u{0}", "\u{1}", "\u{1B}", "\u{1F}", " ", "12345",
        "<tag>", "&", "'", "中文😀\"混合\\", "𠀀",
    ]
    public static let nodes = ["WS", "DX", "QX", "SCJG", "A1", "B", "Z9", "a", "_x", "é"]

    public static func string(using random: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...5, using: &random)).map { _ in fragments.randomElement(using: &random)! }.joined()
    }

    public static func optionalString(using random: inout SeededRandom) -> String? {
        Bool.random(using: &random) ? string(using: &random) : nil
    }

    public static func date(using random: inout SeededRandom, wholeSeconds: Bool) -> Date {
        let seconds = Double(Int64.random(in: 0...4_102_444_800, using: &random))
        return Date(timeIntervalSince1970: wholeSeconds ? seconds : seconds + Double.random(in: 0..<1, using: &random))
    }

    public static func optionalDate(using random: inout SeededRandom, wholeSeconds: Bool) -> Date? {
        Bool.random(using: &random) ? date(using: &random, wholeSeconds: wholeSeconds) : nil
    }

    public static func event(using random: inout SeededRandom, wholeSeconds: Bool) -> TicketEvent {
        var counts: [String: Int] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            counts[nodes.randomElement(using: &random)!] = Int.random(in: 0...1_000, using: &random)
        }
        let actor = Actor(node: nodes.randomElement(using: &random)!, role: Role.allCases.randomElement(using: &random)!,
                          unit: optionalString(using: &random), person: string(using: &random))
        return TicketEvent(
            id: EventID(origin: nodes.randomElement(using: &random)!, seq: Int64.random(in: 1...Int64.max, using: &random)),
            ticket: string(using: &random),
            hlc: HybridTimestamp(millis: Int64.random(in: 0...(1 << 46), using: &random),
                                 counter: UInt16.random(in: 0...UInt16.max, using: &random)),
            clock: VectorClock(counts), actor: actor,
            payload: payload(using: &random, wholeSeconds: wholeSeconds))
    }

    public static func payload(using random: inout SeededRandom, wholeSeconds: Bool) -> TicketEventPayload {
        func text() -> String { string(using: &random) }
        func maybeText() -> String? { optionalString(using: &random) }
        func when() -> Date { date(using: &random, wholeSeconds: wholeSeconds) }
        func maybeWhen() -> Date? { optionalDate(using: &random, wholeSeconds: wholeSeconds) }
        func flag() -> Bool { Bool.random(using: &random) }
        func assignment() -> Assignment {
            Assignment(lead: text(), co: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() },
                       signBy: when(), deadline: when())
        }
        switch Int.random(in: 0..<16, using: &random) {
        case 0:
            let entity = BusinessEntity(name: text(), creditCode: maybeText(), contact: maybeText(), phone: maybeText())
            return .created(Intake(
                code: text(), queryCode: text(), category: TicketCategory.allCases.randomElement(using: &random)!,
                source: IntakeSource.allCases.randomElement(using: &random)!, entity: entity, summary: text(),
                detail: maybeText(), hotlineReceivedAt: maybeWhen(), hotlineOrder: maybeText(),
                intakeDeadline: maybeWhen(), keptBy: maybeText(), keptDeadline: maybeWhen(),
                immediateAnswer: maybeText()))
        case 1: return .dispatched(assignment())
        case 2: return .signed
        case 3: return .returned(reason: text())
        case 4: return .contacted(note: text())
        case 5: return .progressNoted(note: text())
        case 6: return .extensionRequested(days: Int.random(in: -5...Int.max, using: &random), reason: text())
        case 7: return .extensionDecided(approved: flag(), reason: maybeText(), deadline: maybeWhen())
        case 8: return .referred(note: text())
        case 9: return .replied(result: text(), resolved: flag())
        case 10: return .reviewed(accepted: flag(), reason: maybeText())
        case 11:
            return .evaluated(Evaluation(
                satisfaction: Satisfaction.allCases.randomElement(using: &random)!, resolved: flag(), reasonable: flag(),
                channel: EvaluationChannel.allCases.randomElement(using: &random)!, note: maybeText()))
        case 12: return .escalated(assignment())
        case 13: return .closed(reason: text())
        case 14: return .corrected(field: CorrectableField.allCases.randomElement(using: &random)!, value: maybeText())
        default: return .merged(into: text())
        }
    }
}
