import Foundation
import GongdanCore
import Hummingbird

/// HTML building blocks for the hub's pages and the node's desk: the page frame with its small inline
/// style sheet, the response, and CST dates (escaping is the core's `HTMLText.escape`).
public enum HTMLPage {
    /// A whole page: `<!doctype html>`, UTF-8, the title, the style sheet and `body`.
    /// `extraStyle` is appended to the shared style sheet; `language` is the page's `lang`.
    public static func page(title: String, body: String, extraStyle: String = "", language: String = "zh-CN") -> String {
        """
        <!doctype html>
        <html lang="\(language)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)\(extraStyle)</style>
        </head><body>
        \(body)
        </body></html>
        """
    }

    /// An HTML response (no caching: the pages show live figures and personal lookups).
    public static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A date and time in China Standard Time, `2026-10-20 09:00`.
    public static func dateTime(_ date: Date?) -> String {
        guard let date else { return "—" }
        let shifted = date.addingTimeInterval(8 * 3600)
        let day = CivilDate.inChinaStandardTime(date)
        let seconds = Int(shifted.timeIntervalSince1970.rounded(.down)) % 86_400
        let minutes = (seconds + 86_400) % 86_400 / 60
        return "\(day) \(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    /// The last day of a deadline ending at 24:00 China Standard Time, `2026-10-16`.
    public static func lastDay(_ deadline: Date?) -> String {
        guard let deadline else { return "—" }
        return CivilDate.inChinaStandardTime(deadline.addingTimeInterval(-1)).description
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public static let style = """
        body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1d2733;background:#f4f6f9}
        header{background:#9d1c1c;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center}
        header h1{font-size:20px;margin:0}header form{margin:0}
        main{padding:16px 24px;max-width:1280px}
        section{background:#fff;border:1px solid #dde3ea;border-radius:6px;margin:0 0 16px;padding:12px 16px}
        h2{font-size:17px;margin:4px 0 10px;display:flex;justify-content:space-between;align-items:baseline}
        h2 a,h2 span{font-size:13px;font-weight:normal}
        table{border-collapse:collapse;width:100%;font-size:13px}
        th,td{border-bottom:1px solid #e6eaef;padding:5px 6px;text-align:left;vertical-align:top}
        th{background:#f0f3f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .cards{display:flex;flex-wrap:wrap;gap:10px}
        .card{flex:1 1 130px;border:1px solid #dde3ea;border-radius:6px;padding:10px;background:#fafbfc}
        .card b{display:block;font-size:26px}.card.alert b{color:#b3261e}
        .bad{color:#b3261e;font-weight:bold}.ok{color:#1b7f3b}.muted{color:#6b7785}
        form.box{max-width:360px;background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:20px;margin:40px auto}
        label{display:block;margin:10px 0 4px}input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:7px;font-size:15px}
        button{margin-top:14px;padding:7px 18px;font-size:15px;background:#9d1c1c;color:#fff;border:0;border-radius:4px;cursor:pointer}
        header button{margin:0;background:#fff;color:#9d1c1c}
        ol.timeline{padding-left:20px}ol.timeline li{margin:6px 0}
        fieldset{border:1px solid #dde3ea;margin:10px 0}.error{color:#b3261e}
        """
}
