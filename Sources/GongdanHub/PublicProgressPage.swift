import Foundation
import GongdanCore
import GongdanWeb

/// The business entity's progress page (`/progress`): the lookup form, a ticket's progress in plain
/// words with the evaluation form once its reply was accepted, and the same "not found" answer for a
/// wrong query code as for a missing ticket.
enum PublicProgressPage {
    static let title = "工单办理进度查询"

    /// The lookup form, with a message above it (not found, too many lookups).
    static func form(district: String, message: String? = nil, code: String = "") -> String {
        let error = message.map { "<p class=\"error\" role=\"alert\" id=\"message\">\(HTMLText.escape($0))</p>" } ?? ""
        return HTMLPage.page(title: "\(district)\(title)", body: """
            <form class="box" method="post" action="/progress">
            <h2>\(HTMLText.escape(district))\(title)</h2>\(error)
            <label for="code">工单编号</label><input type="text" id="code" name="code" value="\(HTMLText.escape(code))" placeholder="如 WS-26-0001" required>
            <label for="query">查询码</label><input type="text" id="query" name="query" autocomplete="off" placeholder="受理时告知的6位查询码" required>
            <button type="submit" id="lookup">查询</button>
            <p class="muted">只显示办理进度，不显示任何个人信息。</p>
            </form>
            """)
    }

    /// A ticket's progress; `query` is carried in the evaluation form; `message` reports an evaluation.
    static func progress(district: String, _ progress: PublicProgress, query: String, message: String? = nil) -> String {
        var body = "<main><section id=\"progress\"><h2>工单 \(HTMLText.escape(progress.ticket))<span>\(HTMLText.escape(progress.categoryName))</span></h2>"
        if let message { body += "<p class=\"ok\" role=\"status\" id=\"message\">\(HTMLText.escape(message))</p>" }
        body += "<table><tbody>"
        body += "<tr><th>当前状态</th><td id=\"status\">\(HTMLText.escape(progress.statusText))</td></tr>"
        body += "<tr><th>承办单位</th><td id=\"unit\">\(HTMLText.escape(progress.handlingUnit ?? "尚未分派"))</td></tr>"
        if let deadline = progress.deadlineText {
            body += "<tr><th>办结期限</th><td id=\"deadline\">\(HTMLText.escape(deadline))</td></tr>"
        }
        if let evaluation = progress.evaluation {
            body += "<tr><th>您的评价</th><td id=\"evaluation\">\(HTMLText.escape(evaluation.text))</td></tr>"
        }
        if progress.pageEvaluationSetAside {
            // The entity was told its evaluation was recorded; say plainly what stands and what to do.
            body += """
                <tr><th>评价说明</th><td id="evaluation-set-aside">您在本页提交评价时，区工作站已通过回访记录了您的评价，\
                以先记录的回访评价为准（见上）。如与您的意见不符，请拨打12345说明，工作站将再次回访。</td></tr>
                """
        }
        body += "</tbody></table><h2>办理过程</h2><ol class=\"timeline\">"
        for step in progress.timeline {
            body += "<li><span class=\"muted\">\(HTMLPage.dateTime(step.at))</span> \(HTMLText.escape(step.text))</li>"
        }
        body += "</ol></section>"
        if progress.revisitOnly && progress.status == .pendingEvaluation {
            body += """
                <section id="revisit"><h2>评价</h2>
                <p id="revisit-note">本工单由承办单位窗口受理，不在本页评价：区工作站将回访您，听取并记录您的评价。</p></section>
                """
        }
        if progress.canEvaluate {
            body += """
                <section id="evaluate"><h2>请评价本次办理</h2>
                <form method="post" action="/progress/evaluation">
                <input type="hidden" name="code" value="\(HTMLText.escape(progress.ticket))">
                <input type="hidden" name="query" value="\(HTMLText.escape(query))">
                <fieldset><legend>满意程度</legend>
                <label><input type="radio" name="satisfaction" value="satisfied" required> 满意</label>
                <label><input type="radio" name="satisfaction" value="basic"> 基本满意</label>
                <label><input type="radio" name="satisfaction" value="unsatisfied"> 不满意</label></fieldset>
                <fieldset><legend>问题是否已解决</legend>
                <label><input type="radio" name="resolved" value="yes" required> 已解决</label>
                <label><input type="radio" name="resolved" value="no"> 未解决</label></fieldset>
                <button type="submit" id="submit-evaluation">提交评价</button>
                </form></section>
                """
        }
        body += "<p><a href=\"/progress\">查询其他工单</a></p></main>"
        return HTMLPage.page(title: "\(district)\(title)", body: "<header><h1>\(HTMLText.escape(district))\(title)</h1></header>" + body)
    }
}
