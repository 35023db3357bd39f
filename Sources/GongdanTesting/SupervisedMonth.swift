import Foundation
import GongdanCore

/// A district's October 2026 for supervision and scoring tests at the hub: tickets of DX, QX and SCJG
/// written with ``TicketDesk`` (help tickets, 5 working days; signing by the end of the next working day).
///
/// | ticket | story | what it shows |
/// | --- | --- | --- |
/// | WS-26-0101 | DX: on time, satisfied | on time, resolved, satisfied |
/// | WS-26-0102 | DX: accepted late, basically satisfied, unresolved | late completion |
/// | WS-26-0103 | DX: signed, never replied | overdue and open; reminder 超期未办 |
/// | WS-26-0104 | QX: not signed in time, then signed and completed | late signing |
/// | WS-26-0105 | QX: never signed | unsigned past limit (2nd miss → reminder 无故多次不签收) |
/// | WS-26-0106 | SCJG: reply rejected twice, then accepted | rectification 多次申请办结不规范 |
/// | WS-26-0107 | DX: unsatisfied, second dispatch, unsatisfied again | rectification 同一工单2次不满意 |
/// | WS-26-0108 | QX: returned, re-dispatched to DX, completed, unreachable | QX's return |
/// | WS-26-0109 | DX: accepted in September, evaluated in October | only its evaluation counts in October |
public enum SupervisedMonth {
    /// The tickets, as of 2026-10-31 (every event is before).
    public static func desks() throws -> [TicketDesk] {
        var t1 = try TicketDesk("WS-26-0101", entity: "港南区好味餐馆", summary: "门店前道路施工三个月未完工", received: "2026-10-11 16:00",
                                created: "2026-10-12 08:00")
        try t1.dispatch(to: "DX", "2026-10-12 09:00")
        try t1.sign("DX", "2026-10-12 10:00")
        try t1.complete("DX", replied: "2026-10-14 10:00", accepted: "2026-10-14 15:00")
        try t1.evaluate(.satisfied, resolved: true, "2026-10-15 10:00")

        var t2 = try TicketDesk("WS-26-0102", entity: "港南区新华书店", summary: "办理营业执照变更等待时间过长", received: "2026-10-11 16:00",
                                created: "2026-10-12 08:00")
        try t2.dispatch(to: "DX", "2026-10-12 09:00")
        try t2.sign("DX", "2026-10-12 10:00")
        try t2.complete("DX", replied: "2026-10-20 10:00", accepted: "2026-10-20 15:00")
        try t2.evaluate(.basic, resolved: false, "2026-10-21 10:00")

        var t3 = try TicketDesk("WS-26-0103", entity: "港南区木业加工厂", summary: "厂区用电容量不足申请增容", received: "2026-10-11 16:00",
                                created: "2026-10-12 08:00")
        try t3.dispatch(to: "DX", "2026-10-12 09:00")
        try t3.sign("DX", "2026-10-12 10:00")

        var t4 = try TicketDesk("WS-26-0104", entity: "港南区鸿运酒家", summary: "油烟净化设备补贴申请无人受理", received: "2026-10-11 16:00",
                                created: "2026-10-12 08:00")
        try t4.dispatch(to: "QX", "2026-10-12 09:00")
        try t4.sign("QX", "2026-10-14 10:00")
        try t4.complete("QX", replied: "2026-10-16 10:00", accepted: "2026-10-16 15:00")
        try t4.evaluate(.satisfied, resolved: true, "2026-10-19 10:00")

        var t5 = try TicketDesk("WS-26-0105", entity: "港南区桥圩建材店", summary: "门前占道施工材料长期堆放", received: "2026-10-18 16:00",
                                created: "2026-10-19 08:00")
        try t5.dispatch(to: "QX", "2026-10-19 09:00")

        var t6 = try TicketDesk("WS-26-0106", entity: "港南区惠民药店", summary: "药品经营许可证换证材料反复退回", received: "2026-10-11 16:00",
                                created: "2026-10-12 08:00")
        try t6.dispatch(to: "SCJG", "2026-10-12 09:00")
        try t6.sign("SCJG", "2026-10-12 10:00")
        try t6.reply("SCJG", "2026-10-13 10:00")
        try t6.reject("2026-10-13 15:00")
        try t6.reply("SCJG", "2026-10-14 10:00")
        try t6.reject("2026-10-14 15:00")
        try t6.complete("SCJG", replied: "2026-10-15 10:00", accepted: "2026-10-15 15:00")
        try t6.evaluate(.satisfied, resolved: true, "2026-10-16 10:00")

        var t7 = try TicketDesk("WS-26-0107", entity: "港南区东兴农贸市场", summary: "市场排水沟堵塞雨天积水", received: "2026-10-11 16:00",
                                created: "2026-10-12 08:00")
        try t7.dispatch(to: "DX", "2026-10-12 09:00")
        try t7.sign("DX", "2026-10-12 10:00")
        try t7.complete("DX", replied: "2026-10-13 10:00", accepted: "2026-10-13 15:00")
        try t7.evaluate(.unsatisfied, resolved: false, "2026-10-14 09:00")
        try t7.dispatch(to: "DX", "2026-10-14 10:00")
        try t7.sign("DX", "2026-10-14 11:00")
        try t7.complete("DX", replied: "2026-10-16 10:00", accepted: "2026-10-16 15:00")
        try t7.evaluate(.unsatisfied, resolved: false, "2026-10-19 10:00")

        var t8 = try TicketDesk("WS-26-0108", entity: "港南区福满超市", summary: "超市门前公交站台遮挡招牌", received: "2026-10-11 16:00",
                                created: "2026-10-12 08:00")
        try t8.dispatch(to: "QX", "2026-10-12 09:00")
        try t8.giveBack("QX", "2026-10-12 11:00")
        try t8.dispatch(to: "DX", "2026-10-12 14:00")
        try t8.sign("DX", "2026-10-13 09:00")
        try t8.complete("DX", replied: "2026-10-16 10:00", accepted: "2026-10-16 15:00")
        try t8.evaluate(.unreachable, resolved: false, "2026-10-19 10:00")

        var t9 = try TicketDesk("WS-26-0109", entity: "港南区金桥物流", summary: "货车通行证办理咨询", received: "2026-09-13 16:00",
                                created: "2026-09-14 08:00")
        try t9.dispatch(to: "DX", "2026-09-14 09:00")
        try t9.sign("DX", "2026-09-14 10:00")
        try t9.complete("DX", replied: "2026-09-16 10:00", accepted: "2026-09-16 15:00")
        try t9.evaluate(.satisfied, resolved: true, "2026-10-09 10:00")

        return [t1, t2, t3, t4, t5, t6, t7, t8, t9]
    }

    /// The states of ``desks()``.
    public static func states() throws -> [TicketState] {
        try desks().map(\.state)
    }
}
