import Foundation
import GongdanCore
import GongdanStore
import GongdanWeb

/// The dashboard's HTML: consolidated status as cards, the per-unit chart, then every table with
/// its CSV link. Server-rendered, no script.
enum DashboardPage {
    static func html(_ snapshot: DashboardSnapshot) -> String {
        let status = snapshot.status
        let cards: [(String, Int, Bool, String)] = [
            ("在办", status.open, false, "status"), ("待签收", status.unsigned, false, "unsigned"),
            ("超时未签收", status.unsignedPastLimit, status.unsignedPastLimit > 0, "unsigned"),
            ("超期未办结", status.overdue, status.overdue > 0, "overdue"),
            ("待审核", status.pendingReview, false, "status"), ("待评价", status.pendingEvaluation, false, "status"),
            ("冲突待处理", snapshot.conflicts.count, !snapshot.conflicts.isEmpty, "conflicts"),
        ]
        var body = """
            <header><h1>\(HTMLText.escape(snapshot.district))工单督办看板</h1>
            <form method="post" action="/logout"><span>\(HTMLText.escape(snapshot.viewer))</span> <button type="submit">退出登录</button></form></header>
            <main>
            <section id="summary"><h2>全区概况<span>截至\(HTMLPage.dateTime(snapshot.now))（北京时间）</span></h2><div class="cards">
            """
        for (label, value, alert, anchor) in cards {
            body += "<a class=\"card\(alert ? " alert" : "")\" href=\"#\(anchor)\" data-figure=\"\(HTMLText.escape(label))\"><b>\(value)</b>\(HTMLText.escape(label))</a>"
        }
        body += "</div></section>"
        let period = snapshot.report.period
        body += """
            <section id="chart"><h2>各单位满意率与按时办结率（\(period)）<span><form method="get" action="/dashboard">统计期 \
            <input type="text" name="period" value="\(period)" size="8" aria-label="统计期，如2026-10、2026-Q4或2026"> \
            <button type="submit">查看</button></form></span></h2>
            \(DashboardChart.svg(snapshot.report.units + [snapshot.report.district], names: snapshot.unitNames))
            <p class="muted">红色条为低于95%目标；“—”表示本期没有可计算的工单。</p></section>
            """
        for id in DashboardSnapshot.tableIDs {
            if let table = snapshot.table(id) { body += table.html() }
        }
        body += "</main>"
        return HTMLPage.page(title: "\(snapshot.district)工单督办看板", body: body)
    }
}
