import Foundation
import GongdanCore
import GongdanStore
import GongdanWeb

extension DashboardSnapshot {
    /// The ids of the exportable tables, in page order.
    static let tableIDs = ["status", "overdue", "unsigned", "units", "notices", "conflicts", "nodes"]

    /// The table `id`, or nil for an unknown id.
    func table(_ id: String) -> DashboardTable? {
        switch id {
        case "status": statusTable()
        case "overdue": overdueTable()
        case "unsigned": unsignedTable()
        case "units": unitsTable()
        case "notices": noticesTable()
        case "conflicts": conflictsTable()
        case "nodes": nodesTable()
        default: nil
        }
    }

    func statusTable() -> DashboardTable {
        let figures: [(String, Int)] = [
            ("在办工单", status.open), ("待分办", status.pendingDispatch), ("待签收", status.unsigned),
            ("超时未签收", status.unsignedPastLimit), ("办理中", status.handling), ("超期未办结", status.overdue),
            ("待审核", status.pendingReview), ("待评价", status.pendingEvaluation), ("待提级", status.pendingEscalation),
        ]
        return DashboardTable(id: "status", title: "全区工单状态（截至\(HTMLPage.dateTime(now))）",
                              columns: [.init(title: "指标"), .init(title: "数量", numeric: true)],
                              rows: figures.map { [$0.0, String($0.1)] })
    }

    func overdueTable() -> DashboardTable {
        DashboardTable(
            id: "overdue", title: "超期未办结工单",
            columns: [.init(title: "工单编号"), .init(title: "类别"), .init(title: "状态"), .init(title: "经营主体"),
                      .init(title: "事项"), .init(title: "承办单位"), .init(title: "办结期限"),
                      .init(title: "已超期（天）", numeric: true)],
            rows: overdue.map(overdueRow),
            total: status.overdue)
    }

    /// A ticket's row in the overdue list.
    func overdueRow(_ ticket: DashboardTicket) -> [String] {
        let late = ticket.deadline.map { max(0, Int(now.timeIntervalSince($0) / 86_400)) } ?? 0
        return [ticket.code, PublicProgress.name(of: ticket.category), Self.statusName(ticket.status),
                ticket.entityName, ticket.summary, unitLabel(ticket.lead), HTMLPage.lastDay(ticket.deadline),
                String(late)]
    }

    func unsignedTable() -> DashboardTable {
        var flagged = Set<Int>()
        let rows = unsigned.enumerated().map { index, ticket -> [String] in
            if isPastSigningLimit(ticket) { flagged.insert(index) }
            return unsignedRow(ticket)
        }
        return DashboardTable(
            id: "unsigned", title: "待签收工单",
            columns: [.init(title: "工单编号"), .init(title: "类别"), .init(title: "经营主体"), .init(title: "事项"),
                      .init(title: "承办单位"), .init(title: "分派时间"), .init(title: "签收时限"), .init(title: "签收情况")],
            rows: rows, total: status.unsigned, flagged: flagged)
    }

    /// A ticket's row in the unsigned list.
    func unsignedRow(_ ticket: DashboardTicket) -> [String] {
        [ticket.code, PublicProgress.name(of: ticket.category), ticket.entityName, ticket.summary,
         unitLabel(ticket.lead), HTMLPage.dateTime(ticket.dispatchedAt), HTMLPage.lastDay(ticket.signBy),
         isPastSigningLimit(ticket) ? "超时未签收" : "签收时限内"]
    }

    func isPastSigningLimit(_ ticket: DashboardTicket) -> Bool {
        ticket.signBy.map { $0 <= now } ?? false
    }

    func unitsTable() -> DashboardTable {
        func rate(_ ratio: Ratio) -> String {
            ratio.denominator == 0 ? "—" : "\(ratio.percentText)（\(ratio.numerator)/\(ratio.denominator)）"
        }
        let scores = report.units + [report.district]
        var flagged = Set<Int>()
        let rows = scores.enumerated().map { index, score -> [String] in
            if score.satisfaction.meetsTarget == false { flagged.insert(index) }
            return [score.unit.map { unitNames[$0] ?? $0 } ?? "全区合计", score.unit ?? "",
                    rate(score.onTimeCompletion), rate(score.resolution), rate(score.satisfaction),
                    rate(score.signingTimeliness), rate(score.intakeTimeliness), rate(score.evaluationCoverage),
                    String(score.returns.count), String(score.notices.total),
                    String(format: "%.1f", score.deduction), score.composite.map { String(format: "%.2f", $0) } ?? "—"]
        }
        return DashboardTable(
            id: "units", title: "各单位办理情况（\(report.period)，截至\(HTMLPage.dateTime(report.judgedAt))）",
            columns: [.init(title: "单位"), .init(title: "代码"), .init(title: "按时办结率", numeric: true),
                      .init(title: "问题解决率", numeric: true), .init(title: "满意率（目标95%）", numeric: true),
                      .init(title: "签收及时率", numeric: true), .init(title: "受理及时率", numeric: true),
                      .init(title: "评价率（目标100%）", numeric: true), .init(title: "退回", numeric: true),
                      .init(title: "督办通知", numeric: true), .init(title: "扣分", numeric: true),
                      .init(title: "综合得分", numeric: true)],
            rows: rows, flagged: flagged)
    }

    func noticesTable() -> DashboardTable {
        DashboardTable(
            id: "notices", title: "督办通知",
            columns: [.init(title: "文号"), .init(title: "文书"), .init(title: "督办单位"), .init(title: "签发时间"),
                      .init(title: "限期办结"), .init(title: "发现问题"), .init(title: "涉及工单")],
            rows: notices.map { notice in
                ["\(notice.number)", notice.level.documentTitle, unitLabel(notice.unit), HTMLPage.dateTime(notice.issuedAt),
                 "\(notice.finishBy)", notice.findings, notice.tickets.joined(separator: "、")]
            },
            total: notices.count)
    }

    func conflictsTable() -> DashboardTable {
        DashboardTable(
            id: "conflicts", title: "冲突待处理队列",
            columns: [.init(title: "编号", numeric: true), .init(title: "工单编号"), .init(title: "类型"),
                      .init(title: "情况"), .init(title: "自动处理"), .init(title: "发现时间")],
            rows: conflicts.map { conflict in
                [String(conflict.id), conflict.ticket, Self.conflictName(conflict.kind), conflict.summary, conflict.decision,
                 HTMLPage.dateTime(conflict.createdAt)]
            },
            total: conflicts.count)
    }

    func nodesTable() -> DashboardTable {
        var flagged = Set<Int>()
        let rows = nodes.enumerated().map { index, node -> [String] in
            let offline = node.lastSeen.map { now.timeIntervalSince($0) }
            let expired = node.expiresAt.map { $0 <= now } ?? false
            if node.revoked || expired || node.lastError != nil || (offline ?? .infinity) > 86_400 { flagged.insert(index) }
            let credential = node.revoked ? "已撤销" : expired ? "已过期"
                : node.expiresAt.map { "有效至 " + HTMLPage.dateTime($0) } ?? "有效"
            return [node.code, node.name, Self.roleName(node.role), HTMLPage.dateTime(node.lastSeen),
                    offline.map(Self.duration) ?? "从未连接", node.backlog.map(String.init) ?? "—", node.software ?? "—",
                    node.protocol ?? "—", node.lastError ?? "", credential]
        }
        return DashboardTable(
            id: "nodes", title: "节点运行情况",
            columns: [.init(title: "节点"), .init(title: "名称"), .init(title: "角色"), .init(title: "最后联系"),
                      .init(title: "离线时长"), .init(title: "待发送事件", numeric: true), .init(title: "软件版本"),
                      .init(title: "协议版本"), .init(title: "最近错误"), .init(title: "凭证")],
            rows: rows, total: nodes.count, flagged: flagged)
    }

    /// `3天4小时`, `2小时15分`, `5分钟`.
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int(seconds / 60))
        if minutes < 60 { return "\(minutes)分钟" }
        if minutes < 24 * 60 { return "\(minutes / 60)小时\(minutes % 60)分" }
        return "\(minutes / 1440)天\(minutes % 1440 / 60)小时"
    }

    static func statusName(_ status: TicketStatus) -> String {
        switch status {
        case .pendingDispatch: "待分办"
        case .pendingSign: "待签收"
        case .handling: "办理中"
        case .pendingReview: "待审核"
        case .pendingEvaluation: "待评价"
        case .pendingEscalation: "待提级"
        case .closed: "已办结"
        case .merged: "已合并"
        }
    }

    static func conflictName(_ kind: ConflictKind) -> String {
        switch kind {
        case .assignment: "分派冲突"
        case .handedOverReply: "移交答复"
        case .concurrentCorrection: "并发更正"
        case .duplicateIntake: "疑似重复受理"
        case .concurrentEvaluation: "评价冲突"
        }
    }

    static func roleName(_ role: Role) -> String {
        switch role {
        case .workstation: "工作站"
        case .township: "镇街"
        case .department: "部门"
        }
    }
}
