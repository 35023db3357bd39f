import Foundation
import GongdanCore
import GongdanHub
import GongdanNode

extension DemoMonth {
    /// The working days (0-based) the workstation imports a 12345 export instead of the platform posting.
    static let csvImportDays: Set<Int> = [0, 10]

    /// The morning's 12345 items: posted to the hub's intake API, or on ``csvImportDays`` written to
    /// a CSV export in the demo's directory and imported on the workstation (`gongdan ticket import`).
    mutating func hotline(_ date: CivilDate, index: Int) async throws {
        var items: [HotlineItem] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let (entity, matter) = report(from: DemoCast.entities, about: DemoCast.matters)
            items.append(item(date, entity: entity, matter: matter))
        }
        if index == Self.conflictIntakeDay {
            // The ticket the offline township will be replying to while the workstation takes it away.
            let entity = DemoCast.entities.first { $0.township == DemoCast.offlineTownship }!
            items.append(item(date, entity: entity, matter: DemoCast.matters[0]))
        }
        if Self.csvImportDays.contains(index) {
            let report = try district.node(DemoCast.workstation.code).service.importHotline(csv: try writeExport(items, date))
            count(.hotlineCSV, report.created.count)
            return
        }
        for item in items {
            let ticket = try await platform.post(item)
            count(.hotlineAPI)
            if index == Self.conflictIntakeDay, item == items.last { conflictTicket = ticket }
        }
    }

    /// An entity and its matter, drawn so that an entity seldom reports the same matter twice (when it
    /// does, the hub flags a likely duplicate and supervision a repeated report).
    mutating func report(from entities: [DemoCast.Entity], about matters: [DemoCast.Matter]) -> (DemoCast.Entity, DemoCast.Matter) {
        var entity = entities.randomElement(using: &random)!, matter = matters.randomElement(using: &random)!
        for _ in 0..<3 where reported.contains(entity.name + matter.summary) {
            entity = entities.randomElement(using: &random)!
            matter = matters.randomElement(using: &random)!
        }
        reported.insert(entity.name + matter.summary)
        return (entity, matter)
    }

    /// A 12345 item received between the evening before and this morning.
    mutating func item(_ date: CivilDate, entity: DemoCast.Entity, matter: DemoCast.Matter) -> HotlineItem {
        hotlineOrders += 1
        let received = date.startInChinaStandardTime.addingTimeInterval(8 * 3600 - Double(Int.random(in: 10...900, using: &random) * 60))
        let day = date.description.replacingOccurrences(of: "-", with: "")
        return HotlineItem(orderNumber: "GX12345-\(day)-\(String(format: "%04d", hotlineOrders))", receivedAt: received,
                           category: matter.category.rawValue,
                           entity: .init(name: entity.name, contact: entity.contact, phone: entity.phone),
                           summary: matter.summary, detail: "\(entity.contact)来电反映：\(matter.summary)。")
    }

    /// Writes `items` as the platform's CSV export (``GongdanNode/HotlineCSV``) next to the replicas; returns its text.
    func writeExport(_ items: [HotlineItem], _ date: CivilDate) throws -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: CivilDate.chinaStandardTimeOffset)
        let rows = items.map { item in
            [item.orderNumber, formatter.string(from: item.receivedAt), item.category, item.entity.name, "",
             item.entity.contact ?? "", item.entity.phone ?? "", item.summary, item.detail ?? ""].joined(separator: ",")
        }
        let text = ([HotlineCSV.columns.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
        try text.write(toFile: district.directory + "/12345-\(date).csv", atomically: true, encoding: .utf8)
        return text
    }
}
