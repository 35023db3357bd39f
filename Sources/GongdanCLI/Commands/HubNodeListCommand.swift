import ArgumentParser
import GongdanStore
import GongdanText

/// `gongdan hub node list`: the registered nodes and their health.
struct HubNodeListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the registered nodes: last seen, backlog, what the hub holds.")

    @OptionGroup var options: HubOptions

    func run() throws {
        let context = try options.context()
        let nodes = try context.openStore().nodes()
        if context.json {
            try Console.json(nodes)
            return
        }
        let l = context.language
        guard !nodes.isEmpty else {
            Console.out(l.pick("尚未登记任何节点；用 gongdan hub node add 代码 --role 角色 --name 名称 登记",
                               "No node is registered; register one with `gongdan hub node add CODE --role ROLE --name NAME`"))
            return
        }
        let labels = Labels(language: l)
        var table = TextTable(headers: l == .zh ? ["代码", "名称", "角色", "最后联系", "待发", "中心已有", "版本", "协议", "令牌有效期", "状态"]
                                                : ["code", "name", "role", "last seen", "backlog", "hub has", "software", "protocol", "expires", "state"])
        let now = context.now
        table.rows = nodes.map { node in
            let expired = node.expiresAt.map { $0 <= now } ?? false
            let state = node.revoked ? l.pick("已撤销", "revoked")
                : expired ? l.pick("令牌已过期", "credential expired")
                : node.lastError.map { l.pick("错误：", "error: ") + TextTable.truncate($0, to: 40) } ?? l.pick("正常", "ok")
            return [node.code, node.name, labels.role(node.role), node.lastSeen.map(TimeText.instant) ?? l.pick("从未", "never"),
                    node.backlog.map(String.init) ?? "-", String(node.hubHas), node.software ?? "-", node.protocol ?? "-",
                    node.expiresAt.map(TimeText.instant) ?? l.pick("长期", "never"), state]
        }
        Console.out(table.render())
    }
}
