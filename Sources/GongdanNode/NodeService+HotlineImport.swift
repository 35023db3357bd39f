import Foundation
import GongdanCore
import GongdanStore

/// What `gongdan ticket import` did with a hotline export.
public struct HotlineImportReport: Hashable, Sendable {
    /// A row of the file and the ticket it is.
    public struct Entry: Hashable, Sendable, Codable {
        /// The line of the file the row starts on (line 1 is the header).
        public var line: Int
        /// The hotline order number.
        public var order: String
        /// The ticket code.
        public var ticket: String
        /// The ticket's query code for the caller (derived on the workstation once it has synced with
        /// a 1.4 hub), for the hotline platform to tell the caller; nil before the first sync.
        public var queryCode: String?

        public init(line: Int, order: String, ticket: String, queryCode: String? = nil) {
            self.line = line
            self.order = order
            self.ticket = ticket
            self.queryCode = queryCode
        }
    }

    /// Rows taken in now, in file order.
    public var created: [Entry]
    /// Rows whose order was taken in before (by an earlier import, `ticket new`, or the hub's
    /// 12345 intake), skipped.
    public var existing: [Entry]
    /// What is wrong with the file; when not empty, nothing was imported.
    public var problems: [HotlineCSV.Problem]

    public init(created: [Entry] = [], existing: [Entry] = [], problems: [HotlineCSV.Problem] = []) {
        self.created = created
        self.existing = existing
        self.problems = problems
    }
}

extension NodeService {
    /// Imports a 12345 hotline export (``HotlineCSV``) on the workstation, all or nothing.
    ///
    /// Every row is checked first: the file's own rules (``HotlineCSV/read(_:)``), a receipt time
    /// within ``GongdanCore/HotlineFieldRules`` (not in the future beyond the clock allowance, at most
    /// 30 days old, as at the hub's intake API), then the
    /// intake's (`TicketDecider.decideIntake`: credit code, phone, a receipt time in the future…).
    /// If any row is wrong, the report lists every problem with its line and nothing is imported.
    /// Otherwise each row whose order number the replica does not hold yet becomes a ticket
    /// through ``createTicket(_:)`` (each in its own transaction, so a re-run after an
    /// interruption picks up where it stopped); rows already taken in are reported as existing.
    ///
    /// Only the workstation takes in hotline tickets; any other node gets `invalidInput`.
    public func importHotline(csv text: String, progress: ProgressReporter? = nil) throws -> HotlineImportReport {
        let identity = try store.requireIdentity()
        guard identity.role == .workstation else {
            throw TicketError.invalidInput("only the workstation imports 12345 hotline exports; this node is a \(identity.role.rawValue) (hotline tickets dispatched to it arrive by `gongdan sync`)")
        }
        let sheet = HotlineCSV.read(text)
        var report = HotlineImportReport(problems: sheet.problems)
        var fresh: [HotlineCSV.Row] = []
        let context = try decisionContext()
        for row in sheet.rows {
            if let ticket = try store.ticketCode(forHotlineOrder: row.order) {
                report.existing.append(.init(line: row.line, order: row.order, ticket: ticket))
                continue
            }
            if let received = row.request.hotlineReceivedAt,
               let refusal = HotlineFieldRules.checkReceivedAt(received, field: "received_at", now: now()) {
                report.problems.append(HotlineCSV.Problem(line: row.line, order: row.order, message: refusal.description))
                continue
            }
            do throws(TicketError) {
                // A trial decision with a placeholder code: nothing is recorded.
                _ = try TicketDecider.decideIntake(row.request, code: "\(identity.code)-00-0000", in: context)
                fresh.append(row)
            } catch {
                report.problems.append(HotlineCSV.Problem(line: row.line, order: row.order,
                                                          message: HotlineCSV.inColumnTerms(error.description)))
            }
        }
        guard report.problems.isEmpty else {
            report.problems.sort { $0.line < $1.line }
            return report
        }
        for (index, row) in fresh.enumerated() {
            let state = try createTicket(row.request)
            report.created.append(.init(line: row.line, order: row.order, ticket: state.code,
                                        queryCode: try queryCode(for: state.code)))
            progress?(WorkProgress(.csvImport, done: Int64(index + 1), total: Int64(fresh.count)))
        }
        return report
    }
}
