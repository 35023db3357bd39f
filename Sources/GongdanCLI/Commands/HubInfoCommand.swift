import ArgumentParser
import GongdanStore
import GongdanSync

/// `gongdan hub info`: the hub's district and its signing key, which nodes pin (`init --hub-key`,
/// `remote set --hub-key`) so they accept only answers and reply bundles the hub signed.
struct HubInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show the hub's district and its signing key (give the key to nodes: --hub-key).")

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let info = try context.openStore().requireInfo()
        if context.json {
            try Console.json(HubInfoView(info: info, db: context.dbPath))
        } else {
            let fingerprint = NodeSigningKey.fingerprint(ofPublicKey: info.publicKey)
            Console.out(context.language.pick(
                """
                中心：\(info.district)（\(context.dbPath)）
                签名公钥：\(info.publicKey)
                指纹：\(fingerprint)
                节点初始化时可加 --hub-key \(info.publicKey)，此后只接受本中心签名的答复和回执包；
                未加时，节点首次同步记下它，gongdan remote show 显示其指纹，可与上面的指纹核对。
                """,
                """
                Hub: \(info.district) (\(context.dbPath))
                Signing key: \(info.publicKey)
                Fingerprint: \(fingerprint)
                Give nodes --hub-key \(info.publicKey) at init (or remote set): they then accept only answers and reply
                bundles this hub signed. Without it a node pins the key at its first sync; `gongdan remote show` prints
                its fingerprint to compare with the one above.
                """))
        }
    }
}
