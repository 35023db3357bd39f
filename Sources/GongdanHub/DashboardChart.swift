import Foundation
import GongdanCore

/// The chart a leader reads at a glance, drawn on the server as SVG: per unit, a bar for the
/// satisfaction rate and one for the on-time completion rate, against the district's 95% target
/// line; a unit below the target shows its bar in red.
enum DashboardChart {
    /// The SVG for `scores` (unit code → name for the labels).
    static func svg(_ scores: [UnitScore], names: [String: String]) -> String {
        let rowHeight = 34, top = 30, left = 130, width = 760, barWidth = 560
        let height = top + max(1, scores.count) * rowHeight + 30
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="各单位满意率与按时办结率" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-size="12">
            <rect x="\(left)" y="6" width="12" height="10" fill="#2f6db5"/><text x="\(left + 16)" y="15">满意率</text>
            <rect x="\(left + 80)" y="6" width="12" height="10" fill="#7aa6d8"/><text x="\(left + 96)" y="15">按时办结率</text>
            <line x1="\(left + 190)" y1="11" x2="\(left + 210)" y2="11" stroke="#b3261e" stroke-dasharray="4 3" stroke-width="2"/>
            <text x="\(left + 214)" y="15">目标 95%</text>
            """
        for (index, score) in scores.enumerated() {
            let y = top + index * rowHeight
            let code = score.unit ?? "全区"
            let label = score.unit.map { names[$0] ?? $0 } ?? "全区"
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 17)\" text-anchor=\"end\">\(HTMLText.escape(label))</text>"
            svg += "<g data-unit=\"\(HTMLText.escape(code))\">"
            for (offset, rate, colour) in [(0, score.satisfaction, "#2f6db5"), (14, score.onTimeCompletion, "#7aa6d8")] {
                guard let value = rate.value else {
                    svg += "<text x=\"\(left + 4)\" y=\"\(y + offset + 11)\" fill=\"#6b7785\">—（无数据）</text>"
                    continue
                }
                let below = value < UnitScore.satisfactionTarget
                let length = Int((value * Double(barWidth)).rounded())
                svg += "<rect x=\"\(left)\" y=\"\(y + offset + 2)\" width=\"\(length)\" height=\"11\" fill=\"\(below ? "#d9534f" : colour)\"/>"
                svg += "<text x=\"\(left + length + 4)\" y=\"\(y + offset + 11)\">\(rate.percentText)</text>"
            }
            svg += "</g>"
        }
        let target = left + Int((UnitScore.satisfactionTarget * Double(barWidth)).rounded())
        let bottom = top + max(1, scores.count) * rowHeight
        svg += "<line x1=\"\(target)\" y1=\"\(top - 4)\" x2=\"\(target)\" y2=\"\(bottom)\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\" stroke-width=\"2\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(left + barWidth)\" y2=\"\(bottom)\" stroke=\"#98a2ad\"/>"
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = left + barWidth * tick / 100
            svg += "<text x=\"\(x)\" y=\"\(bottom + 16)\" text-anchor=\"middle\" fill=\"#6b7785\">\(tick)%</text>"
        }
        return svg + "</svg>"
    }
}
