import Foundation
import Testing
import GongdanCore
import GongdanNode
import GongdanStore
import GongdanSync
import GongdanTesting

/// Supervision notices reach the addressed unit's node (and the workstation) on the last pull page.
@Suite("Notices synced to nodes")
struct NoticeSyncTests {
    @Test("an interview notice for DX reaches DX and the workstation on their next sync, once, and no other unit")
    func noticeReachesItsUnit() async throws {
        // Given a hub with an interview notice addressed to DX, and a township QX as well
        let district = try BundleExchangeTests.District()
        let now = district.clock
        let (_, qxToken) = try district.hub.registerNode(code: "QX", role: .township, name: "桥圩镇", at: now)
        let candidate = try NoticeCandidate.interview(unit: "DX", reason: .dereliction, detail: "多次无故不签收工单", asOf: now)
        let issued = try district.hub.issueNotice(candidate, at: now, by: "督查组")

        // When DX syncs (twice), the workstation and QX sync
        let dxToken = try #require(try district.dx.store.syncSettings().token)
        for _ in 0..<2 {
            _ = try await SyncSession(store: district.dx.store, transport: DirectSyncTransport(hub: district.hub, token: dxToken, now: { now }),
                                      software: "test").run()
        }
        try await district.syncWorkstation()
        let qx = NodeService(store: try ReplicaStore(path: district.directory.path("qx.sqlite")), person: "陈镇", now: { now })
        _ = try qx.initialize(role: .township, code: "QX", name: "桥圩镇")
        _ = try await SyncSession(store: qx.store, transport: DirectSyncTransport(hub: district.hub, token: qxToken, now: { now }),
                                  software: "test").run()

        // Then DX holds the notice once, with its number, level, findings and date to finish by
        let atDX = try district.dx.store.notices()
        #expect(atDX.map(\.id) == [issued.id])
        let notice = try #require(atDX.first)
        #expect(notice.number == issued.number.description && notice.level == .interview && notice.unit == "DX")
        #expect(notice.findings == issued.findings && notice.finishBy == issued.finishBy.description)
        #expect(try district.ws.store.notices().map(\.id) == [issued.id])
        #expect(try qx.store.notices().isEmpty)
    }

    @Test("a pull page with notices is spliced as JSONEncoder writes it and decodes to the same page")
    func splicedPageWithNotices() throws {
        let notice = SyncedNotice(id: "NOTICE-2026-0001", number: "港南督〔2026〕1号", level: .reminder, unit: "DX", unitName: "东兴镇",
                                  trigger: .overdueNotReplied, tickets: ["WS-26-0003"], findings: "超期未办结 \"1\" 件",
                                  finishBy: "2026-10-23", issuedAt: Date(timeIntervalSince1970: 1_792_000_000))
        let page = PullResponse(events: [], cursor: 9, more: false, heads: [], units: [], notices: [notice])
        let spliced = SplicedMessage.pull(events: [[UInt8]](), cursor: 9, more: false, heads: [], units: [], notices: [notice])
        #expect(String(decoding: spliced, as: UTF8.self) == String(decoding: try GongdanJSON.encoder().encode(page), as: UTF8.self))
        #expect(try PullResponse.decode(from: spliced) == page)
    }
}
