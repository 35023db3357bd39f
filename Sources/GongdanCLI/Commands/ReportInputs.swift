import ArgumentParser
import Foundation
import GongdanCore

/// `--as-of TIME`: the instant supervision or scoring judges at (default: now, or `GONGDAN_NOW`).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Judge as of this time (default: now, or GONGDAN_NOW); ISO 8601 or '2026-10-20 09:00' (China Standard Time).",
        valueName: "time"))
    var asOf: String?

    /// The as-of instant.
    func instant(now: Date) throws -> Date {
        guard let asOf else { return now }
        guard let instant = TimeInput.instant(asOf) else { throw CLIError.invalidTime(flag: "--as-of", text: asOf) }
        return instant
    }
}

/// `--weights FILE`: scoring weights for one run instead of the hub's stored ones.
struct WeightsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A JSON file of scoring weights for this run (default: the hub's, see `gongdan hub config`).", valueName: "file"))
    var weights: String?

    /// The file's weights, or nil without `--weights`.
    func load() throws -> ScoringWeights? {
        guard let weights else { return nil }
        return try ScoringWeights.decode(from: try ConfigFile.read(weights))
    }
}

/// `--thresholds FILE`: supervision thresholds for one run instead of the hub's stored ones.
struct ThresholdsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A JSON file of supervision thresholds for this run (default: the hub's, see `gongdan hub config`).", valueName: "file"))
    var thresholds: String?

    /// The file's thresholds, or nil without `--thresholds`.
    func load() throws -> SupervisionThresholds? {
        guard let thresholds else { return nil }
        return try SupervisionThresholds.decode(from: try ConfigFile.read(thresholds))
    }
}

/// Reads a configuration file.
enum ConfigFile {
    static func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// How a report is printed.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json, html
}
