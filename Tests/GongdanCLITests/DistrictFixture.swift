import Foundation
import GongdanTesting

/// Replicas of a small district, set up through the real `gongdan` command.
extension GongdanProcess {
    /// A workstation replica `WS` with townships DX (东兴镇) and QX (桥圩镇) and department SCJG in its directory.
    static func workstation(in directory: TemporaryDirectory) throws -> GongdanProcess {
        var node = GongdanProcess(directory, replica: "ws.sqlite")
        node.user = "王工作站"
        try node.ok(["init", "--role", "workstation", "--node", "WS", "--name", "港南区工作站"])
        try node.ok(["unit", "add", "DX", "--name", "东兴镇", "--kind", "township"])
        try node.ok(["unit", "add", "QX", "--name", "桥圩镇", "--kind", "township"])
        try node.ok(["unit", "add", "SCJG", "--name", "区市场监管局", "--kind", "department"])
        return node
    }

    /// The township replica `DX` (东兴镇).
    static func township(in directory: TemporaryDirectory) throws -> GongdanProcess {
        var node = GongdanProcess(directory, replica: "dx.sqlite")
        node.user = "李镇"
        try node.ok(["init", "--role", "township", "--node", "DX", "--name", "东兴镇"])
        return node
    }

    /// Takes in a hotline complaint on the workstation; returns its code.
    @discardableResult
    func newHotlineComplaint(entity: String = "港南区好味餐馆") throws -> String {
        let result = try run(["ticket", "new", "--category", "complaint", "--source", "hotline", "--entity", entity,
                              "--contact", "黄老板", "--phone", "0775-4331430", "--summary", "门店前道路施工三个月未完工",
                              "--hotline-received-at", "2026-09-27 16:00", "--json"])
        guard result.status == 0 else { throw CommandFailed(arguments: ["ticket", "new"], result: result) }
        return try result.json()["code"] as? String ?? ""
    }
}
