import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GongdanTesting
import Testing

/// Issue 11, item 4, through the real `gongdan` binary and a hub process: the workstation prints the
/// query code it derives, a township prints none, and the hub accepts the workstation's code.
@Suite("Query codes on the command line", .timeLimit(.minutes(3)))
struct QueryCodeCLITests {
    @Test("ticket show on a township prints no query code; the workstation prints the derived one the hub accepts")
    func showOnUnitAndWorkstation() async throws {
        // Given a district whose workstation synced once (it holds the district's secret)
        let district = try District(townships: ["DX": "东兴镇"], departments: [:])
        defer { district.shutdown() }
        #expect(try district.sync("WS", at: "2026-09-28 08:30").status == 0)

        // When it takes in a ticket, dispatches it to DX, and both sync
        let created = try district["WS"].run(["ticket", "new", "--category", "complaint", "--source", "online",
                                              "--entity", "好味餐馆", "--summary", "门前施工", "--json"],
                                             now: District.iso("2026-09-28 09:00")).json()
        let code = try #require(created["queryCode"] as? String)
        try district.on("WS", at: "2026-09-28 09:10", "ticket", "dispatch", "WS-26-0001", "--to", "DX")
        #expect(try district.sync("WS", at: "2026-09-28 09:20").status == 0)
        #expect(try district.sync("DX", at: "2026-09-28 09:30").status == 0)

        // Then the workstation's ticket show prints that code
        #expect(try district.on("WS", at: "2026-09-28 09:40", "ticket", "show", "WS-26-0001").contains(code))
        // and DX's, as text or JSON, prints no query code at all
        let text = try district.on("DX", at: "2026-09-28 09:40", "ticket", "show", "WS-26-0001")
        let json = try district.on("DX", at: "2026-09-28 09:40", "ticket", "show", "WS-26-0001", "--json")
        #expect(!text.contains(code) && !text.contains("query code"))
        #expect(!json.contains(code) && !json.contains("queryCode"))

        // And the hub's public page opens the ticket with the workstation's code
        var request = URLRequest(url: URL(string: "\(district.hub.url)/api/v1/public/tickets/WS-26-0001?query=\(code)")!)
        request.timeoutInterval = 20
        let (_, response) = try await URLSession(configuration: .ephemeral).data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
    }
}
