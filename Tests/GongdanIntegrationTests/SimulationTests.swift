import GongdanTesting
import Testing

/// Small seeded district simulations (a real hub store and node replicas, outages, sync exchanges
/// cut before or after the hub processed them): every replica must end equal to the hub in its
/// scope, every event stored once, every chain and signature sound. `tools/simulate` runs big ones.
@Suite struct SimulationTests {
    @Test(arguments: [UInt64(3), 11, 2026])
    func aSmallDistrictConverges(seed: UInt64) async throws {
        var options = DistrictSimulation.Options(seed: seed, nodes: 4, days: 4, cutRate: 0.25)
        options.outageChance = 0.05
        let report = try await DistrictSimulation.run(options)
        let failed = report.checks.filter { !$0.passed }
        #expect(failed.isEmpty, "\(report.lines.joined(separator: "\n"))")
        #expect(report.events > 50)
        #expect(report.cuts.values.reduce(0, +) > 0)
    }

    @Test func theSameSeedReplaysTheSameHistory() async throws {
        let options = DistrictSimulation.Options(seed: 5, nodes: 3, days: 2, cutRate: 0.2)
        let first = try await DistrictSimulation.run(options)
        let second = try await DistrictSimulation.run(options)
        #expect(first.fingerprint == second.fingerprint)
        #expect(first.actions == second.actions)
    }
}

/// The property behind the hub's re-decision: however a district's work interleaves — outages, cut
/// exchanges, concurrent workstation decisions — the hub refuses none of the honest events, and every
/// replica converges.
@Suite struct HonestWorkIsNeverRefusedTests {
    @Test("the hub accepts every honest event of a random district", arguments: [UInt64(101), 202, 303, 404, 505, 606])
    func everyHonestEventIsAccepted(seed: UInt64) async throws {
        var options = DistrictSimulation.Options(seed: seed, nodes: 5, days: 5, cutRate: 0.15)
        options.outageChance = 0.08
        options.deferredFolding = seed % 2 == 0
        let report = try await DistrictSimulation.run(options)
        #expect(report.hubRefusals.isEmpty, "\(report.hubRefusals)")
        let failed = report.checks.filter { !$0.passed }
        #expect(failed.isEmpty, "\(report.lines.joined(separator: "\n"))")
        #expect(report.events > 80)
    }
}
