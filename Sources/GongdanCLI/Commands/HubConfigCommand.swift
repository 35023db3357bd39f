import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore

/// `gongdan hub config`: shows or changes the supervision and scoring settings kept at the hub.
struct HubConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change supervision thresholds, scoring weights, automatic issuance and the notice number's district name.",
        discussion: """
            Files are JSON objects naming only the fields they change, e.g. {"unsignedPastLimitTimes": 3} or \
            {"resolution": 0.6, "satisfaction": 0.3}; the other fields keep the defaults (docs/cli.md lists them).
            """)

    @Option(name: .long, help: ArgumentHelp("Store these supervision thresholds (JSON file).", valueName: "file"))
    var thresholds: String?

    @Option(name: .long, help: ArgumentHelp("Store these scoring weights (JSON file).", valueName: "file"))
    var weights: String?

    @Option(name: .customLong("auto-issue"), help: ArgumentHelp("Whether `gongdan hub supervise` issues every candidate by itself.",
                                                               valueName: "on|off"))
    var autoIssue: Switch?

    @Option(name: .customLong("district-short"), help: ArgumentHelp(
        "The district's short name in notice numbers (港南 in 港南督〔2026〕12号); default: the name without 区/县/市.",
        valueName: "name"))
    var districtShort: String?

    @Flag(name: .long, help: "Go back to the defaults (then apply any other option given).")
    var reset = false

    @OptionGroup var options: HubOptions

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let info = try store.requireInfo()
        var settings = reset ? SupervisionSettings() : try store.supervisionSettings()
        let changing = reset || thresholds != nil || weights != nil || autoIssue != nil || districtShort != nil
        if let thresholds { settings.thresholds = try SupervisionThresholds.decode(from: try ConfigFile.read(thresholds)) }
        if let weights { settings.weights = try ScoringWeights.decode(from: try ConfigFile.read(weights)) }
        if let autoIssue { settings.autoIssue = autoIssue == .on }
        if let districtShort {
            let short = districtShort.trimmingCharacters(in: .whitespaces)
            settings.districtShortName = short.isEmpty ? nil : short
        }
        if changing { try store.saveSupervisionSettings(settings) }
        let short = settings.districtShortName ?? HubStore.shortDistrictName(info.district)
        if context.json {
            try Console.json(Output(thresholds: settings.thresholds, weights: settings.weights, autoIssue: settings.autoIssue,
                                    district: info.district, districtShortName: short,
                                    nextNumberExample: "\(short)督〔YYYY〕N号", changed: changing))
            return
        }
        let l = context.language
        let encoder = GongdanJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        if changing { Console.out(l.pick("已保存。", "Saved.")) }
        Console.out(l.pick("督办阈值：", "supervision thresholds: ") + String(decoding: try encoder.encode(settings.thresholds), as: UTF8.self))
        Console.out(l.pick("评分权重：", "scoring weights: ") + String(decoding: try encoder.encode(settings.weights), as: UTF8.self))
        Console.out(l.pick("自动签发：", "automatic issuance: ") + (settings.autoIssue ? l.pick("开", "on") : l.pick("关", "off")))
        Console.out(l.pick("文号：", "notice numbers: ") + "\(short)督〔YYYY〕N号")
    }

    struct Output: Encodable {
        var thresholds: SupervisionThresholds
        var weights: ScoringWeights
        var autoIssue: Bool
        var district: String
        var districtShortName: String
        var nextNumberExample: String
        var changed: Bool
    }
}
