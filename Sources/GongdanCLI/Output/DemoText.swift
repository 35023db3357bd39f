import Foundation
import GongdanCore
import GongdanDemo
import GongdanStore
import GongdanText

/// `gongdan demo`'s report of its month: what was played, the consolidated status, the unit scores,
/// the conflicts, the notices and the replicas. Holds no path, port, token or password, so the
/// same seed prints the same report.
struct DemoText {
    let language: Language
    /// Unit code → name.
    let names: [String: String]

    /// The whole report.
    func lines(_ outcome: DemoOutcome) -> [String] {
        var lines = summary(outcome)
        lines += [""] + status(outcome.status, asOf: outcome.asOf)
        lines += ["", heading(language.pick("各单位得分（\(MonthlyReportDocument.periodTitle(outcome.period))，与 gongdan report units 相同）",
                                             "Unit scores, \(outcome.period) (as gongdan report units prints them)"))]
        lines.append(ScoringText(language: language, names: names).table(outcome.scoring.units, district: outcome.scoring.district).render())
        lines += [""] + conflicts(outcome.conflicts)
        lines += [""] + notices(outcome.notices)
        lines += [""] + replicas(outcome)
        return lines
    }

    func heading(_ text: String) -> String { "== " + text }

    func count(_ outcome: DemoOutcome, _ action: DemoAction) -> Int { outcome.activity[action] ?? 0 }

    /// What was played.
    func summary(_ outcome: DemoOutcome) -> [String] {
        let l = language
        let n = { (action: DemoAction) in count(outcome, action) }
        let outage = outcome.outage
        let unit = Labels(language: l).unit(outage.unit, names)
        return [
            heading(l.pick("模拟月份 \(MonthlyReportDocument.periodTitle(outcome.period))（工作日 \(outcome.workingDays) 天，种子 \(outcome.seed)）",
                           "Simulated month \(outcome.period) (\(outcome.workingDays) working days, seed \(outcome.seed))")),
            l.pick("受理：12345 热线 \(n(.hotlineAPI) + n(.hotlineCSV)) 件（接口推送 \(n(.hotlineAPI))，CSV 导入 \(n(.hotlineCSV))），窗口受理 \(n(.walkIn) + n(.walkInKept)) 件（镇街自办 \(n(.walkInKept))）",
                   "Intake: \(n(.hotlineAPI) + n(.hotlineCSV)) from 12345 (\(n(.hotlineAPI)) by the intake API, \(n(.hotlineCSV)) by CSV import), \(n(.walkIn) + n(.walkInKept)) walk-ins (\(n(.walkInKept)) kept by the township)"),
            l.pick("分办 \(n(.dispatch)) 次，二次分办 \(n(.secondDispatch)) 次，改派 \(n(.redispatch)) 次，提级 \(n(.escalate)) 次；签收 \(n(.sign))，退回 \(n(.giveBack))，联系 \(n(.contact))",
                   "Dispatches \(n(.dispatch)), second dispatches \(n(.secondDispatch)), re-dispatches \(n(.redispatch)), escalations \(n(.escalate)); signed \(n(.sign)), returned \(n(.giveBack)), contacts \(n(.contact))"),
            l.pick("延期申请 \(n(.requestExtension))（批准 \(n(.approveExtension))，不批准 \(n(.denyExtension))）；答复 \(n(.reply))，审核通过 \(n(.acceptReply))，退回不规范 \(n(.rejectReply))；回访评价 \(n(.evaluate))（不满意 \(n(.unsatisfied))）",
                   "Extension requests \(n(.requestExtension)) (\(n(.approveExtension)) approved, \(n(.denyExtension)) denied); replies \(n(.reply)), accepted \(n(.acceptReply)), rejected \(n(.rejectReply)); evaluations \(n(.evaluate)) (\(n(.unsatisfied)) unsatisfied)"),
            l.pick("断网：\(unit) \(outage.from) 至 \(outage.through) 离线，离线期间记录 \(outage.offlineEvents) 条事件，恢复联网后同步到中心",
                   "Outage: \(unit) offline \(outage.from) through \(outage.through); \(outage.offlineEvents) events recorded offline, synced on reconnecting"),
            l.pick("同步 \(n(.sync)) 次（HTTP），中心共存事件 \(outcome.events) 条，签发督办通知 \(n(.notice)) 份",
                   "\(n(.sync)) sync sessions over HTTP; the hub holds \(outcome.events) events; \(n(.notice)) supervision notices issued"),
        ]
    }

    /// The dashboard's consolidated status.
    func status(_ status: DashboardStatus, asOf: Date) -> [String] {
        let l = language
        var table = TextTable(headers: [l.pick("项目", "figure"), l.pick("件数", "tickets")])
        table.rows = [
            (l.pick("在办工单", "open"), status.open), (l.pick("待分办", "pending dispatch"), status.pendingDispatch),
            (l.pick("待签收", "unsigned"), status.unsigned), (l.pick("超时未签收", "unsigned past the limit"), status.unsignedPastLimit),
            (l.pick("办理中", "handling"), status.handling), (l.pick("超期未办结", "overdue"), status.overdue),
            (l.pick("待审核", "awaiting review"), status.pendingReview), (l.pick("待评价", "awaiting evaluation"), status.pendingEvaluation),
            (l.pick("待提级", "awaiting escalation"), status.pendingEscalation),
        ].map { [$0.0, String($0.1)] }
        return [heading(l.pick("全区工单状态（截至 \(TimeText.instant(asOf))，与看板相同）",
                               "District status (as of \(TimeText.instant(asOf)), as on the dashboard)")),
                table.render()]
    }

    func conflicts(_ conflicts: [HubStore.Conflict]) -> [String] {
        let l = language
        var lines = [heading(l.pick("冲突（\(conflicts.count)）", "Conflicts (\(conflicts.count))"))]
        for conflict in conflicts {
            lines.append("#\(conflict.id)  \(conflict.ticket)  \(HubConflictsListCommand.kind(conflict.kind, l))  "
                         + "[\(HubConflictsListCommand.status(conflict.status, l))]  \(conflict.summary)")
            lines.append(l.pick("  自动决定：", "  decision: ") + conflict.decision)
        }
        return lines
    }

    func notices(_ notices: [StoredNotice]) -> [String] {
        let text = NoticeText(language: language, names: names)
        return [heading(language.pick("督办通知（\(notices.count)）", "Supervision notices (\(notices.count))"))]
            + notices.map { "  " + text.summary($0) }
    }

    func replicas(_ outcome: DemoOutcome) -> [String] {
        let l = language
        var table = TextTable(headers: [l.pick("节点", "node"), l.pick("工单", "tickets"), l.pick("本节点事件", "own events"),
                                        l.pick("完整性", "integrity")])
        table.rows = outcome.replicas.map {
            ["\($0.name)（\($0.code)）", String($0.tickets), String($0.events),
             $0.problems.isEmpty ? l.pick("通过", "ok") : $0.problems.joined(separator: "; ")]
        }
        let verify = outcome.verifyProblems.isEmpty ? l.pick("中心校验（hub verify）：各节点签名哈希链全部通过", "hub verify: every node's signed hash chain checks out")
            : l.pick("中心校验发现问题：", "hub verify found: ") + outcome.verifyProblems.joined(separator: "; ")
        return [heading(l.pick("各节点副本", "Replicas")), table.render(), verify]
    }
}
