import ArgumentParser
import Foundation
import GongdanCore
import GongdanNode
import GongdanSync
import GongdanText

/// `gongdan init`: gives a new replica its identity.
struct InitCommand: GongdanCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create this node's replica: its role, code and name.")

    @Option(help: "What this node acts as.")
    var role: Role?

    @Option(help: ArgumentHelp("The node's code: 2–8 letters or digits, unique in the district (prefix of its ticket codes).", valueName: "code"))
    var node: String?

    @Option(help: "The node's display name, e.g. 东兴镇.")
    var name: String?

    @Flag(help: "Rebuild a lost replica from the hub (with --hub and the --token `gongdan hub node rekey` printed): role, code and name come from the hub.")
    var recover = false

    @Option(help: ArgumentHelp("The district hub's URL, e.g. https://10.0.0.5:8443 (or later: gongdan remote set).", valueName: "url"))
    var hub: String?

    @Option(help: "This node's credential at the hub (printed by `gongdan hub node add`).")
    var token: String?

    @Option(help: ArgumentHelp("The district CA's certificate (PEM, ca.pem from `gongdan hub tls init`): trust only it for an https:// hub.", valueName: "file"))
    var hubCA: String?

    @Option(help: ArgumentHelp("The hub's signing key (base64, printed by `gongdan hub info`); without it the first sync pins the key it receives.", valueName: "key"))
    var hubKey: String?

    @Flag(help: "Allow a plain http:// hub URL to another machine (the token and personal data cross the network unencrypted).")
    var insecureHTTP = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try RemoteSetCommand.check(hubKey: hubKey, language: global.language)
        if recover {
            guard hub != nil, token != nil else {
                throw ValidationError(global.language.pick("--recover 须同时给出 --hub 网址 和 --token 令牌（令牌由中心管理员用 gongdan hub node rekey 代码 重新生成）", "--recover needs --hub URL and --token TOKEN (the hub operator prints a new token with `gongdan hub node rekey CODE`)"))
            }
            guard role == nil, node == nil, name == nil else {
                throw ValidationError(global.language.pick("--recover 从中心取得节点的角色、代码和名称：请去掉 --role、--node 和 --name", "--recover takes the node's role, code and name from the hub: drop --role, --node and --name"))
            }
        } else if role == nil || node == nil || name == nil {
            throw ValidationError(global.language.pick("请给出 --role、--node 和 --name（或用 --recover --hub 网址 --token 令牌 从中心重建丢失的副本）", "give --role, --node and --name (or --recover --hub URL --token TOKEN to rebuild a lost replica from the hub)"))
        }
        guard (hub == nil) == (token == nil) else {
            throw ValidationError(global.language.pick("--hub 和 --token 须同时给出；也可以都不给，以后用 gongdan remote set 设置", "--hub and --token go together: give both, or neither and use `gongdan remote set` later"))
        }
        if let hub, let token {
            try RemoteSetCommand.check(url: hub, token: token, hubCA: hubCA, insecureHTTP: insecureHTTP, language: global.language)
        } else if hubCA != nil || insecureHTTP || hubKey != nil {
            throw ValidationError(global.language.pick("--hub-ca、--hub-key 和 --insecure-http 须与 --hub、--token 一起使用",
                                                       "--hub-ca, --hub-key and --insecure-http go with --hub and --token"))
        }
    }

    func run() throws {
        let context = try global.context()
        // The CA file is read before the replica is made: a wrong path leaves nothing behind.
        let ca = try hubCA.map(PinnedHubCA.init(contentsOfFile:))
        if let hub { RemoteSetCommand.warnInsecure(url: hub, insecureHTTP: insecureHTTP, language: context.language) }
        // The token is checked with the hub before the replica is made: a refusal leaves nothing behind.
        let check = recover ? nil : try checkCredential(ca: ca)
        let service = try context.createService()
        if recover, let hub, let token {
            try InitRecovery(context: context, service: service, hub: hub, token: token, hubCA: ca, hubKey: hubKey).run()
            return
        }
        guard let role, let node, let name else { return }
        let identity = try service.initialize(role: role, code: node, name: name)
        var pinnedKey = hubKey
        if let hub, let token { try service.store.setRemote(hubURL: hub, token: token, hubCA: ca?.pem, hubKey: hubKey) }
        if case .confirmed(let state) = check, pinnedKey == nil, let key = state.hubKey {
            try service.store.pinHubKey(key)
            pinnedKey = key
        }
        let l = context.language
        if context.json {
            var view = NodeView(code: identity.code, name: identity.name, role: identity.role, db: context.dbPath)
            if hub != nil {
                if case .confirmed = check { view.credentialChecked = true } else { view.credentialChecked = false }
                view.hubKeyFingerprint = pinnedKey.map(NodeSigningKey.fingerprint(ofPublicKey:))
            }
            try Console.json(view)
        } else {
            let role = Labels(language: l).role(identity.role)
            Console.out(l.pick(
                "已初始化节点 \(identity.code) \(identity.name)（\(role)），副本：\(context.dbPath)",
                "Initialised node \(identity.code) \(identity.name) (\(role)); replica: \(context.dbPath)"))
            switch check {
            case .confirmed(let state)?:
                let fingerprint = pinnedKey.map(NodeSigningKey.fingerprint(ofPublicKey:)) ?? "—"
                Console.out(l.pick("已向中心核对令牌：中心登记的本节点是 \(state.node) \(state.name ?? "")；中心签名密钥指纹 \(fingerprint)（已记下）",
                                   "Checked the token with the hub: it is node \(state.node) \(state.name ?? ""); hub signing key fingerprint \(fingerprint) (pinned)"))
            case .unreachable(let reason)?:
                Console.error(l.pick("注意：暂时连不上中心（\(ErrorText.chinese(reason))），令牌未能核对；首次 gongdan sync 时再核对。",
                                     "note: the hub cannot be reached now (\(reason)), so the token was not checked; the first `gongdan sync` checks it."))
            case nil:
                break
            }
        }
    }

    /// Asks the hub whether the token is this node's, before anything is made (nil without --hub).
    func checkCredential(ca: PinnedHubCA?) throws -> HubCredentialCheck? {
        guard let hub, let token, let role, let node, let url = URL(string: hub) else { return nil }
        let transport = HTTPSyncTransport(baseURL: url, token: token, hubCA: ca,
                                          hubKey: hubKey.map { PinnedHubKey(publicKey: $0, node: node) }, timeout: 15)
        // With --hub-key the transport accepts only answers that key signed: another hub is refused there.
        return try AsyncBridge.run { try await HubCredentialCheck.run(transport: transport, node: node, role: role) }
    }
}

/// A node's identity in JSON (`init`, `status`).
struct NodeView: Encodable, Sendable {
    var code: String
    var name: String
    var role: Role
    var db: String?
    /// `init --hub`: whether the hub confirmed the token as this node's (false: it could not be reached).
    var credentialChecked: Bool? = nil
    /// `init --hub`: the fingerprint of the hub's signing key the node pinned.
    var hubKeyFingerprint: String? = nil
}
