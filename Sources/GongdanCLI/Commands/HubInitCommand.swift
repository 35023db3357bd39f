import ArgumentParser
import GongdanStore
import GongdanSync

/// `gongdan hub init`: makes a hub database for a district, with the hub's signing key.
struct HubInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the hub's database for a district (and the hub's signing key).")

    @Option(help: "The district's name, e.g. 港南区.")
    var district: String

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let info = try context.createStore().initialize(district: district, at: context.now)
        if context.json {
            try Console.json(HubInfoView(info: info, db: context.dbPath))
        } else {
            Console.out(context.language.pick(
                "已创建 \(info.district) 的中心数据库：\(context.dbPath)\n下一步：gongdan hub node add 代码 --role workstation|township|department --name 名称",
                "Created the hub of \(info.district): \(context.dbPath)\nNext: gongdan hub node add CODE --role workstation|township|department --name NAME"))
        }
    }
}

/// `hub init --json`.
struct HubInfoView: Encodable {
    var district: String
    var publicKey: String
    /// The short fingerprint of `publicKey` that `gongdan remote show` prints on a node that pinned it.
    var fingerprint: String
    var db: String

    init(info: HubStore.Info, db: String) {
        district = info.district
        publicKey = info.publicKey
        fingerprint = NodeSigningKey.fingerprint(ofPublicKey: info.publicKey)
        self.db = db
    }
}
