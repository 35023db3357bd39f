import GongdanCore
import Foundation

/// One table of the dashboard, the same rows as HTML and as CSV: every table a viewer sees can be
/// exported (`/dashboard/ID.csv`).
struct DashboardTable: Sendable {
    /// A column: its heading and whether it holds numbers (right-aligned).
    struct Column: Sendable {
        var title: String
        var numeric = false
    }

    /// The CSV's file name and the URL's last part, e.g. `overdue`.
    var id: String
    var title: String
    var columns: [Column]
    var rows: [[String]]
    /// Rows in total when ``rows`` holds only the first ones (the HTML page shows at most 100).
    var total: Int?
    /// Rows shown in a distinct colour (e.g. overdue), by index.
    var flagged: Set<Int> = []

    /// The `<section>` with its heading, CSV link and table.
    func html() -> String {
        var html = "<section id=\"\(id)\"><h2>\(HTMLText.escape(title))"
        let shown = total.map { $0 > rows.count ? "显示前\(rows.count)条，共\($0)条 · " : "共\($0)条 · " } ?? ""
        html += "<span>\(shown)<a href=\"/dashboard/\(id).csv\" download>导出CSV</a></span></h2>"
        guard !rows.isEmpty else { return html + "<p class=\"muted\">暂无</p></section>" }
        html += "<table><thead><tr>"
        for column in columns { html += "<th>\(HTMLText.escape(column.title))</th>" }
        html += "</tr></thead><tbody>"
        for (index, row) in rows.enumerated() {
            html += flagged.contains(index) ? "<tr class=\"bad\">" : "<tr>"
            for (cell, column) in zip(row, columns) {
                html += column.numeric ? "<td class=\"n\">" : "<td>"
                html += HTMLText.escape(cell) + "</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></section>"
    }

    /// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads the Chinese correctly), CRLF
    /// line ends. A cell that a spreadsheet would run as a formula (`= + - @`) is prefixed with `'`
    /// (``GongdanCore/CSVText``, the one home of the rule).
    func csv() -> String {
        csvHeader() + Self.csvLines(rows)
    }

    /// The byte-order mark and the line of column titles.
    func csvHeader() -> String {
        "\u{FEFF}" + CSVText.render([columns.map(\.title)])
    }

    /// `rows` as CSV lines, each ended by CRLF.
    static func csvLines(_ rows: [[String]]) -> String {
        CSVText.render(rows)
    }
}
