// swift-tools-version:6.0
import PackageDescription

/// Settings every target shares: Swift 6 language mode with the upcoming checks we hold ourselves to.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Gongdan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongdan", targets: ["GongdanCLI"]),
        .executable(name: "gongdan-bench", targets: ["GongdanBench"]),
        .executable(name: "gongdan-simulate", targets: ["GongdanSimulate"]),
        .library(name: "GongdanCore", targets: ["GongdanCore"]),
        // For tools/fuzz-targets (libFuzzer on the wire decoders and the bundle reader).
        .library(name: "GongdanSync", targets: ["GongdanSync"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // TLS on the hub (issue 12): NIOSSL for the server and the node's pinned client, X509 for `hub tls init`.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        // Pure domain: events, fold, roles, calendar, clocks. No IO, no database, no network.
        .target(name: "GongdanCore", swiftSettings: swiftSettings),
        // Pure sync protocol: versioned wire messages, errors, limits, event chains and signatures, ingest rules.
        .target(
            name: "GongdanSync",
            dependencies: ["GongdanCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // The replica database (GRDB on the system SQLite).
        .target(
            name: "GongdanStore",
            dependencies: ["GongdanCore", "GongdanSync", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // The node service: a command becomes an event in the replica; the sync client (AsyncHTTPClient).
        .target(
            name: "GongdanNode",
            dependencies: ["GongdanCore", "GongdanStore", "GongdanSync",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl")],
            swiftSettings: swiftSettings
        ),
        // What the hub's pages and the node's desk share on the web: the page frame, form bodies, the
        // same-origin rule, a serial queue for blocking store work.
        .target(name: "GongdanWeb", dependencies: ["GongdanCore", .product(name: "Hummingbird", package: "hummingbird")],
                swiftSettings: swiftSettings),
        // The district hub's HTTP server (Hummingbird): the sync API over the hub store.
        .target(
            name: "GongdanHub",
            dependencies: [
                "GongdanCore", "GongdanSync", "GongdanStore", "GongdanWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // The clerk's desk (`gongdan desk`): a web interface on the node's own replica, offline.
        .target(
            name: "GongdanDesk",
            dependencies: ["GongdanCore", "GongdanSync", "GongdanStore", "GongdanNode", "GongdanText", "GongdanWeb",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            swiftSettings: swiftSettings
        ),
        // `gongdan demo`'s district and its seeded month, played against an in-process hub over HTTP.
        .target(
            name: "GongdanDemo",
            dependencies: ["GongdanCore", "GongdanSync", "GongdanStore", "GongdanNode", "GongdanHub",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: swiftSettings
        ),
        // Fixtures shared by every test target.
        .target(
            name: "GongdanTesting",
            dependencies: ["GongdanCore", "GongdanSync", "GongdanStore", "GongdanNode",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // The words users read on a node, Chinese and English: labels, times, the timeline, error messages
        // (the CLI and the desk share them).
        .target(name: "GongdanText", dependencies: ["GongdanCore", "GongdanSync", "GongdanStore", "GongdanNode"],
                swiftSettings: swiftSettings),
        // The `gongdan` command.
        .executableTarget(
            name: "GongdanCLI",
            dependencies: ["GongdanCore", "GongdanSync", "GongdanStore", "GongdanNode", "GongdanHub", "GongdanDemo", "GongdanText", "GongdanDesk", "GongdanWeb",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        // `tools/bench` drives this: storage and whole-process timings on a large replica.
        .executableTarget(
            name: "GongdanBench",
            dependencies: [
                "GongdanCore", "GongdanStore", "GongdanNode", "GongdanHub", "GongdanDesk", "GongdanTesting",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // `tools/simulate` drives this: a seeded district simulation with outages and cut sync exchanges.
        .executableTarget(name: "GongdanSimulate", dependencies: ["GongdanTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "GongdanCoreTests", dependencies: ["GongdanCore", "GongdanTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "GongdanSyncTests", dependencies: ["GongdanSync", "GongdanCore", "GongdanTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GongdanStoreTests",
            // GongdanCLI: the crash tests kill real `gongdan` processes.
            dependencies: ["GongdanCore", "GongdanStore", "GongdanNode", "GongdanSync", "GongdanTesting", "GongdanCLI",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GongdanHubTests",
            dependencies: ["GongdanHub", "GongdanWeb", "GongdanTesting", "GongdanSync", "GongdanStore", "GongdanCore", "GongdanNode",
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           // The full-disk tests lower SQLite's page limit on the stores' connections.
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Whole processes: a real hub on 127.0.0.1 and several node replicas, killed at random points.
        .testTarget(
            name: "GongdanIntegrationTests",
            dependencies: ["GongdanCLI", "GongdanTesting", "GongdanStore", "GongdanCore",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GongdanDeskTests",
            dependencies: ["GongdanDesk", "GongdanTesting", "GongdanNode", "GongdanCore", "GongdanStore", "GongdanText", "GongdanWeb",
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GongdanCLITests",
            dependencies: ["GongdanCLI", "GongdanTesting", "GongdanNode", "GongdanCore", "GongdanStore", "GongdanText"],
            swiftSettings: swiftSettings
        ),
    ]
)
