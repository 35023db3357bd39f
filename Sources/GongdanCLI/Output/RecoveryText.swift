import GongdanSync
import GongdanText

/// The words of a ``RecoveryReport``: which of the node's events never reached the hub.
struct RecoveryText: Sendable {
    let language: Language

    /// E.g. "DX events 121–127 (7) were made on the lost replica and never reached the hub (reported at
    /// last contact 2026-11-30 17:02); events made after that contact are unknown to the hub".
    func lost(_ report: RecoveryReport) -> String {
        let node = report.node
        guard let contact = report.lastContact else {
            return language.pick(
                "中心没有丢失副本报告过的本地序号（它从未推送过，或使用 1.2 之前的协议）；中心持有 \(node) 的事件 1–\(report.hubHas)，此外在丢失副本上产生的事件中心无从得知",
                "the hub has no report of the lost replica's last seq (it never pushed, or spoke a protocol before 1.2); the hub holds \(node) events 1–\(report.hubHas), and any event made on the lost replica beyond them is unknown to the hub")
        }
        let when = TimeText.instant(contact.at)
        if let from = report.lostFrom, let to = report.lostTo {
            return language.pick(
                "\(node) 的事件 \(from)–\(to)（\(report.lostCount) 条）在丢失的副本上产生，从未到达中心（据最后一次联系 \(when) 的报告）；此后产生的事件中心无从得知",
                "\(node) events \(from)–\(to) (\(report.lostCount)) were made on the lost replica and never reached the hub (reported at last contact \(when)); events made after that contact are unknown to the hub")
        }
        return language.pick(
            "没有：截至最后一次联系（\(when)），\(node) 的事件都已到达中心（1–\(report.hubHas)）；此后产生的事件中心无从得知",
            "none, as of last contact \(when): the hub holds all of \(node)'s events (1–\(report.hubHas)); events made after that contact are unknown to the hub")
    }
}
