import Foundation
import GongdanCore
import GongdanTesting
import Testing

/// Issue 11, item 5, through the real `gongdan` binary and a hub process: contact details travel sealed
/// and reach only the workstation and the units handling the ticket; a report's reporter reaches its
/// lead only when the workstation releases it; every chain still verifies (`docs/privacy.md`).
@Suite("Contact details go only where they are needed", .timeLimit(.minutes(4)))
struct ContactPrivacyCLITests {
    /// Whether any file of `node`'s replica (database, WAL) holds `text`.
    func replica(_ district: District, _ node: String, holds text: String) throws -> Bool {
        let db = district[node].db
        let files = [db, db + "-wal"].filter { FileManager.default.fileExists(atPath: $0) }
        let needle = Data(text.utf8)
        return try files.contains { try Data(contentsOf: URL(fileURLWithPath: $0)).range(of: needle) != nil }
    }

    @Test("a complaint's contact reaches its lead and co-unit; a correction made after the ticket moved on reaches only its new lead")
    func contactFollowsTheHandlingUnits() throws {
        // Given a complaint with a contact and a phone, dispatched to DX with SCJG
        let district = try District(townships: ["DX": "东兴镇", "QX": "桥圩镇"], departments: ["SCJG": "区市场监管局"])
        defer { district.shutdown() }
        #expect(try district.sync("WS", at: "2026-09-28 08:30").status == 0)  // the workstation learns the directory
        try district.on("WS", at: "2026-09-28 09:00", "ticket", "new", "--category", "complaint", "--source", "online",
                        "--entity", "好味餐馆", "--contact", "黄秀兰", "--phone", "0775-4331430", "--summary", "门前施工")
        try district.on("WS", at: "2026-09-28 09:10", "ticket", "dispatch", "WS-26-0001", "--to", "DX", "--co", "SCJG")
        for node in ["WS", "DX", "SCJG", "QX"] { #expect(try district.sync(node, at: "2026-09-28 09:20").status == 0) }

        // Then the lead and the co-unit read the contact
        for node in ["DX", "SCJG"] {
            let state = try #require(try district.state("WS-26-0001", on: node))
            #expect(state.intake.entity.contact == "黄秀兰" && state.intake.entity.phone == "0775-4331430")
            #expect(state.withheld.isEmpty)
        }

        // When the workstation moves the ticket to QX and then corrects the phone
        try district.on("WS", at: "2026-09-28 09:30", "ticket", "dispatch", "WS-26-0001", "--to", "QX")
        try district.on("WS", at: "2026-09-28 09:40", "ticket", "correct", "WS-26-0001", "--field", "phone", "--value", "13907751234")
        for node in ["WS", "DX", "SCJG", "QX"] { #expect(try district.sync(node, at: "2026-09-28 09:50").status == 0) }

        // Then the new lead reads the new phone, and the units it left hold the event but not the value
        #expect(try district.state("WS-26-0001", on: "QX")?.intake.entity.phone == "13907751234")
        for node in ["DX", "SCJG"] {
            let state = try #require(try district.state("WS-26-0001", on: node))
            #expect(state.withheld == [.phone])
            #expect(state.intake.entity.phone == nil)
            #expect(try !replica(district, node, holds: "13907751234"))
            let shown = try district.on(node, at: "2026-09-28 10:00", "ticket", "show", "WS-26-0001")
            #expect(shown.contains("withheld") && !shown.contains("13907751234"))
        }
        // and the hub's record and every replica's chains still verify
        #expect(try district.admin.run(["hub", "verify", "--db", district.hubDB]).status == 0)
        for node in ["WS", "DX", "SCJG", "QX"] { #expect(try district[node].run(["check"]).status == 0) }
    }

    @Test("a report's reporter is withheld from its lead until the workstation releases it, with a recorded event")
    func reporterReleasedByTheWorkstation() throws {
        // Given a report dispatched to DX
        let district = try District(townships: ["DX": "东兴镇"], departments: [:])
        defer { district.shutdown() }
        #expect(try district.sync("WS", at: "2026-09-28 08:30").status == 0)  // the workstation learns the directory
        try district.on("WS", at: "2026-09-28 09:00", "ticket", "new", "--category", "report", "--source", "hotline",
                        "--hotline-received-at", "2026-09-28T08:30:00+08:00", "--entity", "举报人陈记五金店",
                        "--contact", "陈国强", "--phone", "13800771234", "--summary", "邻近无证经营")
        try district.on("WS", at: "2026-09-28 09:10", "ticket", "dispatch", "WS-26-0001", "--to", "DX")
        #expect(try district.sync("WS", at: "2026-09-28 09:20").status == 0)
        #expect(try district.sync("DX", at: "2026-09-28 09:30").status == 0)

        // Then DX holds the ticket without the reporter's name, contact or phone, anywhere in its files
        let withheld = try #require(try district.state("WS-26-0001", on: "DX"))
        #expect(withheld.withheld == [.entityName, .contact, .phone])
        #expect(withheld.intake.entity.name.isEmpty && withheld.intake.summary == "邻近无证经营")
        for secret in ["举报人陈记五金店", "陈国强", "13800771234"] { #expect(try !replica(district, "DX", holds: secret)) }
        // and the workstation holds all of it
        #expect(try district.state("WS-26-0001", on: "WS")?.intake.entity.phone == "13800771234")

        // When a unit or a non-report asks for a release, it is refused and changes nothing
        #expect(try district["DX"].run(["ticket", "release-contact", "WS-26-0001", "--reason", "核实"]).status != 0)

        // When the workstation releases the reporter to DX and both sync
        let released = try district.on("WS", at: "2026-09-28 10:00", "ticket", "release-contact", "WS-26-0001", "--reason", "需当面核实举报线索")
        #expect(released.contains("DX"))
        #expect(try district.sync("WS", at: "2026-09-28 10:10").status == 0)
        #expect(try district.sync("DX", at: "2026-09-28 10:20").status == 0)

        // Then DX reads the reporter, and the release is on the ticket's record
        let opened = try #require(try district.state("WS-26-0001", on: "DX"))
        #expect(opened.withheld.isEmpty && opened.contactReleasedTo == ["DX"])
        #expect(opened.intake.entity.name == "举报人陈记五金店" && opened.intake.entity.phone == "13800771234")
        #expect(try district.hubEvents(ticket: "WS-26-0001").contains { $0.payload.type == "contactReleased" })
        #expect(try district.admin.run(["hub", "verify", "--db", district.hubDB]).status == 0)
        #expect(try district["DX"].run(["check"]).status == 0)
    }

    @Test("releasing the reporter of a ticket that is not a report is refused, saying its handling units read the contact already")
    func releaseOnlyForReports() throws {
        let district = try District(townships: ["DX": "东兴镇"], departments: [:])
        defer { district.shutdown() }
        #expect(try district.sync("WS", at: "2026-09-28 08:30").status == 0)  // the workstation learns the directory
        try district.on("WS", at: "2026-09-28 09:00", "ticket", "new", "--category", "complaint", "--source", "online",
                        "--entity", "好味餐馆", "--phone", "0775-4331430", "--summary", "门前施工")
        try district.on("WS", at: "2026-09-28 09:10", "ticket", "dispatch", "WS-26-0001", "--to", "DX")
        let refused = try district["WS"].run(["ticket", "release-contact", "WS-26-0001", "--reason", "核实"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("not a report"))
        #expect(try district["WS"].eventCount("WS-26-0001") == 2)
    }
}
