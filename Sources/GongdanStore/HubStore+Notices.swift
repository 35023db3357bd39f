import Foundation
import GRDB
import GongdanCore

extension HubStore {
    /// The notices due as of `asOf` (``SupervisionEngine``) that the hub has not issued yet, in the
    /// engine's order. `thresholds` default to the stored settings.
    ///
    /// Reads only the tickets that can matter (``supervisionFacts(asOf:thresholds:)``); a repeated
    /// report is proposed while its latest report is within `repeatedReportWindowDays` of `asOf`.
    public func noticeCandidates(asOf: Date, thresholds: SupervisionThresholds? = nil) throws -> [NoticeCandidate] {
        try db.read { db in
            let thresholds = try thresholds ?? Self.supervisionSettings(db).thresholds
            let facts = try Self.supervisionFacts(db, asOf: asOf, thresholds: thresholds)
            let issued = Set(try String.fetchAll(db, sql: "SELECT key FROM notices WHERE trigger <> 'manualInterview'")
                .compactMap(NoticeKey.init))
            let created = Dictionary(facts.map { ($0.code, $0.createdAt) }, uniquingKeysWith: { first, _ in first })
            let horizon = asOf.addingTimeInterval(-Double(thresholds.repeatedReportWindowDays) * 86_400)
            // Finish-by dates count the working days of the district's calendar (the hub's loaded years).
            let calendar = try Self.districtPolicy(db).calendar
            return SupervisionEngine.candidates(facts: facts, asOf: asOf, thresholds: thresholds, calendar: calendar, issued: issued)
                .filter { candidate in
                    guard candidate.trigger == .repeatedReport else { return true }
                    return candidate.tickets.contains { (created[$0] ?? .distantPast) >= horizon }
                }
        }
    }

    /// Issues `candidate` as the next notice of the district and year of `now` (China Standard
    /// Time): numbered, stored with what was found, the tickets, the date to finish by, the level and
    /// the unit. A computed notice already issued (same ``NoticeKey``) is refused.
    ///
    /// ```swift
    /// for candidate in try hub.noticeCandidates(asOf: now) {
    ///     let notice = try hub.issueNotice(candidate, at: now, by: "王督查")
    ///     print(notice.number)        // 港南督〔2026〕1号
    /// }
    /// ```
    @discardableResult
    public func issueNotice(_ candidate: NoticeCandidate, at now: Date, by person: String,
                            automatic: Bool = false) throws -> StoredNotice {
        try db.write { db in try Self.issue(db, candidate, at: now, by: person, automatic: automatic) }
    }

    /// Issues the current candidate whose key (`trigger|unit|tickets`, as `gongdan hub supervise`
    /// prints it) is `key`, judged as of `asOf` under `thresholds` (nil: the stored ones).
    @discardableResult
    public func issueCandidate(key: String, asOf: Date, thresholds: SupervisionThresholds? = nil, at now: Date,
                               by person: String) throws -> StoredNotice {
        let wanted = key.trimmingCharacters(in: .whitespaces)
        guard let candidate = try noticeCandidates(asOf: asOf, thresholds: thresholds).first(where: { $0.key.description == wanted }) else {
            if let parsed = NoticeKey(wanted), let existing = try notice(key: parsed) {
                throw HubStoreError.invalidInput("candidate \(wanted) was already issued as \(existing.number) (\(existing.id))")
            }
            throw HubStoreError.unknownCandidate(wanted)
        }
        return try issueNotice(candidate, at: now, by: person)
    }

    /// The notice with this id (`NOTICE-2026-0012`) or printed number (`港南督〔2026〕12号`).
    public func notice(id: String) throws -> StoredNotice {
        let text = id.trimmingCharacters(in: .whitespaces)
        return try db.read { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [text.uppercased()]) {
                return try Self.notice(db, row)
            }
            if let number = try? NoticeNumber.parse(text),
               let row = try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE district = ? AND year = ? AND sequence = ?",
                                          arguments: [number.district, number.year, number.sequence]) {
                return try Self.notice(db, row)
            }
            throw HubStoreError.unknownNotice(text)
        }
    }

    /// The issued notice with this key, if any.
    func notice(key: NoticeKey) throws -> StoredNotice? {
        try db.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE key = ? ORDER BY issued_at LIMIT 1",
                             arguments: [key.description]).map { try Self.notice(db, $0) }
        }
    }

    static func issue(_ db: Database, _ candidate: NoticeCandidate, at now: Date, by person: String,
                      automatic: Bool) throws -> StoredNotice {
        guard let info = try info(db) else { throw HubStoreError.invalidInput("the hub is not initialised: run `gongdan hub init --district NAME` first") }
        let key = candidate.key
        if candidate.trigger != .manualInterview,
           let existing = try String.fetchOne(db, sql: "SELECT id FROM notices WHERE key = ?", arguments: [key.description]) {
            throw HubStoreError.invalidInput("a notice for \(key) was already issued (\(existing)); see `gongdan notice show \(existing)`")
        }
        let settings = try supervisionSettings(db)
        let short = settings.districtShortName ?? shortDistrictName(info.district)
        let year = CivilDate.inChinaStandardTime(now).year
        let highest = try Int.fetchOne(db, sql: "SELECT max(sequence) FROM notices WHERE district = ? AND year = ?",
                                       arguments: [short, year]) ?? 0
        let number = try NoticeNumber(district: short, year: year, sequence: highest + 1)
        let id = StoredNotice.id(for: number)
        try db.execute(sql: """
            INSERT INTO notices (id, district, year, sequence, level, unit, trigger, key, tickets, findings, finish_by,
                interview_reason, as_of, issued_at, issued_by, automatic)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, short, year, number.sequence, candidate.level.rawValue, candidate.unit,
                             candidate.trigger.rawValue, key.description, candidate.tickets.joined(separator: ","),
                             candidate.findings, candidate.finishBy.description, candidate.interviewReason?.rawValue,
                             candidate.asOf.millis, now.millis, automatic ? "auto" : person, automatic])
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM notices WHERE id = ?", arguments: [id]) else {
            throw HubStoreError.unknownNotice(id)
        }
        return try notice(db, row)
    }

    /// A `notices` row as a ``StoredNotice``, with the unit's name from the directory.
    static func notice(_ db: Database, _ row: Row, district: String? = nil) throws -> StoredNotice {
        let id: String = row["id"]
        func value<T: RawRepresentable<String>>(_ column: String) throws -> T {
            let text: String = row[column]
            guard let value = T(rawValue: text) else { throw HubStoreError.unreadableFacts("an unknown \(column) '\(text)' in notice \(id)") }
            return value
        }
        let finishText: String = row["finish_by"]
        guard let finishBy = CivilDate(finishText) else {
            throw HubStoreError.unreadableFacts("an unreadable finish-by date '\(finishText)' in notice \(id)")
        }
        let unit: String = row["unit"]
        let unitName = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM units WHERE code = ?"), arguments: [unit])
        let tickets: String = row["tickets"]
        let reason: String? = row["interview_reason"]
        return StoredNotice(
            id: id, number: try NoticeNumber(district: row["district"], year: row["year"], sequence: row["sequence"]),
            level: try value("level"), unit: unit, unitName: unitName, trigger: try value("trigger"),
            tickets: tickets.isEmpty ? [] : tickets.split(separator: ",").map(String.init), findings: row["findings"],
            finishBy: finishBy, interviewReason: reason.flatMap(InterviewReason.init(rawValue:)),
            asOf: Date(millis: row["as_of"]), issuedAt: Date(millis: row["issued_at"]), issuedBy: row["issued_by"],
            automatic: row["automatic"], district: try district ?? info(db)?.district ?? "")
    }
}
