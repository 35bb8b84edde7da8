// swift-tools-version:6.1
// A separate package so that the main build and test runs never fetch or compile the
// benchmark harness. Run it with `Benchmarks/run` (see Benchmarks/README.md).
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, so the checkout's folder name is the package name.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "SettleBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        // Only the malloc interposer: the runtime interposer is not in the package mirror.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SettleBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SettleCore", package: root),
                .product(name: "SettleIO", package: root),
            ],
            path: "Benchmarks/SettleBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
