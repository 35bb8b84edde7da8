// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "settle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "settle", targets: ["settle"]),
        .library(name: "SettleCore", targets: ["SettleCore"]),
        .library(name: "SettleIO", targets: ["SettleIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The only target that sees C: GNU GLPK through a module map.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(name: "GLPK", dependencies: ["CGLPK"]),
        // No unsafe flags: SwiftPM refuses them in a package used as a remote dependency.
        // `make test` builds the tests optimised instead (the network simplex is ~70x slower unoptimised).
        .target(name: "SettleCore", dependencies: ["GLPK"]),
        .target(
            name: "SettleIO",
            dependencies: ["SettleCore", "GLPK", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "settle",
            dependencies: [
                "SettleCore", "SettleIO", "GLPK",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "SettleCoreTests", dependencies: ["SettleCore", "GLPK"]),
        .testTarget(name: "SettleIOTests", dependencies: ["SettleIO", "SettleCore"]),
        .testTarget(name: "CLITests", dependencies: ["settle"]),
    ]
)
