import Foundation
import GongdanTesting

/// `gongdan-simulate --seed S --nodes N --days D [--cut-rate P] [--dir PATH]`: runs a seeded
/// ``GongdanTesting/DistrictSimulation`` (a real hub store and real node replicas in a temporary
/// folder, outages, random work, sync over a transport that cuts exchanges), prints what happened
/// and what was checked, and exits 1 when a check fails (2 on a usage error).
@main
struct GongdanSimulate {
    static func main() async {
        var options = DistrictSimulation.Options()
        var arguments = CommandLine.arguments.dropFirst()
        while let flag = arguments.popFirst() {
            if flag == "--help" || flag == "-h" { usage(0) }
            guard let value = arguments.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--seed": options.seed = UInt64(value) ?? { fail("--seed \(value) is not a whole number") }()
            case "--nodes":
                options.nodes = Int(value).flatMap { $0 >= 2 ? $0 : nil } ?? { fail("--nodes \(value): give 2 or more") }()
            case "--days": options.days = Int(value).flatMap { $0 >= 1 ? $0 : nil } ?? { fail("--days \(value): give 1 or more") }()
            case "--cut-rate":
                options.cutRate = Double(value).flatMap { (0..<1).contains($0) ? $0 : nil } ?? { fail("--cut-rate \(value): give a probability, 0 ≤ P < 1") }()
            case "--dir": options.directory = value
            default: fail("unknown option \(flag)")
            }
        }
        let started = Date()
        do {
            let report = try await DistrictSimulation.run(options)
            for line in report.lines { print(line) }
            print(String(format: "(%.1f s)", Date().timeIntervalSince(started)))
            exit(report.passed ? 0 : 1)
        } catch {
            print("the simulation stopped: \(error)")
            exit(1)
        }
    }

    static func usage(_ status: Int32) -> Never {
        print("usage: gongdan-simulate [--seed S] [--nodes N] [--days D] [--cut-rate P] [--dir PATH]")
        print("  defaults: seed 1, 6 nodes (the workstation and 5 units), 20 days, cut rate 0.1, a temporary folder")
        exit(status)
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("gongdan-simulate: \(message)\n".utf8))
        usage(2)
    }
}
