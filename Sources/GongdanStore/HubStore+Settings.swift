import Foundation
import GRDB
import GongdanCore

extension HubStore {
    /// The supervision and scoring settings (``SupervisionSettings``): stored ones, the defaults for the rest.
    public func supervisionSettings() throws -> SupervisionSettings {
        try db.read { db in try Self.supervisionSettings(db) }
    }

    /// Stores `settings`, after checking the thresholds, the weights and the short name.
    public func saveSupervisionSettings(_ settings: SupervisionSettings) throws {
        try settings.weights.validate()
        try settings.thresholds.validate()
        if let short = settings.districtShortName {
            _ = try NoticeNumber(district: short, year: 2026, sequence: 1)
        }
        let encoder = GongdanJSON.encoder()
        let thresholds = String(decoding: try encoder.encode(settings.thresholds), as: UTF8.self)
        let weights = String(decoding: try encoder.encode(settings.weights), as: UTF8.self)
        try db.write { db in
            let store = try db.cachedStatement(sql: """
                INSERT INTO hub_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
            try store.execute(arguments: ["supervision.thresholds", thresholds])
            try store.execute(arguments: ["scoring.weights", weights])
            try store.execute(arguments: ["supervision.autoIssue", settings.autoIssue ? "1" : "0"])
            if let short = settings.districtShortName {
                try store.execute(arguments: ["district.shortName", short.trimmingCharacters(in: .whitespaces)])
            } else {
                try db.execute(sql: "DELETE FROM hub_settings WHERE key = 'district.shortName'")
            }
        }
    }

    static func supervisionSettings(_ db: Database) throws -> SupervisionSettings {
        let stored = Dictionary(try Row.fetchAll(db, sql: "SELECT key, value FROM hub_settings").map {
            (($0["key"] as String), ($0["value"] as String))
        }, uniquingKeysWith: { first, _ in first })
        var settings = SupervisionSettings()
        if let text = stored["supervision.thresholds"] {
            settings.thresholds = try SupervisionThresholds.decode(from: Data(text.utf8))
        }
        if let text = stored["scoring.weights"] {
            settings.weights = try ScoringWeights.decode(from: Data(text.utf8))
        }
        settings.autoIssue = stored["supervision.autoIssue"] == "1"
        settings.districtShortName = stored["district.shortName"]
        return settings
    }

    /// The short name a district's notice numbers begin with: the name without its last
    /// administrative suffix (`港南区` → `港南`, `平南县` → `平南`, `某某自治县` → `某某`), unless that
    /// leaves fewer than two characters; `gongdan hub config --district-short NAME` sets it instead.
    public static func shortDistrictName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        for suffix in ["自治县", "自治旗", "新区", "区", "县", "市", "旗"] where trimmed.hasSuffix(suffix) {
            let short = String(trimmed.dropLast(suffix.count))
            if short.count >= 2 { return short }
        }
        return trimmed
    }
}
