import ArgumentParser
import GongdanStore

/// `gongdan hub viewer add NAME`: a dashboard login, its password printed once.
struct HubViewerAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a dashboard viewer and print its password (shown only this once).",
        discussion: """
            The hub keeps only a salted PBKDF2-HMAC-SHA256 hash of the password. Adding a name that exists \
            issues it a new password and logs its open sessions out. The viewer logs in at http://HUB/login.
            """)

    @Argument(help: "The viewer's login name, e.g. zhang or 区督查组 (no spaces).")
    var name: String

    @OptionGroup var options: HubOptions

    /// `viewer add --json`.
    struct View: Encodable {
        var name: String
        var password: String
        var replaced: Bool
        var login: String
        var note: String
    }

    func run() throws {
        let context = try options.context()
        let (password, replaced) = try context.openStore().addViewer(name: name, at: context.now)
        let note = context.language.pick(
            "密码只显示这一次，中心只保存其加盐哈希；请当面或以安全方式交给本人。" + (replaced ? "原密码已作废，已登录的会话已退出。" : ""),
            "The password is shown only this once (the hub keeps only a salted hash); hand it over in person or securely."
                + (replaced ? " The previous password no longer works and open sessions were logged out." : ""))
        if context.json {
            try Console.json(View(name: name, password: password, replaced: replaced, login: "/login", note: note))
        } else {
            Console.out(context.language.pick("已开通看板账号 \(name)（登录地址 /login）", "Added dashboard viewer \(name) (log in at /login)"))
            Console.out(context.language.pick("密码：", "password: ") + password)
            Console.out(note)
        }
    }
}
