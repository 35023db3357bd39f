import Foundation

/// The values every replica computes from the district policy instead of taking them from an event's
/// author: signing limits, handling deadlines, intake limits and extended deadlines. The decider
/// writes them into the events it makes (what the author saw); the fold computes them again, so a
/// forged deadline changes nothing anywhere (`docs/rules.md`, "Derived values").
public enum DerivedValues {
    /// An assignment made at `time`: its signing limit and handling deadline for a ticket of `category`.
    public static func assignment(lead: String, co: [String], category: TicketCategory, at time: Date,
                                  policy: DistrictPolicy) -> Assignment {
        let limits = policy.handling(at: time)
        return Assignment(lead: lead, co: co,
                          signBy: policy.calendar.deadline(workingDays: limits.signingWorkingDays, from: time),
                          deadline: policy.calendar.deadline(workingDays: category.handlingWorkingDays, from: time))
    }

    /// The end of the intake limit of a 12345 item received at `received`, under the limits in force at `time`.
    public static func intakeDeadline(received: Date, at time: Date, policy: DistrictPolicy) -> Date {
        policy.calendar.deadline(workingDays: policy.handling(at: time).intakeWorkingDays, from: received)
    }

    /// The handling deadline of a walk-in kept by the unit that took it in at `time`.
    public static func keptDeadline(category: TicketCategory, at time: Date, policy: DistrictPolicy) -> Date {
        policy.calendar.deadline(workingDays: category.handlingWorkingDays, from: time)
    }

    /// A deadline moved `days` working days on by an approved extension.
    public static func extended(_ deadline: Date, by days: Int, policy: DistrictPolicy) -> Date {
        let lastDay = CivilDate.inChinaStandardTime(deadline.addingTimeInterval(-1))
        return policy.calendar.workingDay(days, after: lastDay).endInChinaStandardTime
    }

    /// The intake as the policy makes it: its derived limits recomputed for an intake made at `time`.
    public static func intake(_ intake: Intake, at time: Date, policy: DistrictPolicy) -> Intake {
        var derived = intake
        derived.intakeDeadline = intake.hotlineReceivedAt.map { intakeDeadline(received: $0, at: time, policy: policy) }
        derived.keptDeadline = intake.keptBy.map { _ in keptDeadline(category: intake.category, at: time, policy: policy) }
        return derived
    }
}
