import Foundation
import Testing
import GongdanTesting

/// `--json` output is a contract: these are the documented field names (docs/cli.md).
@Suite("JSON output")
struct JSONOutputTests {
    @Test("ticket new --json gives the code, the query code, the event and the ticket")
    func newTicketJSON() throws {
        let directory = try TemporaryDirectory("cli-json-new")
        defer { directory.remove() }
        // Given the workstation.
        let ws = try GongdanProcess.workstation(in: directory)

        // When it takes in a hotline ticket with --json.
        let json = try ws.run(["ticket", "new", "--category", "complaint", "--source", "hotline", "--entity", "好味餐馆",
                               "--summary", "施工", "--hotline-received-at", "2026-09-28T08:00:00+08:00",
                               "--hotline-order", "12345-0001", "--json"]).json()

        // Then the documented fields are there.
        #expect(json["code"] as? String == "WS-26-0001")
        // A workstation that has not synced yet holds no query-code secret: no query code yet.
        #expect(json["queryCode"] == nil)
        let event = try #require(json["event"] as? [String: Any])
        #expect((event["payload"] as? [String: Any])?["type"] as? String == "created")
        let ticket = try #require(json["ticket"] as? [String: Any])
        #expect(ticket["status"] as? String == "pendingDispatch")
        #expect(ticket["hotlineOrder"] as? String == "12345-0001")
        #expect(ticket["intakeDeadline"] as? String == "2026-09-29T16:00:00Z")
    }

    @Test("ticket show --json has the state fields and the stored events")
    func showJSON() throws {
        let directory = try TemporaryDirectory("cli-json-show")
        defer { directory.remove() }
        // Given a dispatched hotline complaint.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()
        try ws.ok(["ticket", "dispatch", code, "--to", "DX", "--co", "QX"])

        // When it is shown as JSON.
        let json = try ws.run(["ticket", "show", code, "--json"]).json()

        // Then the ticket carries the documented fields with ISO 8601 UTC dates.
        let ticket = try #require(json["ticket"] as? [String: Any])
        // (`queryCode` only once the workstation has synced with the hub: see QueryCodeTests.)
        for field in ["code", "status", "category", "source", "entity", "summary", "lead", "coUnits",
                      "unitNames", "createdAt", "createdBy", "dispatchedAt", "signBy", "deadline", "overdue",
                      "signOverdue", "round", "escalated", "evaluations", "returns", "eventCount", "nextCommands"] {
            #expect(ticket[field] != nil, "ticket.\(field) is missing")
        }
        #expect(ticket["code"] as? String == code)
        #expect(ticket["status"] as? String == "pendingSign")
        #expect(ticket["lead"] as? String == "DX")
        #expect(ticket["coUnits"] as? [String] == ["QX"])
        #expect((ticket["unitNames"] as? [String: String])?["DX"] == "东兴镇")
        #expect(ticket["deadline"] as? String == "2026-10-16T16:00:00Z")
        #expect(ticket["signBy"] as? String == "2026-09-29T16:00:00Z")
        #expect(ticket["overdue"] as? Bool == false)
        let entity = try #require(ticket["entity"] as? [String: Any])
        #expect(entity["name"] as? String == "港南区好味餐馆")
        #expect(entity["phone"] as? String == "0775-4331430")
        #expect((ticket["nextCommands"] as? [String])?.first == "gongdan ticket dispatch \(code) --to UNIT")
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.count == 2)
        #expect(events.map { ($0["payload"] as? [String: Any])?["type"] as? String } == ["created", "dispatched"])
        #expect((events[1]["id"] as? [String: Any])?["origin"] as? String == "WS")
    }

    @Test("ticket list --json gives the total and each ticket with an overdue flag")
    func listJSON() throws {
        let directory = try TemporaryDirectory("cli-json-list")
        defer { directory.remove() }
        // Given three tickets, one dispatched.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()
        try ws.newHotlineComplaint(entity: "第二家")
        try ws.newHotlineComplaint(entity: "第三家")
        try ws.ok(["ticket", "dispatch", code, "--to", "DX"])

        // When the list is asked for with a limit of 2.
        let json = try ws.run(["ticket", "list", "--limit", "2", "--json"]).json()

        // Then the total counts all matches, and the dispatched ticket comes first.
        #expect(json["total"] as? Int == 3)
        let tickets = try #require(json["tickets"] as? [[String: Any]])
        #expect(tickets.count == 2)
        let first = tickets[0]
        for field in ["code", "status", "category", "source", "entityName", "summary", "lead", "coUnits",
                      "createdAt", "deadline", "round", "overdue"] {
            #expect(first[field] != nil, "ticket.\(field) is missing")
        }
        #expect(first["code"] as? String == code)
        #expect(first["leadName"] as? String == "东兴镇")
        #expect(first["overdue"] as? Bool == false)
    }

    @Test("a mutating command with --json prints the recorded event and the ticket")
    func mutationJSON() throws {
        let directory = try TemporaryDirectory("cli-json-mutation")
        defer { directory.remove() }
        // Given a hotline complaint.
        let ws = try GongdanProcess.workstation(in: directory)
        let code = try ws.newHotlineComplaint()

        // When it is dispatched with --json.
        let json = try ws.run(["ticket", "dispatch", code, "--to", "DX", "--json"]).json()

        // Then the event and the new state are printed.
        let event = try #require(json["event"] as? [String: Any])
        let payload = try #require(event["payload"] as? [String: Any])
        #expect(payload["type"] as? String == "dispatched")
        #expect((payload["assignment"] as? [String: Any])?["lead"] as? String == "DX")
        #expect((json["ticket"] as? [String: Any])?["status"] as? String == "pendingSign")
    }

    @Test("status --json names the node, the counts and the calendar years")
    func statusJSON() throws {
        let directory = try TemporaryDirectory("cli-json-status")
        defer { directory.remove() }
        // Given a workstation with one ticket.
        let ws = try GongdanProcess.workstation(in: directory)
        try ws.newHotlineComplaint()

        // When its status is asked for as JSON.
        let json = try ws.run(["status", "--json"]).json()

        // Then the documented fields are there.
        let node = try #require(json["node"] as? [String: Any])
        #expect(node["code"] as? String == "WS")
        #expect(node["role"] as? String == "workstation")
        #expect(json["db"] as? String == ws.db)
        #expect(json["now"] as? String == "2026-09-28T01:00:00Z")
        #expect(json["tickets"] as? Int == 1)
        #expect((json["ticketsByStatus"] as? [String: Int])?["pendingDispatch"] == 1)
        #expect((json["ticketsByStatus"] as? [String: Int])?["closed"] == 0)
        #expect(json["overdue"] as? Int == 0)
        #expect(json["signOverdue"] as? Int == 0)
        #expect(json["events"] as? Int == 1)
        #expect(json["lastSeq"] as? Int == 1)
        #expect((json["calendarYears"] as? [Int])?.contains(2026) == true)
        #expect(json["loadedCalendarYears"] as? [Int] == [])
        #expect(json["calendarFallbackYears"] as? [Int] == [])
    }
}
