import ArgumentParser
import GongdanStore

/// `gongdan hub intake-token`: issues (and replaces) the 12345 hotline platform's bearer token for
/// `POST /api/v1/intake`, printed once.
struct HubIntakeTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake-token",
        abstract: "Issue the 12345 hotline platform's intake token (shown only this once; replaces the previous one).",
        discussion: """
            The token works only on POST /api/v1/intake (never on /api/v1/sync/*), and node tokens do not work \
            there. The hub keeps only its hash. Running the command again issues a new token and the old one \
            stops working at once.
            """)

    @OptionGroup var options: HubOptions

    /// `intake-token --json`.
    struct View: Encodable {
        var token: String
        var endpoint: String
        var replaced: Bool
        var note: String
    }

    func run() throws {
        let context = try options.context()
        let store = try context.openStore()
        let replaced = try store.intakeTokenIssuedAt() != nil
        let token = try store.issueIntakeToken(at: context.now)
        let endpoint = "POST /api/v1/intake"
        let note = context.language.pick(
            "令牌只显示这一次，中心只保存其哈希；请妥善交给 12345 热线平台。它只能用于 \(endpoint)，不能用于同步。" + (replaced ? "原令牌已作废。" : ""),
            "The token is shown only this once (the hub keeps only its hash); hand it to the 12345 hotline platform securely. It works only on \(endpoint), never for sync."
                + (replaced ? " The previous token no longer works." : ""))
        if context.json {
            try Console.json(View(token: token, endpoint: endpoint, replaced: replaced, note: note))
        } else {
            Console.out(context.language.pick("已签发 12345 热线接入令牌（\(endpoint)）", "Issued the 12345 hotline intake token (\(endpoint))"))
            Console.out(context.language.pick("令牌：", "token: ") + token)
            Console.out(note)
        }
    }
}
