import Foundation
import GongdanCore
import GongdanText

/// The scoring figures as terminal tables, CSV rows and `--explain` listings, in either language.
struct ScoringText: Sendable {
    let language: Language
    /// Unit code → name.
    let names: [String: String]

    func figureName(_ figure: ScoringFigure) -> String {
        language.pick(figure.chineseName, figure.englishName)
    }

    func unitLabel(_ unit: String?) -> String {
        guard let unit else { return language.pick("全区", "district") }
        return names[unit].map { "\($0)（\(unit)）" } ?? unit
    }

    /// `95.2% (20/21)`, or `—`.
    static func cell(_ ratio: Ratio) -> String {
        ratio.value == nil ? "—" : "\(ratio.percentText) (\(ratio.numerator)/\(ratio.denominator))"
    }

    static func composite(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "—"
    }

    /// The per-unit table with the district line last; `positions` adds a ranking column.
    func table(_ scores: [UnitScore], district: UnitScore?, positions: [Int]? = nil) -> TextTable {
        var headers = [language.pick("单位", "unit")] + ScoringFigure.rates.map(figureName)
        headers += [figureName(.returns), language.pick("督办", "notices"), language.pick("扣分", "deduction"),
                    language.pick("综合得分", "composite")]
        if positions != nil { headers.insert(language.pick("排名", "rank"), at: 0) }
        var table = TextTable(headers: headers)
        for (index, score) in scores.enumerated() {
            var row = [unitLabel(score.unit)] + ScoringFigure.rates.map { Self.cell($0.ratio(in: score)!) }
            row += [String(score.returns.count), String(score.notices.total), Self.deduction(score.deduction),
                    Self.composite(score.composite)]
            if let positions { row.insert(String(positions[index]), at: 0) }
            table.rows.append(row)
        }
        if let district {
            var row = [unitLabel(nil)] + ScoringFigure.rates.map { Self.cell($0.ratio(in: district)!) }
            row += [String(district.returns.count), String(district.notices.total), Self.deduction(district.deduction),
                    Self.composite(district.composite)]
            if positions != nil { row.insert("", at: 0) }
            table.rows.append(row)
        }
        return table
    }

    static func deduction(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.1f", value)
    }

    /// CSV rows: a header, one row per unit, the district last. Rates as a fraction with 4 decimals
    /// (empty when they do not apply) beside their numerator and denominator.
    func csvRows(_ scores: [UnitScore], district: UnitScore?, positions: [Int]? = nil) -> [[String]] {
        var header = [language.pick("单位代码", "unit"), language.pick("单位名称", "name")]
        for figure in ScoringFigure.rates {
            let name = figureName(figure)
            header += [name, name + language.pick("分子", " numerator"), name + language.pick("分母", " denominator")]
        }
        header += ScoringFigure.counts.map(figureName)
        header += [language.pick("提醒敦促函", "reminders"), language.pick("整改通知书", "rectifications"),
                   language.pick("约谈通知书", "interviews"), language.pick("扣分", "deduction"),
                   language.pick("综合得分", "composite")]
        if positions != nil { header.insert(language.pick("排名", "rank"), at: 0) }
        var rows = [header]
        let all = scores.map { ($0, false) } + (district.map { [($0, true)] } ?? [])
        for (index, (score, isDistrict)) in all.enumerated() {
            var row = [score.unit ?? "", isDistrict ? language.pick("全区", "district") : (score.unit.flatMap { names[$0] } ?? "")]
            for figure in ScoringFigure.rates {
                let ratio = figure.ratio(in: score)!
                row += [ratio.value.map { String(format: "%.4f", $0) } ?? "", String(ratio.numerator), String(ratio.denominator)]
            }
            row += ScoringFigure.counts.map { String($0.tally(in: score)!.count) }
            row += [String(score.notices.reminders.count), String(score.notices.rectifications.count),
                    String(score.notices.interviews.count), String(score.deduction),
                    score.composite.map { String(format: "%.2f", $0) } ?? ""]
            if let positions { row.insert(isDistrict ? "" : String(positions[index]), at: 0) }
            rows.append(row)
        }
        return rows
    }

    /// Every figure of `score` with the tickets behind its numerator and denominator.
    func explain(_ score: UnitScore) -> [String] {
        var lines = ["■ " + unitLabel(score.unit)]
        for figure in ScoringFigure.rates {
            let ratio = figure.ratio(in: score)!
            lines.append("  \(figureName(figure))  \(Self.cell(ratio))")
            lines.append(language.pick("    分子：", "    numerator: ") + Self.list(ratio.numeratorTickets))
            lines.append(language.pick("    分母：", "    denominator: ") + Self.list(ratio.denominatorTickets))
            let short = ratio.shortfallTickets
            if !short.isEmpty { lines.append(language.pick("    未计入分子：", "    not in numerator: ") + Self.list(short)) }
        }
        for figure in ScoringFigure.counts {
            let tally = figure.tally(in: score)!
            lines.append("  \(figureName(figure))  \(tally.count)" + (tally.tickets.isEmpty ? "" : "：" + Self.list(tally.tickets)))
        }
        let notices = score.notices
        if notices.total > 0 {
            let numbers = (notices.reminders + notices.rectifications + notices.interviews).map(\.description)
            lines.append(language.pick("  督办通知  ", "  notices  ") + "\(notices.total)：" + numbers.joined(separator: "、")
                         + language.pick("，扣 \(Self.deduction(score.deduction)) 分", ", −\(Self.deduction(score.deduction)) points"))
        }
        return lines
    }

    static func list(_ tickets: [String]) -> String {
        tickets.isEmpty ? "—" : tickets.joined(separator: " ")
    }
}
