// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for what a hostile peer controls: the wire decoders and the bundle reader.
/// Built only with `swift build --sanitize=fuzzer` (libFuzzer supplies `main`), so a package of its
/// own beside the project's: `tools/fuzz` builds and runs them.
let package = Package(
    name: "GongdanFuzz",
    dependencies: [
        .package(name: "Gongdan", path: "../.."),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Push bodies and pull pages: the fast reader and JSONDecoder must agree, or both refuse.
        .executableTarget(
            name: "FuzzWireMessages",
            dependencies: [.product(name: "GongdanSync", package: "Gongdan"), .product(name: "GongdanCore", package: "Gongdan")]
        ),
        // Bundle files, whole and with a valid proof around a fuzzed payload line.
        .executableTarget(
            name: "FuzzBundleReader",
            dependencies: [.product(name: "GongdanSync", package: "Gongdan"), .product(name: "Crypto", package: "swift-crypto")]
        ),
    ]
)
