import Foundation
import GongdanCore
import GongdanStore
import GongdanText
import GongdanWeb

/// What every desk page shows around its content: the node and the clerk, the menu, the search box and
/// the sync bar ("同步" at a glance).
struct DeskFrame: Sendable {
    let language: Language
    let identity: NodeIdentity
    /// The clerk signed in, with the session's CSRF token; nil on the sign-in page.
    let clerk: (person: String, csrf: String)?
    /// The replica's sync state; nil on the sign-in page.
    let sync: SyncSettings?
    /// The path a form on this page comes back to (the sync button's).
    let path: String

    private var l: Language { language }

    /// The whole page: the frame around `content`, with a message for what just happened (`flash`) or went wrong (`error`).
    func page(title: String, content: String, flash: String? = nil, error: String? = nil) -> String {
        let e = DeskHTML.e
        let node = l.pick("\(identity.name)（\(identity.code)）· ", "\(identity.name) (\(identity.code)) · ") + Labels(language: l).role(identity.role)
        var header = "<header><h1><a href=\"/\">\(l.pick("工单办理台", "Gongdan desk"))</a> <small>\(e(node))</small></h1>"
        if let clerk {
            header += """
                <form method="post" action="/logout">\(DeskHTML.csrf(clerk.csrf))<span class="who">\(l.pick("办理人：", "Clerk: "))\(e(clerk.person))</span> \
                <button type="submit">\(l.pick("退出", "Sign out"))</button></form>
                """
        }
        header += "</header>"
        var nav = ""
        if clerk != nil {
            nav = """
                <nav aria-label="\(l.pick("主菜单", "Main menu"))"><a href="/"\(current("/"))>\(l.pick("待办", "To do"))</a><a href="/intake"\(current("/intake"))>\(l.pick("新建工单", "New ticket"))</a>\
                <form method="get" action="/search" role="search"><label for="q" class="sr">\(l.pick("搜索工单", "Search tickets"))</label>\
                <input type="search" id="q" name="q" placeholder="\(l.pick("编号、经营主体或电话", "Code, entity or phone"))">\
                <button type="submit">\(l.pick("搜索", "Search"))</button></form></nav>
                """
        }
        let bar = sync.map(syncBar) ?? ""
        let notice = (flash.map { "<p class=\"flash\" role=\"status\">\(e($0))</p>" } ?? "")
            + (error.map { "<p class=\"refusal\" role=\"alert\">\(e($0))</p>" } ?? "")
        let body = "<a class=\"skip\" href=\"#main\">\(l.pick("跳到正文", "Skip to content"))</a>\(header)\(nav)\(bar)<main id=\"main\">\(notice)\(content)</main>"
        return HTMLPage.page(title: "\(title) · \(l.pick("工单办理台", "Gongdan desk"))", body: body, extraStyle: Self.style, language: l.pick("zh-CN", "en"))
    }

    /// `aria-current` on the menu's link to this page.
    private func current(_ link: String) -> String { path == link ? " aria-current=\"page\"" : "" }

    /// The sync bar: online or offline since when, unsent events, the last error, the "同步" button.
    private func syncBar(_ sync: SyncSettings) -> String {
        let e = DeskHTML.e
        var text: String
        var kind = "online"
        if !sync.isConfigured {
            kind = "offline"
            text = l.pick("尚未设置中心（gongdan remote set）：所有工作保存在本机。", "No hub set (gongdan remote set): all work is kept on this PC.")
        } else if let since = sync.offlineSince {
            kind = "offline"
            text = l.pick("离线：自 \(TimeText.instant(since)) 起连不上中心。工作照常保存在本机，恢复联网后点「同步」。",
                          "Offline: the hub has been unreachable since \(TimeText.instant(since)). Work is kept on this PC; press Sync once the network is back.")
        } else if let last = sync.lastSuccess {
            text = l.pick("已联网 · 上次同步 \(TimeText.instant(last))", "Online · last sync \(TimeText.instant(last))")
        } else {
            text = l.pick("尚未与中心同步过：点「同步」取回分派给本单位的工单。", "Never synced yet: press Sync to fetch the tickets dispatched here.")
        }
        text += l.pick(" · 未发送 \(sync.unsent) 条", " · \(sync.unsent) unsent")
        var html = "<section class=\"syncbar \(kind)\" aria-label=\"\(l.pick("同步状态", "Sync"))\"><p>\(e(text))</p>"
        if let error = sync.lastError, sync.offlineSince != nil {
            html += "<p class=\"muted\">\(l.pick("最近一次的错误：", "Last error: "))\(e(error))</p>"
        }
        if let clerk, sync.isConfigured {
            html += """
                <form method="post" action="/sync">\(DeskHTML.csrf(clerk.csrf))<input type="hidden" name="return" value="\(e(path))">\
                <button type="submit">\(l.pick("同步", "Sync"))</button></form>
                """
        }
        return html + "</section>"
    }

    static let style = """
        header h1 a,header h1 a:visited{color:#fff;text-decoration:none}header h1 small{font-size:13px;font-weight:normal;opacity:.9}
        header .who{margin-right:8px}
        nav{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;padding:8px 24px;background:#fff;border-bottom:1px solid #dde3ea}
        nav a{font-size:15px}nav a[aria-current]{font-weight:bold;text-decoration:none;color:#1d2733}
        nav form{display:flex;gap:6px;margin-left:auto}nav input[type=search]{padding:6px;font-size:15px;width:220px}
        main{max-width:none}h2 a,h2 span,button{white-space:nowrap}small{display:block;margin:2px 0 4px}
        a:visited{color:#1a4f8b}a{color:#1a4f8b}
        nav button,.syncbar button{margin:0;padding:6px 14px}
        .syncbar{margin:12px 24px 0;display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;padding:8px 16px}
        .syncbar p{margin:0;flex:1 1 300px}.syncbar form{margin:0}
        .syncbar.offline{background:#fff4e5;border-color:#e8a33d}
        .flash{background:#e7f5ec;border:1px solid #9fd3b0;padding:8px 12px;border-radius:4px}
        .refusal{background:#fdecea;border:1px solid #f1a9a0;padding:8px 12px;border-radius:4px;color:#8a1c12}
        .soon{color:#b35c00;font-weight:bold}.req{color:#b3261e;margin-left:2px}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px;z-index:9}
        .sr{position:absolute;left:-999px}
        a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #1a73e8;outline-offset:1px}
        textarea,select,input[type=number],input[type=search]{width:100%;box-sizing:border-box;padding:7px;font-size:15px}
        label.inline{display:inline-block;margin:4px 14px 4px 0}fieldset{border-radius:4px}
        .actions{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}
        .actions form{border:1px solid #dde3ea;border-radius:6px;padding:10px 14px;background:#fafbfc}
        .actions h3{margin:0 0 4px;font-size:16px}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0}dl.facts dt{color:#52606d}dl.facts dd{margin:0}
        td a{white-space:nowrap}
        @media (max-width:640px){
          header{padding:10px 12px;flex-wrap:wrap;gap:6px}main{padding:12px}nav{padding:8px 12px}nav form{margin-left:0;width:100%}nav input[type=search]{flex:1;width:auto}
          .syncbar{margin:10px 12px 0}
          table.list thead{display:none}table.list tr{display:block;border-bottom:1px solid #dde3ea;padding:6px 0}
          table.list td{display:block;border:0;padding:2px 0}table.list td[data-label]::before{content:attr(data-label) "：";color:#52606d}
          dl.facts{grid-template-columns:1fr}dl.facts dt{margin-top:6px}
        }
        @media print{header,nav,.syncbar,.actions,.noprint,.skip{display:none}body{background:#fff}section{border:0}}
        """
}
