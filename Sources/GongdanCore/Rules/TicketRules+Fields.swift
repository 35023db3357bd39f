import Foundation

/// The field limits of ``TicketRules/table``: what each payload may carry.
extension TicketRules {
    /// How long before its intake a 12345 item may have been received: an older receipt is a typing
    /// error (a year 0011 or 1999), not a late intake.
    public static let oldestHotlineReceipt: TimeInterval = 366 * 86_400
    /// How far a receipt may lie after the intake's own stamp (the clocks' allowance).
    public static let hotlineReceiptAllowance: TimeInterval = 300

    /// Checks the fields of a payload made at `time` under the limits in force then.
    /// `withheld`: sealed fields whose values this replica does not hold (`ContactPrivacy`), not checked here.
    public static func checkFields(_ payload: TicketEventPayload, policy: DistrictPolicy, at time: Date,
                                   withheld: Set<CorrectableField> = []) throws(TicketError) {
        switch payload {
        case .created(let intake):
            try checkIntakeFields(intake, at: time, withheld: withheld)
        case .dispatched(let assignment), .escalated(let assignment):
            for unit in [assignment.lead] + assignment.co { _ = try NodeCode.validated(unit) }
        case .signed:
            break
        case .returned(let reason):
            try TextLimit.note.check(stored: reason, "--reason", "why the ticket is not this unit's to handle")
        case .contacted(let note):
            try TextLimit.note.check(stored: note, "--note", "how and when the entity was contacted")
        case .progressNoted(let note):
            try TextLimit.note.check(stored: note, "--note", "what was done")
        case .extensionRequested(let days, let reason):
            let most = policy.handling(at: time).maxExtensionDays
            guard (1...most).contains(days) else {
                throw .invalidInput("--days \(days) is out of range: ask for 1 to \(most) working days")
            }
            try TextLimit.note.check(stored: reason, "--reason", "why more time is needed")
        case .extensionDecided(let approved, let reason, _):
            try optionalReason(reason, required: !approved, "why the extension is denied")
        case .referred(let note):
            try TextLimit.note.check(stored: note, "--note", "what the coordination group should resolve")
        case .replied(let result, _):
            try TextLimit.note.check(stored: result, "--result", "what was done and the outcome")
        case .reviewed(let accepted, let reason):
            try optionalReason(reason, required: !accepted, "why the reply is not standard")
        case .evaluated(let evaluation):
            if let note = evaluation.note { try TextLimit.note.check(stored: note, "--note", "what the entity said") }
        case .closed(let reason):
            try TextLimit.note.check(stored: reason, "--reason", "why the office closes the ticket")
        case .corrected(let field, let value):
            if !withheld.contains(field) { try checkCorrection(field, value) }
        case .contactReleased(let unit, let reason):
            if !unit.isEmpty { _ = try NodeCode.validated(unit) }
            try TextLimit.note.check(stored: reason, "--reason", "why the lead needs the reporter's identity and contact")
        case .merged(let into):
            guard TicketCode.isWellFormed(into, node: nil) else {
                throw .invalidInput("--into \(into) is not a ticket code (NODE-YY-NNNN)")
            }
        }
    }

    static func optionalReason(_ reason: String?, required: Bool, _ what: String) throws(TicketError) {
        if let reason {
            try TextLimit.note.check(stored: reason, "--reason", what)
        } else if required {
            throw .invalidInput("--reason is empty: say \(what)")
        }
    }

    static func checkIntakeFields(_ intake: Intake, at time: Date, withheld: Set<CorrectableField> = []) throws(TicketError) {
        if !withheld.contains(.entityName) {
            try TextLimit.name.check(stored: intake.entity.name, "--entity", "the business entity's registered name")
        }
        if let contact = intake.entity.contact { try TextLimit.contact.check(stored: contact, "--contact", "who to talk to") }
        if let phone = intake.entity.phone { try PhoneNumber.validate(phone) }
        if let code = intake.entity.creditCode {
            try CreditCode.validate(code)
            guard code == code.uppercased() else { throw .invalidInput("--credit-code \(code) must be upper case") }
        }
        try TextLimit.summary.check(stored: intake.summary, "--summary", "the matter in one line")
        if let detail = intake.detail { try TextLimit.note.check(stored: detail, "--detail", "the matter in full") }
        if let answer = intake.immediateAnswer { try TextLimit.note.check(stored: answer, "--answer", "the answer given at once") }
        // A legacy event (before protocol 1.4) carries its query code; a new one none (the hub refuses
        // one in a 1.4 push, see PushValidator). Either way what is there must be well formed.
        if let query = intake.queryCode {
            guard query.count == 6, query.allSatisfy(TicketCode.queryAlphabet.contains) else {
                throw .invalidInput("query code '\(query)' is not 6 characters of \(String(TicketCode.queryAlphabet))")
            }
        }
        if let order = intake.hotlineOrder {
            guard (1...64).contains(order.count), !order.contains(where: { $0.isWhitespace && $0 != " " }),
                  !TextLimit.hasControlCharacters(order) else {
                throw .invalidInput("--hotline-order '\(order)' is not an order number: 1 to 64 printable characters on one line")
            }
        }
        if let received = intake.hotlineReceivedAt {
            guard received <= time.addingTimeInterval(hotlineReceiptAllowance) else {
                throw .invalidInput("--hotline-received-at \(received.formatted(.iso8601)) is in the future: check the time (and this machine's clock)")
            }
            guard received >= time.addingTimeInterval(-oldestHotlineReceipt) else {
                throw .invalidInput("--hotline-received-at \(received.formatted(.iso8601)) is more than a year before the intake: check the year")
            }
        }
    }

    static func checkCorrection(_ field: CorrectableField, _ value: String?) throws(TicketError) {
        switch field {
        case .entityName:
            try TextLimit.name.check(stored: value ?? "", "--value", "the corrected entity name")
        case .summary:
            try TextLimit.summary.check(stored: value ?? "", "--value", "the corrected summary")
        case .category:
            guard let value, TicketCategory(rawValue: value) != nil else {
                throw .invalidInput("--value '\(value ?? "")' is not a category: use one of \(TicketCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        case .creditCode:
            if let value { try CreditCode.validate(value) }
        case .phone:
            if let value { try PhoneNumber.validate(value) }
        case .contact:
            if let value { try TextLimit.contact.check(stored: value, "--value", "the contact person") }
        case .detail:
            if let value { try TextLimit.note.check(stored: value, "--value", "the corrected detail") }
        }
    }
}

/// The phone numbers an intake takes: what a clerk would type from a business card.
public enum PhoneNumber {
    /// Throws unless `phone` is 5 to 24 digits, spaces, '-', '+' or parentheses.
    public static func validate(_ phone: String) throws(TicketError) {
        let allowed = CharacterSet(charactersIn: "0123456789+- ()")
        guard (5...24).contains(phone.count), phone.unicodeScalars.allSatisfy(allowed.contains) else {
            throw .invalidInput("--phone '\(phone)' is not a phone number: use digits, spaces, '-', '+' or parentheses (e.g. 0775-4331430)")
        }
    }
}
