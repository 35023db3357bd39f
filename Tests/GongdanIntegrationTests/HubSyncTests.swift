import Foundation
import Testing
import GongdanCore
import GongdanStore
import GongdanTesting

/// Sync against a real hub process on 127.0.0.1 with real HTTP, replicas in temporary folders.
@Suite("Sync through a real hub", .serialized)
struct HubSyncTests {
    @Test("a township works offline for a week while the workstation re-dispatches its ticket; all converge and the conflict is queued")
    func offlineWeek() throws {
        let district = try District()
        defer { district.shutdown() }
        // Given the directory reaches the workstation and a complaint is dispatched to 东兴镇 (DX)
        try #require(district.sync("WS", at: "2026-09-28 08:10").status == 0)
        try district.on("WS", at: "2026-09-28 08:30", "ticket", "new", "--category", "complaint", "--source", "hotline",
                        "--hotline-received-at", "2026-09-27T16:00:00+08:00", "--entity", "港南区好味餐馆",
                        "--summary", "门店前道路施工三个月未完工")
        try district.on("WS", at: "2026-09-28 09:00", "ticket", "dispatch", "WS-26-0001", "--to", "DX")
        try #require(district.sync("WS", at: "2026-09-28 09:05").status == 0)
        try #require(district.sync("DX", at: "2026-09-28 09:10").status == 0)
        #expect(try district.state("WS-26-0001", on: "DX")?.status == .pendingSign)

        // When DX works the ticket offline for a week…
        try district.on("DX", at: "2026-09-28 10:00", "ticket", "sign", "WS-26-0001")
        try district.on("DX", at: "2026-09-29 10:00", "ticket", "contact", "WS-26-0001", "--note", "电话联系黄老板")
        try district.on("DX", at: "2026-09-30 10:00", "ticket", "progress", "WS-26-0001", "--note", "协调施工方")
        try district.on("DX", at: "2026-10-08 10:00", "ticket", "reply", "WS-26-0001", "--result", "已协调撤除围挡", "--resolved")
        // …while the workstation, hearing nothing, re-dispatches it to 桥圩镇 (QX), which signs
        try district.on("WS", at: "2026-09-29 09:00", "ticket", "dispatch", "WS-26-0001", "--to", "QX")
        try #require(district.sync("WS", at: "2026-09-29 09:05").status == 0)
        try #require(district.sync("QX", at: "2026-09-29 10:00").status == 0)
        try district.on("QX", at: "2026-09-29 11:00", "ticket", "sign", "WS-26-0001")

        // Then DX comes back and everyone syncs; DX's sync tells it of the conflict its reply raised
        // (the hub answers its push once stored and folds it after: the notice comes with DX's pull)
        var reports: [String: [String]] = [:]
        for node in ["QX", "DX", "WS", "QX", "DX"] {
            let sync = try district.sync(node, at: "2026-10-09 09:00")
            try #require(sync.status == 0)
            reports[node, default: []].append(sync.stdout)
        }
        let dxReport = try JSONSerialization.jsonObject(with: Data(try #require(reports["DX"]?.first).utf8)) as? [String: Any]
        let told = try #require(dxReport?["conflicts"] as? [[String: Any]])
        #expect(told.map { $0["kind"] as? String } == ["handedOverReply"])
        #expect(reports["DX"]?.last?.contains("handedOverReply") == false)

        // Every replica holding the ticket shows the same state as the hub
        let hub = try #require(try district.hubState("WS-26-0001"))
        for node in ["WS", "DX", "QX"] {
            #expect(try district.state("WS-26-0001", on: node) == hub, "\(node) differs from the hub")
        }
        // The workstation's assignment stands and DX's offline reply is kept and handed over to QX
        #expect(hub.lead == "QX")
        #expect(hub.status == .handling)
        #expect(hub.handedOverReplies.map(\.unit) == ["DX"])
        // The conflict is in the queue with both sides
        let conflicts = try district.admin.ok(["hub", "conflicts", "--db", district.hubDB, "--json"])
        #expect(conflicts.contains("handedOverReply"))
        #expect(conflicts.contains("WS-26-0001"))
        #expect(conflicts.contains("\"DX\"") || conflicts.contains("DX#"))
        // Every event is stored exactly once, and every chain and signature verifies
        let counts = try district.hubEventCounts()
        let made = try ["WS", "DX", "QX"].map { try district.lastSeq(of: $0) }.reduce(0, +)
        #expect(counts.rows == counts.distinct)
        #expect(Int64(counts.rows) == made)
        try district.admin.ok(["hub", "verify", "--db", district.hubDB])
        // A township sees only its own tickets: SCJG received none
        try #require(district.sync("SCJG", at: "2026-10-09 09:00").status == 0)
        #expect(try district.state("WS-26-0001", on: "SCJG") == nil)
    }

    @Test("a node's status tells it is offline, what waits to be sent, and the last error")
    func offlineStatus() throws {
        let district = try District(townships: ["DX": "东兴镇"], departments: [:])
        defer { district.shutdown() }
        try district.on("DX", at: "2026-09-28 10:00", "ticket", "new", "--category", "help", "--source", "window",
                        "--entity", "红星米粉店", "--summary", "申请临时外摆", "--keep")
        district.hub.stop()
        let started = Date()
        let failed = try district.sync("DX", at: "2026-09-28 10:05")
        // (an unreachable hub is reported at once, with exit 3, not after the request's 30 s deadline)
        #expect(Date().timeIntervalSince(started) < 2, "took \(Date().timeIntervalSince(started)) s")
        #expect(failed.status == 3)
        #expect(failed.stderr.contains("cannot be reached"))
        var chinese = district["DX"]
        chinese.lang = "zh_CN.UTF-8"
        let inChinese = try chinese.run(["sync"], now: District.iso("2026-09-28 10:05"))
        #expect(inChinese.status == 3)
        #expect(inChinese.stderr.contains("连不上中心") && inChinese.stderr.contains("连接被拒绝") && inChinese.stderr.contains("稍后再试"))
        #expect(!inChinese.stderr.contains("cannot be reached") && !inChinese.stderr.contains("errno"), "\(inChinese.stderr)")
        let status = try district["DX"].ok(["status", "--json"], now: District.iso("2026-09-28 10:06"))
        let sync = try #require((try JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any])?["sync"] as? [String: Any])
        #expect(sync["unsent"] as? Int == 1)
        #expect(sync["offlineSince"] != nil)
        // Recorded in the words of the clerk who synced last (here the Chinese one).
        #expect((sync["lastError"] as? String)?.contains("连不上中心") == true)
    }

    @Test("a hub's refusal reaches a Chinese clerk in Chinese, saying what to do, and keeps the work")
    func refusalInChinese() throws {
        let district = try District(townships: ["DX": "东兴镇"], departments: [:])
        defer { district.shutdown() }
        // Given DX's token revoked at the hub
        try district.admin.ok(["hub", "node", "revoke", "DX", "--db", district.hubDB])
        // When the clerk syncs in Chinese
        var chinese = district["DX"]
        chinese.lang = "zh_CN.UTF-8"
        let refused = try chinese.run(["sync"], now: District.iso("2026-09-28 10:05"))
        // Then the message is Chinese from end to end and says what to do
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("令牌已被中心停用") && refused.stderr.contains("gongdan remote set") && refused.stderr.contains("保留在本机"),
                "\(refused.stderr)")
        #expect(!refused.stderr.contains("the hub refused") && !refused.stderr.contains("revoked"), "\(refused.stderr)")
    }
}
