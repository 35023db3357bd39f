import Foundation
import GongdanCore
import GongdanStore
import GongdanText

/// The words of a backup summary and of a restore, in both languages.
struct BackupText: Sendable {
    let language: Language

    /// One line: what the backup holds.
    func summary(_ backup: BackupSummary) -> String {
        let who = backup.kind == .hub
            ? language.pick("中心（\(backup.district ?? "?")）", "hub (\(backup.district ?? "?"))")
            : language.pick("节点 \(backup.node ?? "?") 的副本", "node \(backup.node ?? "?")'s replica")
        let seq = backup.kind == .hub
            ? language.pick("中心自身事件最后序号 \(backup.lastSeq)", "the hub's own last seq \(backup.lastSeq)")
            : language.pick("本节点最后序号 \(backup.lastSeq)", "this node's last seq \(backup.lastSeq)")
        return language.pick(
            "\(who)：事件 \(backup.events) 条，\(seq)，最后提交 #\(backup.lastCommit)，\(size(backup.bytes))，完整性检查通过（\(backup.schema)）",
            "\(who): \(backup.events) events, \(seq), last commit #\(backup.lastCommit), \(size(backup.bytes)), integrity check ok (\(backup.schema))")
    }

    /// The lines `restore` and `hub restore` print.
    func restored(_ outcome: RestoreOutcome) -> [String] {
        var lines = [language.pick("已从 \(outcome.backup.file) 恢复到 \(outcome.database)", "Restored \(outcome.backup.file) to \(outcome.database)"),
                     "  " + summary(outcome.backup)]
        if let replaced = outcome.replaced {
            lines.append(language.pick("原数据库已保存为 \(replaced)（未删除）", "The previous database is kept as \(replaced) (nothing deleted)"))
        }
        if outcome.schema != outcome.backup.schema {
            lines.append(language.pick("数据库已升级：\(outcome.backup.schema) → \(outcome.schema)",
                                       "The database was migrated forward: \(outcome.backup.schema) → \(outcome.schema)"))
        }
        // Who the restored database lets in: an operator checks it against whom they registered.
        if !outcome.nodes.isEmpty {
            lines.append(language.pick("恢复后可接入的节点（请逐一核对，发现不认识的请立即用 gongdan hub node revoke 吊销）：",
                                       "Nodes the restored database lets in (check each; revoke one you do not know with gongdan hub node revoke):"))
            for node in outcome.nodes {
                let key = node.keyFingerprint.map { language.pick("密钥指纹 \($0)", "key \($0)") } ?? language.pick("尚未登记密钥", "no key yet")
                let revoked = node.revoked ? language.pick("（已吊销）", " (revoked)") : ""
                let role = Role(rawValue: node.role).map(Labels(language: language).role) ?? node.role
                lines.append("  \(node.code)  \(node.name)  \(role)  \(key)\(revoked)")
            }
        }
        if !outcome.viewers.isEmpty {
            lines.append(language.pick("看板账号：", "Dashboard viewers: ") + outcome.viewers.joined(separator: language.pick("、", ", ")))
        }
        return lines
    }

    func size(_ bytes: Int64) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
            : bytes >= 1 << 10 ? String(format: "%.1f KiB", Double(bytes) / Double(1 << 10)) : "\(bytes) B"
    }
}
