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
        .library(name: "SieveExternal", targets: ["SieveExternal"]),
        .library(name: "SieveTesting", targets: ["SieveTesting"]),
        .plugin(name: "NewStage", targets: ["NewStage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Markdown parser, for the tests only: reads the markdown sink's output back.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
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
        .systemLibrary(
            // SQLite through its C API for the sqlite sink: the system library carries FTS5 and WAL, and the
            // sink needs only prepared statements, so no package (GRDB) is built for it.
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CUchardet",
            pkgConfig: "uchardet",
            providers: [.apt(["libuchardet-dev"])]
        ),
        .systemLibrary(
            // mimalloc replaces malloc in the `sieve` executable: a page's libxml2 tree is tens of thousands of
            // small allocations made and freed together, where glibc's allocator spent about a tenth of the
            // CPU of a conversion (measured on 581 pages: 9% less CPU with it, with or without isolation).
            // It ships no pkg-config file: scripts/setup looks for its header and installs the package.
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "SieveCore",
            dependencies: ["CZlib", "CUchardet", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            // The arena libxml2's trees are allocated from (see its header): no malloc and free per node.
            name: "CXMLArena"
        ),
        .target(name: "SieveHTML", dependencies: ["SieveCore", "CLibXML2", "CXMLArena"], swiftSettings: strictSettings),
        .target(name: "SieveText", dependencies: ["SieveCore"], swiftSettings: strictSettings),
        .target(
            // A C face for CLD2's C++ API. CLD2 (Debian libcld2-dev) ships no pkg-config file: scripts/setup
            // looks for its header and installs the package.
            name: "CCLD2",
            linkerSettings: [.linkedLibrary("cld2")]
        ),
        .target(name: "SieveLanguage", dependencies: ["SieveCore", "CCLD2"], swiftSettings: strictSettings),
        .target(name: "SieveSinks", dependencies: ["SieveCore", "CSQLite"], swiftSettings: strictSettings),
        .target(name: "SieveBatch", dependencies: ["SieveCore"], swiftSettings: strictSettings),
        .target(
            name: "SieveExternal",
            dependencies: ["SieveCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(name: "SieveReport", dependencies: ["SieveCore", "SieveExternal"], swiftSettings: strictSettings),
        .target(
            name: "SieveTesting",
            dependencies: ["SieveCore", "CLibXML2", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Sieve",
            dependencies: [
                "SieveCore", "SieveHTML", "SieveText", "SieveLanguage", "SieveSinks", "SieveBatch", "SieveExternal", "SieveReport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "sieve", dependencies: ["Sieve", "CMimalloc"], swiftSettings: strictSettings),
        .target(
            name: "SieveFuzzing",
            dependencies: ["Sieve", "SieveCore", "SieveExternal", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .plugin(
            name: "NewStage",
            capability: .command(
                intent: .custom(verb: "new-stage", description: "Create a custom Sieve stage and its test from a template"),
                permissions: [.writeToPackageDirectory(reason: "creates Sources/<Name>/<Name>.swift and Tests/<Name>Tests/<Name>Tests.swift")]
            ),
            dependencies: ["sieve"]
        ),
        .testTarget(name: "SieveCoreTests", dependencies: ["SieveCore", "SieveTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "SieveHTMLTests", dependencies: ["SieveHTML", "SieveCore", "SieveTesting", "CXMLArena"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SieveBatchTests",
            dependencies: ["SieveBatch", "SieveCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SieveLanguageTests", dependencies: ["SieveLanguage", "SieveCore"], swiftSettings: strictSettings),
        .testTarget(name: "SieveTextTests", dependencies: ["SieveText", "SieveCore", "SieveTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "SieveSinksTests",
            dependencies: [
                "SieveSinks", "SieveCore", "SieveTesting", "CLibXML2", "CSQLite", .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Ink", package: "Ink"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SieveExternalTests",
            dependencies: ["SieveExternal", "SieveCore", "SieveTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SieveReportTests", dependencies: ["SieveReport", "SieveCore", "SieveExternal", "SieveTesting"], swiftSettings: strictSettings),
        .testTarget(name: "SieveFuzzingTests", dependencies: ["SieveFuzzing"], swiftSettings: strictSettings),
        .testTarget(
            name: "SieveTests",
            dependencies: ["Sieve", "SieveCore", "SieveTesting", "CSQLite", .product(name: "Ink", package: "Ink")],
            swiftSettings: strictSettings
        ),
    ]
)

// The libFuzzer entry point, declared only when `scripts/fuzz` builds it (SIEVE_FUZZ=1, with
// `--sanitize fuzzer`): libFuzzer supplies its `main`, so an ordinary build could not link it.
if Context.environment["SIEVE_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "sieve-fuzz", dependencies: ["SieveFuzzing"], path: "fuzz/entry"))
}
