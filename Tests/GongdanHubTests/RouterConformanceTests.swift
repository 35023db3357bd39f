import Foundation
import GongdanHub
import Logging
import Testing

/// The hand-written API routes are exactly the operations `sync-protocol/openapi.yaml` documents; the
/// HTML pages for browsers (the dashboard, the public progress page) are exactly the list below,
/// which README.md documents.
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

    /// The browser pages: the viewers' dashboard and the entity's progress page (README.md, "The dashboard
    /// and the public progress page").
    static let htmlPages: Set<String> = [
        "GET /login", "POST /login", "POST /logout", "GET /dashboard", "GET /dashboard/{file}",
        "GET /progress", "POST /progress", "POST /progress/evaluation",
    ]

    @Test("every API route the hub serves is documented, every documented operation is served, and the rest are the HTML pages")
    func routesEqualDocument() throws {
        let store = try HubFixture().store
        let router = HubApplication(store: store, host: "127.0.0.1", port: 0, logger: Logger(label: "test"),
                                    now: { Date() }).buildRouter()
        let served = Set(router.routes.map { "\($0.method) \($0.path.description.hasPrefix("/") ? "" : "/")\($0.path)" })
        let documented = try Self.documentedOperations()
        #expect(!documented.isEmpty)
        #expect(served.subtracting(Self.htmlPages) == documented)
        #expect(served.intersection(Self.htmlPages) == Self.htmlPages)
    }
}
