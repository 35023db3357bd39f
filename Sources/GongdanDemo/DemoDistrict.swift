import Foundation
import GongdanCore
import GongdanNode
import GongdanStore

/// The demo's district on disk: the hub's database and one replica per node in a directory, all on
/// one ``GongdanCore/SimulatedClock`` (the hub reads it too, so events stamped in the simulated
/// month are never ahead of the hub's clock).
///
/// ```swift
/// let district = try DemoDistrict.create(in: directory, start: month.start)
/// let hub = HubApplication(store: district.hub, port: 0, now: district.clock.reader)
/// ```
public struct DemoDistrict: Sendable {
    /// One node: its place in the cast, its service over its replica, its hub credential.
    struct Node: Sendable {
        var member: DemoCast.Member
        var service: NodeService
        var token: String
        var code: String { member.code }
        var store: ReplicaStore { service.store }
    }

    public let directory: String
    public let hub: HubStore
    public let clock: SimulatedClock
    /// The 12345 platform's bearer token for `POST /api/v1/intake`.
    let intakeToken: String
    let nodes: [Node]

    /// Creates the hub (district 港南区) and every node of ``DemoCast`` in `directory`, registered
    /// at the hub with their own tokens, at simulated time `start`.
    /// - Throws: ``DemoError/directoryInUse(_:)`` when the directory already holds a hub database.
    public static func create(in directory: String, start: Date) throws -> DemoDistrict {
        let hubPath = directory + "/hub.sqlite"
        guard !FileManager.default.fileExists(atPath: hubPath) else { throw DemoError.directoryInUse(directory) }
        try PrivateFiles.createDirectory(atPath: directory)
        let clock = SimulatedClock(start)
        let hub = try HubStore(path: hubPath)
        try hub.initialize(district: DemoCast.district, at: start)
        let intakeToken = try hub.issueIntakeToken(at: start)
        var nodes: [Node] = []
        for member in DemoCast.members {
            let (_, token) = try hub.registerNode(code: member.code, role: member.role, name: member.name, at: start)
            let store = try ReplicaStore(path: directory + "/\(member.code).sqlite")
            let service = NodeService(store: store, person: "\(member.name)经办人", now: clock.reader)
            try service.initialize(role: member.role, code: member.code, name: member.name)
            nodes.append(Node(member: member, service: service, token: token))
        }
        return DemoDistrict(directory: directory, hub: hub, clock: clock, intakeToken: intakeToken, nodes: nodes)
    }

    /// The node with `code`.
    func node(_ code: String) -> Node {
        nodes.first { $0.code == code }!
    }
}
