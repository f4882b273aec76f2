// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Sieve",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sieve", targets: ["sieve"]),
        .library(name: "Sieve", targets: ["Sieve"]),
        .library(name: "SieveCore", targets: ["SieveCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "SieveCore",
            dependencies: ["CZlib", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(name: "SieveHTML", dependencies: ["SieveCore", "CLibXML2"], swiftSettings: strictSettings),
        .target(name: "SieveText", dependencies: ["SieveCore"], swiftSettings: strictSettings),
        .target(name: "SieveSinks", dependencies: ["SieveCore"], swiftSettings: strictSettings),
        .target(name: "SieveBatch", dependencies: ["SieveCore"], swiftSettings: strictSettings),
        .target(
            name: "Sieve",
            dependencies: [
                "SieveCore", "SieveHTML", "SieveText", "SieveSinks", "SieveBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "sieve", dependencies: ["Sieve"], swiftSettings: strictSettings),
        .testTarget(name: "SieveCoreTests", dependencies: ["SieveCore"], swiftSettings: strictSettings),
        .testTarget(name: "SieveHTMLTests", dependencies: ["SieveHTML", "SieveCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "SieveBatchTests",
            dependencies: ["SieveBatch", "SieveCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SieveTextTests", dependencies: ["SieveText", "SieveCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "SieveSinksTests",
            dependencies: ["SieveSinks", "SieveCore", "CLibXML2", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SieveTests",
            dependencies: ["Sieve", "SieveCore"],
            swiftSettings: strictSettings
        ),
    ]
)
