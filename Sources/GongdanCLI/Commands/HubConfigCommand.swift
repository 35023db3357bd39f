import ArgumentParser
import Foundation
import GongdanCore
import GongdanStore
import GongdanSync
import GongdanText

/// `gongdan hub config`: shows or changes the supervision and scoring settings kept at the hub.
struct HubConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change handling limits, supervision thresholds, scoring weights, automatic issuance and the notice number's district name.",
        discussion: """
            Files are JSON objects naming only the fields they change, e.g. {"unsignedPastLimitTimes": 3} or \
            {"resolution": 0.6, "satisfaction": 0.3}; the other fields keep the defaults (docs/cli.md lists them).
            Handling limits (--signing-days, --intake-days, --max-extension-days) take effect now, for events made \
            from now on; events made before keep the limits in force then. Every node gets them at its next sync \
            (docs/policy.md).
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

    @Option(name: .customLong("signing-days"), help: ArgumentHelp(
        "Working days a unit has to sign for a dispatched ticket (\(HandlingPolicy.signingRange.lowerBound)–\(HandlingPolicy.signingRange.upperBound)), from now on.",
        valueName: "n"))
    var signingDays: Int?

    @Option(name: .customLong("intake-days"), help: ArgumentHelp(
        "Working days to turn a 12345 item into a ticket (\(HandlingPolicy.intakeRange.lowerBound)–\(HandlingPolicy.intakeRange.upperBound)), from now on.",
        valueName: "n"))
    var intakeDays: Int?

    @Option(name: .customLong("max-extension-days"), help: ArgumentHelp(
        "Largest extension one request may ask for (\(HandlingPolicy.extensionRange.lowerBound)–\(HandlingPolicy.extensionRange.upperBound)), from now on.",
        valueName: "n"))
    var maxExtensionDays: Int?

    @Flag(name: .long, help: "Go back to the defaults, handling limits included (then apply any other option given).")
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
        // Handling limits: a new version in force from now, when one changes.
        let current = try store.handlingPolicy(at: context.now)
        var handling = reset ? HandlingPolicy.default : current
        if let signingDays { handling.signingWorkingDays = signingDays }
        if let intakeDays { handling.intakeWorkingDays = intakeDays }
        if let maxExtensionDays { handling.maxExtensionDays = maxExtensionDays }
        let limitsChanged = handling != current
        if limitsChanged { try store.setHandlingPolicy(handling, by: context.person, now: context.now) }
        let policy = try store.syncedPolicy()
        let short = settings.districtShortName ?? HubStore.shortDistrictName(info.district)
        if context.json {
            try Console.json(Output(thresholds: settings.thresholds, weights: settings.weights, autoIssue: settings.autoIssue,
                                    district: info.district, districtShortName: short,
                                    nextNumberExample: "\(short)督〔YYYY〕N号", changed: changing || limitsChanged,
                                    handling: handling, handlingVersions: policy.versions, policyDigest: policy.digest))
            return
        }
        let l = context.language
        let encoder = GongdanJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        if changing || limitsChanged { Console.out(l.pick("已保存。", "Saved.")) }
        if limitsChanged {
            Console.out(l.pick("新时限自 \(TimeText.instant(context.now)) 起对此后的事件生效，此前的事件仍按原时限；各节点在下次同步时收到。",
                               "The new limits apply to events made from \(TimeText.instant(context.now)) on; earlier events keep theirs. Every node gets them at its next sync."))
        }
        Console.out(l.pick("时限：签收 \(handling.signingWorkingDays) 个工作日，12345 转办 \(handling.intakeWorkingDays) 个工作日，单次延期最多 \(handling.maxExtensionDays) 天",
                           "limits: signing \(handling.signingWorkingDays) working day(s), 12345 intake \(handling.intakeWorkingDays) working day(s), at most \(handling.maxExtensionDays) days per extension"))
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
        /// The handling limits in force now.
        var handling: HandlingPolicy
        /// Every version set at the hub, oldest first (before the first: the defaults).
        var handlingVersions: [DistrictPolicy.Version]
        /// The digest of the district policy the nodes receive (§5.7).
        var policyDigest: String
    }
}
