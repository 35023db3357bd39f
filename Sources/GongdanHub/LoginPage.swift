import GongdanCore
import GongdanWeb

/// The viewers' login form (`GET /login`), with an optional message after a failed attempt.
enum LoginPage {
    static func html(district: String, message: String? = nil) -> String {
        let error = message.map { "<p class=\"error\" role=\"alert\">\(HTMLText.escape($0))</p>" } ?? ""
        return HTMLPage.page(title: "登录 · \(district)工单督办看板", body: """
            <form class="box" method="post" action="/login">
            <h2>\(HTMLText.escape(district))工单督办看板</h2>\(error)
            <label for="name">用户名</label><input type="text" id="name" name="name" autocomplete="username" required>
            <label for="password">密码</label><input type="password" id="password" name="password" autocomplete="current-password" required>
            <button type="submit" id="login">登录</button>
            <p class="muted">账号由中心管理员用 gongdan hub viewer add 开通。</p>
            </form>
            """)
    }
}
