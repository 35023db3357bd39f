import Foundation
import GongdanCore

/// A 12345 hotline export in CSV, read without IO: text in, intake requests and problems out.
///
/// The file is UTF-8 (an optional byte-order mark is dropped) in RFC 4180 form: a header row,
/// fields separated by commas, records by CRLF or LF; a field in double quotes may hold commas,
/// line breaks and doubled quotes (`"say ""hi"""`). Blank lines are skipped. The header names the
/// columns, in any order:
///
/// | column | required | what |
/// | --- | --- | --- |
/// | `order_number` | yes | the hotline's own order number (the key of idempotent import): 1–64 letters, digits, `-`, `_` |
/// | `received_at` | yes | when 12345 received the call: ISO 8601 with an offset (`2026-10-20T08:30:00+08:00`, `…Z`) or `2026-10-20 08:30` in China Standard Time |
/// | `category` | yes | `consult`, `help`, `suggestion`, `complaint`, `report`, or 咨询, 求助, 意见建议, 投诉, 举报 |
/// | `entity` | yes | the business entity's registered name |
/// | `credit_code`, `contact`, `phone` | no | the entity's 统一社会信用代码, contact person, phone |
/// | `summary` | yes | the matter in one line |
/// | `detail` | no | the full account |
///
/// No value may hold a control character (`detail` may hold line breaks and tabs), as at the hub's
/// intake API (``GongdanCore/HotlineFieldRules``).
///
/// ```swift
/// let sheet = HotlineCSV.read(text)
/// if sheet.problems.isEmpty { for row in sheet.rows { _ = try service.createTicket(row.request) } }
/// ```
///
/// ## Topics
/// - Reading: ``read(_:)``, ``records(in:)``
/// - Values: ``category(_:)``, ``receivedAt(_:)``
public enum HotlineCSV {
    /// The columns of a hotline export, in the platform's order.
    public static let columns = ["order_number", "received_at", "category", "entity", "credit_code", "contact", "phone",
                                 "summary", "detail"]
    /// The columns every export must have.
    public static let requiredColumns: Set<String> = ["order_number", "received_at", "category", "entity", "summary"]

    /// One CSV record: its fields and the (1-based) line of the file it starts on.
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var fields: [String]
        /// What is wrong with the record's quoting, if anything (its fields are then unreliable).
        public var problem: String?

        public init(line: Int, fields: [String], problem: String? = nil) {
            self.line = line
            self.fields = fields
            self.problem = problem
        }
    }

    /// A valid row: the intake it asks for (source `hotline`).
    public struct Row: Hashable, Sendable {
        public var line: Int
        public var order: String
        public var request: IntakeRequest

        public init(line: Int, order: String, request: IntakeRequest) {
            self.line = line
            self.order = order
            self.request = request
        }
    }

    /// What is wrong with a line of the file (line 1 is the header).
    public struct Problem: Error, Hashable, Sendable, Codable, CustomStringConvertible {
        public var line: Int
        /// The row's order number, when it has one.
        public var order: String?
        public var message: String

        public init(line: Int, order: String? = nil, message: String) {
            self.line = line
            self.order = order
            self.message = message
        }

        public var description: String {
            "line \(line)" + (order.map { " (order \($0))" } ?? "") + ": " + message
        }
    }

    /// The rows of an export and the problems of its lines; a file with any problem should not be
    /// imported at all.
    public struct Sheet: Hashable, Sendable {
        public var rows: [Row]
        public var problems: [Problem]

        public init(rows: [Row], problems: [Problem]) {
            self.rows = rows
            self.problems = problems
        }
    }

    // MARK: - Reading

    /// Reads an export: the header, then every row, checked for what the file alone can tell
    /// (field counts, required values, times, categories, order numbers repeated in the file).
    /// The domain's own checks (credit code, phone, a time in the future) are the intake's.
    public static func read(_ text: String) -> Sheet {
        var records = records(in: text)
        guard !records.isEmpty else {
            return Sheet(rows: [], problems: [Problem(line: 1, message: "the file is empty: it needs a header row (\(columns.joined(separator: ","))) and one row per hotline order")])
        }
        let header = records.removeFirst()
        var problems: [Problem] = []
        if let problem = header.problem { problems.append(Problem(line: header.line, message: problem)) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            if !columns.contains(name) {
                problems.append(Problem(line: header.line, message: "unknown column '\(name)' in the header; the columns are \(columns.joined(separator: ","))"))
            } else if index[name] != nil {
                problems.append(Problem(line: header.line, message: "column '\(name)' appears twice in the header"))
            } else {
                index[name] = position
            }
        }
        let missing = columns.filter { requiredColumns.contains($0) && index[$0] == nil }
        if !missing.isEmpty {
            problems.append(Problem(line: header.line, message: "the header lacks \(missing.joined(separator: ", ")); the columns are \(columns.joined(separator: ","))"))
        }
        guard problems.isEmpty else { return Sheet(rows: [], problems: problems) }
        if records.isEmpty {
            return Sheet(rows: [], problems: [Problem(line: header.line, message: "the file has a header but no rows")])
        }

        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for record in records {
            switch row(record, columns: index, width: names.count) {
            case .failure(let problem):
                problems.append(problem)
            case .success(let row):
                if let first = seen[row.order] {
                    problems.append(Problem(line: row.line, order: row.order, message: "order \(row.order) appears again (first on line \(first)); keep one row per order"))
                } else {
                    seen[row.order] = row.line
                    rows.append(row)
                }
            }
        }
        return Sheet(rows: rows, problems: problems)
    }

    /// One data record as a row, or the first thing wrong with it.
    static func row(_ record: Record, columns: [String: Int], width: Int) -> Result<Row, Problem> {
        func value(_ column: String) -> String? {
            guard let position = columns[column], position < record.fields.count else { return nil }
            let text = record.fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        let order = value("order_number")
        func problem(_ message: String) -> Result<Row, Problem> {
            .failure(Problem(line: record.line, order: order, message: message))
        }
        if let message = record.problem { return problem(message) }
        guard record.fields.count == width else {
            let count = record.fields.count
            return problem("has \(count) field\(count == 1 ? "" : "s") but the header has \(width); a value holding a comma or a line break must be in double quotes")
        }
        guard let order else { return problem("order_number is empty: every row needs the hotline's order number") }
        guard let receivedText = value("received_at") else { return problem("received_at is empty: give when 12345 received the call") }
        guard let received = receivedAt(receivedText) else {
            return problem("received_at '\(receivedText)' is not a time: use 2026-10-20T08:30:00+08:00 (ISO 8601 with offset or Z) or 2026-10-20 08:30 (China Standard Time)")
        }
        guard let categoryText = value("category") else { return problem("category is empty: give consult, help, suggestion, complaint or report (咨询/求助/意见建议/投诉/举报)") }
        guard let category = category(categoryText) else {
            return problem("category '\(categoryText)' is unknown: use consult, help, suggestion, complaint or report (咨询/求助/意见建议/投诉/举报)")
        }
        guard let entity = value("entity") else { return problem("entity is empty: give the business entity's registered name") }
        guard let summary = value("summary") else { return problem("summary is empty: give the matter in one line") }
        // The intake API's field rules (order number format, no control characters); the receipt
        // time's bounds need the clock and are checked by the import (`NodeService.importHotline`).
        let texts = ["entity", "credit_code", "contact", "phone", "summary"].map { ($0, value($0), false) } + [("detail", value("detail"), true)]
        if let refusal = HotlineFieldRules.checkOrderNumber(order, field: "order_number")
            ?? texts.lazy.compactMap({ HotlineFieldRules.checkText($1, field: $0, multiline: $2) }).first {
            return problem(refusal.description)
        }
        let request = IntakeRequest(
            category: category, source: .hotline,
            entity: BusinessEntity(name: entity, creditCode: value("credit_code"), contact: value("contact"), phone: value("phone")),
            summary: summary, detail: value("detail"), hotlineReceivedAt: received, hotlineOrder: order)
        return .success(Row(line: record.line, order: order, request: request))
    }

    // MARK: - RFC 4180

    /// Splits CSV text into records (RFC 4180; CRLF, LF or CR line ends; a leading byte-order mark
    /// dropped; blank lines skipped). A record whose quoting is broken carries a `problem` and the
    /// reading goes on with the next line.
    public static func records(in text: String) -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1
        var problem: String?
        var index = 0

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            let blank = fields.count == 1 && fields[0].isEmpty && problem == nil
            if !blank { records.append(Record(line: recordLine, fields: fields, problem: problem)) }
            fields = []
            problem = nil
        }
        /// Consumes a line end at `index` (CRLF counts once); true when there was one.
        func lineEnd() -> Bool {
            guard index < scalars.count else { return false }
            if scalars[index] == "\r" {
                index += index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
            } else if scalars[index] == "\n" {
                index += 1
            } else {
                return false
            }
            line += 1
            return true
        }

        while index < scalars.count {
            // A field starts here.
            if scalars[index] == "\"" {
                let opened = line
                index += 1
                var closed = false
                while index < scalars.count {
                    let scalar = scalars[index]
                    if scalar == "\"" {
                        if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                            field.append("\"")
                            index += 2
                        } else {
                            index += 1
                            closed = true
                            break
                        }
                    } else if scalar == "\r" || scalar == "\n" {
                        let end = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
                        field.append(contentsOf: end ? "\r\n".unicodeScalars : String(scalar).unicodeScalars)
                        _ = lineEnd()
                    } else {
                        field.append(scalar)
                        index += 1
                    }
                }
                if !closed {
                    problem = problem ?? "a quoted field opened on line \(opened) never closes: add the closing double quote"
                }
                // After the closing quote: a separator, a line end or the end of the text.
                var stray = false
                while index < scalars.count, scalars[index] != ",", scalars[index] != "\r", scalars[index] != "\n" {
                    field.append(scalars[index])
                    index += 1
                    stray = true
                }
                if stray {
                    problem = problem ?? "text follows a closing double quote; a quote inside a quoted value is written twice (\"\")"
                }
            } else {
                while index < scalars.count, scalars[index] != ",", scalars[index] != "\r", scalars[index] != "\n" {
                    field.append(scalars[index])
                    index += 1
                }
            }
            // The field ends here.
            if index < scalars.count, scalars[index] == "," {
                index += 1
                endField()
                if index == scalars.count { endRecord() }  // a trailing comma: one more, empty field
            } else if lineEnd() {
                endRecord()
                recordLine = line
            } else {
                endRecord()  // the end of the text
            }
        }
        return records
    }

    // MARK: - Values

    /// The intake's message with its command-line flags named as the export's columns
    /// (`--hotline-received-at` → `received_at`).
    public static func inColumnTerms(_ message: String) -> String {
        [("--hotline-received-at", "received_at"), ("--hotline-order", "order_number"), ("--credit-code", "credit_code"),
         ("--entity", "entity"), ("--summary", "summary"), ("--phone", "phone"), ("--detail", "detail")]
            .reduce(message) { text, pair in text.replacingOccurrences(of: pair.0, with: pair.1) }
    }

    /// The category for an English name (any case) or its Chinese label.
    public static func category(_ text: String) -> TicketCategory? {
        let name = text.trimmingCharacters(in: .whitespaces)
        if let category = TicketCategory(rawValue: name.lowercased()) { return category }
        switch name {
        case "咨询": return .consult
        case "求助": return .help
        case "意见建议", "意见", "建议": return .suggestion
        case "投诉": return .complaint
        case "举报": return .report
        default: return nil
        }
    }

    /// The instant `text` denotes: ISO 8601 with an offset or `Z` (fractional seconds allowed),
    /// or a wall-clock `YYYY-MM-DD HH:MM[:SS]` (or with `T`) in China Standard Time; nil otherwise.
    public static func receivedAt(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        let zoned = ISO8601DateFormatter()
        zoned.formatOptions = [.withInternetDateTime]
        if let date = zoned.date(from: text) { return date }
        zoned.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = zoned.date(from: text) { return date }

        let chars = Array(text)
        guard chars.count == 16 || chars.count == 19, let day = CivilDate(String(chars[0..<10])),
              chars[10] == " " || chars[10] == "T", chars[13] == ":", chars.count == 16 || chars[16] == ":"
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            let digits = chars[range]
            return digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(String(digits)) : nil
        }
        guard let hour = number(11..<13), hour < 24, let minute = number(14..<16), minute < 60 else { return nil }
        var second = 0
        if chars.count == 19 {
            guard let value = number(17..<19), value < 60 else { return nil }
            second = value
        }
        return day.startInChinaStandardTime.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60 + second))
    }
}
