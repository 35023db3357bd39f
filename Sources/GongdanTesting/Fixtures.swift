import Foundation
import GongdanCore

/// Shared values for tests: a district with a workstation, two townships and a department.
public enum Fixtures {
    public static let workstation = Actor(node: "WS", role: .workstation, unit: nil, person: "王工作站")
    public static let dongxing = Actor(node: "DX", role: .township, unit: "DX", person: "李镇")
    public static let qiaoxuan = Actor(node: "QX", role: .township, unit: "QX", person: "赵镇")
    public static let market = Actor(node: "SCJG", role: .department, unit: "SCJG", person: "陈局")

    public static let units: [String: HandlingUnit] = [
        "DX": HandlingUnit(code: "DX", name: "东兴镇", kind: .township),
        "QX": HandlingUnit(code: "QX", name: "桥圩镇", kind: .township),
        "SCJG": HandlingUnit(code: "SCJG", name: "区市场监管局", kind: .department),
    ]

    /// An instant given in China Standard Time, e.g. `cst("2026-09-28 09:00")`.
    public static func cst(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let date = CivilDate(String(parts[0]))!
        let time = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Double($0) } : [0, 0]
        return date.startInChinaStandardTime.addingTimeInterval(time[0] * 3600 + time[1] * 60)
    }

    /// A typical complaint from a shop.
    public static func complaint(source: IntakeSource = .hotline, receivedAt: Date? = nil) -> IntakeRequest {
        IntakeRequest(category: .complaint, source: source,
                      entity: BusinessEntity(name: "港南区好味餐馆", creditCode: nil,
                                             contact: "黄老板", phone: "0775-4331430"),
                      summary: "门店前道路施工三个月未完工，影响经营",
                      detail: "施工围挡遮挡店面，顾客无法进店。",
                      hotlineReceivedAt: source == .hotline ? (receivedAt ?? cst("2026-09-27 16:00")) : nil)
    }
}
