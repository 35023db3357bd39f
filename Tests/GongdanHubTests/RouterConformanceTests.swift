import Foundation
import GongdanHub
import Logging
import Testing

/// The hand-written routes are exactly the operations `sync-protocol/openapi.yaml` documents.
@Suite("The router matches the OpenAPI document")
struct RouterConformanceTests {
    /// `(METHOD, /path)` pairs under the document's `paths:`, read by indentation (no YAML library).
    static func documentedOperations() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sync-protocol/openapi.yaml")
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            if inPaths, let first = line.first, first != " ", first != "#" { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "),
                      let method = ["get", "post", "put", "delete", "patch"].first(where: { line == "    \($0):" }) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test("every route the hub serves is documented, and every documented operation is served")
    func routesEqualDocument() throws {
        let store = try HubFixture().store
        let router = HubApplication(store: store, host: "127.0.0.1", port: 0, logger: Logger(label: "test"),
                                    now: { Date() }).buildRouter()
        let served = Set(router.routes.map { "\($0.method) \($0.path.description.hasPrefix("/") ? "" : "/")\($0.path)" })
        let documented = try Self.documentedOperations()
        #expect(!documented.isEmpty)
        #expect(served == documented)
    }
}
