import ArgumentParser
import Foundation
import GongdanNode
import GongdanSync
import GongdanText

/// `gongdan remote`: where the hub is and this node's credential there.
struct RemoteGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote", abstract: "Set or show the district hub this node syncs with.",
        subcommands: [RemoteSetCommand.self, RemoteShowCommand.self])
}

/// `gongdan remote set URL --token TOKEN [--hub-ca FILE | --insecure-http] [--hub-key KEY]`.
struct RemoteSetCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Point this node at a hub, with the token `gongdan hub node add` printed for it.",
        discussion: """
            Over https://, --hub-ca pins the district CA (ca.pem from `gongdan hub tls init`): the node then trusts \
            that CA only for the hub. A CA pinned before stays pinned when --hub-ca is not given. A plain http:// URL \
            to another machine is refused unless --insecure-http is given: tokens and personal data would cross \
            the network readable and alterable. --hub-key pins the hub's signing key (`gongdan hub info` prints it); \
            without it the key pinned before stays, and a node with none pins the key its first sync receives.
            """)

    @Argument(help: "The hub's base URL, e.g. https://10.0.0.5:8443")
    var url: String

    @Option(help: "This node's credential at the hub.")
    var token: String

    @Option(help: ArgumentHelp("The district CA's certificate (PEM, ca.pem from `gongdan hub tls init`): trust only it for the hub.", valueName: "file"))
    var hubCA: String?

    @Flag(help: "Allow a plain http:// URL to another machine (the token and personal data cross the network unencrypted).")
    var insecureHTTP = false

    @Option(help: ArgumentHelp("The hub's signing key (base64, printed by `gongdan hub info`): accept only answers it signed.", valueName: "key"))
    var hubKey: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try Self.check(url: url, token: token, hubCA: hubCA, insecureHTTP: insecureHTTP, language: global.language)
        try Self.check(hubKey: hubKey, language: global.language)
    }

    /// A `--hub-key` must be an Ed25519 public key in base64 (32 bytes), as `gongdan hub info` prints it.
    static func check(hubKey: String?, language: Language) throws {
        guard let hubKey else { return }
        guard let raw = Data(base64Encoded: hubKey), raw.count == 32 else {
            throw ValidationError(language.pick("--hub-key '\(hubKey)' 不是中心的签名密钥：请完整粘贴 gongdan hub info 打印的“签名公钥”（44 个字符，以 = 结尾）",
                                                "--hub-key '\(hubKey)' is not the hub's signing key: paste the whole public key `gongdan hub info` prints (44 characters ending in =)"))
        }
    }

    /// The rules `init --hub` and `remote set` share: an http(s) URL, a whole token, and no plain HTTP
    /// to another machine without `--insecure-http`.
    static func check(url: String, token: String, hubCA: String?, insecureHTTP: Bool, language: Language) throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty else {
            throw ValidationError(language.pick("'\(url)' 不是中心网址：请写成 https://主机:端口，例如 https://10.0.0.5:8443",
                                                "'\(url)' is not a hub URL: give http(s)://HOST:PORT, e.g. https://10.0.0.5:8443"))
        }
        guard token.count >= 16, !token.contains(where: \.isWhitespace) else {
            throw ValidationError(language.pick("令牌看起来不完整：请粘贴 gongdan hub node add 打印的完整令牌",
                                                "the token looks truncated: paste the whole token `gongdan hub node add` printed"))
        }
        if scheme == "http", hubCA != nil {
            throw ValidationError(language.pick("--hub-ca 只用于 https:// 网址：请把网址改为 https://…（中心须以 --tls-cert 启动）",
                                                "--hub-ca is for an https:// URL: write https://… (the hub serves with --tls-cert)"))
        }
        if scheme == "https", insecureHTTP {
            throw ValidationError(language.pick("--insecure-http 只用于 http:// 网址；https:// 不需要它",
                                                "--insecure-http is for an http:// URL; https:// needs no such flag"))
        }
        if scheme == "http", !insecureHTTP, !ListenAddress.isLoopback(host) {
            throw ValidationError(language.pick(
                "拒绝以明文 HTTP 连接 \(host)：节点令牌和经营主体的个人信息会在网络上明文传输，局域网上任何人都能截获令牌、冒充本节点，或篡改同步数据。"
                    + "请让中心以 HTTPS 运行（gongdan hub tls init，hub serve --tls-cert … --tls-key …），改用 https://… --hub-ca ca.pem；"
                    + "确需明文（仅限封闭的测试网络）时加 --insecure-http",
                "refused plain HTTP to \(host): the node's token and the entities' personal data would cross the network "
                    + "unencrypted — anyone on the LAN could take the token, act as this node or alter sync data. Serve the hub "
                    + "over HTTPS (`gongdan hub tls init`, `hub serve --tls-cert … --tls-key …`) and use https://… --hub-ca ca.pem; "
                    + "only on a closed test network add --insecure-http"))
        }
    }

    /// The warning printed when `--insecure-http` let a plain URL to another machine through.
    static func warnInsecure(url: String, insecureHTTP: Bool, language: Language) {
        guard insecureHTTP else { return }
        Console.error(language.pick(
            "警告：以明文 HTTP 连接 \(url)（--insecure-http）：令牌和个人信息在网络上可被截获和篡改，只应在封闭的测试网络里这样做。",
            "WARNING: plain HTTP to \(url) (--insecure-http): the token and personal data can be read and altered on the network; do this on a closed test network only."))
    }

    func run() throws {
        let context = try global.context()
        let ca = try hubCA.map(PinnedHubCA.init(contentsOfFile:))
        try context.openService().store.setRemote(hubURL: url, token: token, hubCA: ca?.pem, hubKey: hubKey)
        Self.warnInsecure(url: url, insecureHTTP: insecureHTTP, language: context.language)
        Console.out(context.language.pick("已设置中心：\(url)\(ca == nil ? "" : "（只信任 \(hubCA ?? "") 中的 CA）")；运行 gongdan sync 同步",
                                          "Hub set to \(url)\(ca == nil ? "" : " (trusting only the CA in \(hubCA ?? ""))"); run `gongdan sync`"))
    }
}

/// `gongdan remote show`.
struct RemoteShowCommand: GongdanCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the hub and the sync counters.")

    @OptionGroup var global: GlobalOptions

    struct View: Encodable {
        var hubURL: String?
        var configured: Bool
        /// Whether a CA is pinned for the hub (`--hub-ca`): then only it is trusted over HTTPS.
        var hubCAPinned: Bool
        /// The fingerprint of the hub's signing key this node pinned (1.6); absent before its first contact.
        var hubKeyFingerprint: String?
        var cursor: Int64
        var hubHas: Int64
        var unsent: Int64
    }

    func run() throws {
        let context = try global.context()
        let settings = try context.openService().store.syncSettings()
        if context.json {
            try Console.json(View(hubURL: settings.hubURL, configured: settings.isConfigured, hubCAPinned: settings.hubCA != nil,
                                  hubKeyFingerprint: settings.hubKey.map(NodeSigningKey.fingerprint(ofPublicKey:)), cursor: settings.cursor, hubHas: settings.hubHas, unsent: settings.unsent))
        } else {
            let pinned = settings.hubCA != nil
            let key = settings.hubKey.map(NodeSigningKey.fingerprint(ofPublicKey:))
            Console.out(context.language.pick(
                "中心：\(settings.hubURL ?? "（未设置）")\(pinned ? "（只信任固定的 CA）" : "")\n"
                    + (key.map { "中心签名密钥指纹：\($0)（只接受它签名的答复）\n" } ?? "中心签名密钥：尚未记下（首次同步时记下）\n")
                    + "中心已收到本节点事件至序号 \(settings.hubHas)，未发送 \(settings.unsent) 条，拉取位置 \(settings.cursor)",
                "Hub: \(settings.hubURL ?? "(not set)")\(pinned ? " (only the pinned CA is trusted)" : "")\n"
                    + (key.map { "Hub signing key fingerprint: \($0) (only answers it signed are accepted)\n" } ?? "Hub signing key: not pinned yet (the first sync pins it)\n")
                    + "Hub holds this node's events up to seq \(settings.hubHas); \(settings.unsent) unsent; feed cursor \(settings.cursor)"))
        }
    }
}
