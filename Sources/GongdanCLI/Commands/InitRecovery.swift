import Foundation
import GongdanNode
import GongdanStore
import GongdanSync
import GongdanText

/// `gongdan init --recover`: rebuilds a lost replica from the hub and says which events were lost.
struct InitRecovery {
    let context: CommandContext
    let service: NodeService
    let hub: String
    let token: String
    /// The CA to pin for an https hub (`--hub-ca`).
    let hubCA: PinnedHubCA?
    /// The hub's signing key given with `--hub-key`, if any.
    let hubKey: String?

    /// `init --recover --json`.
    struct View: Encodable {
        var node: NodeView
        var recovery: RecoveryReport
        /// The sentence `gongdan status` repeats.
        var lost: String
        var pulled: Int
        var lastSeq: Int64
        var cursor: Int64
    }

    func run() throws {
        guard let url = URL(string: hub) else { throw SyncClientError.notConfigured }
        var recovery = NodeRecovery(store: service.store, transport: HTTPSyncTransport(baseURL: url, token: token, hubCA: hubCA),
                                    hubURL: hub, token: token, hubCA: hubCA?.pem, hubKey: hubKey, software: GongdanVersion.current, now: service.now)
        let bar = TerminalProgress(language: context.language, json: context.json)
        recovery.progress = bar.reporter
        let outcome = try AsyncBridge.run { [recovery] in try await recovery.run() }
        bar.finish()
        let l = context.language
        let lost = RecoveryText(language: l).lost(outcome.report)
        let lastSeq = try service.store.lastSeq()
        let identity = outcome.identity
        if context.json {
            try Console.json(View(node: NodeView(code: identity.code, name: identity.name, role: identity.role, db: context.dbPath),
                                  recovery: outcome.report, lost: lost, pulled: outcome.sync.pulled, lastSeq: lastSeq,
                                  cursor: outcome.sync.cursor))
        } else {
            let role = Labels(language: l).role(identity.role)
            Console.out(l.pick(
                "已从中心重建节点 \(identity.code) \(identity.name)（\(role)），副本：\(context.dbPath)",
                "Rebuilt node \(identity.code) \(identity.name) (\(role)) from the hub; replica: \(context.dbPath)"))
            Console.out(l.pick(
                "收到 \(outcome.sync.pulled) 条事件；本节点序号从 #\(lastSeq + 1) 继续，使用新的签名密钥",
                "Received \(outcome.sync.pulled) events; this node's seq continues at #\(lastSeq + 1), with a new signing key"))
            Console.out(l.pick("未到达中心的事件：", "Events that never reached the hub: ") + lost)
        }
    }
}
