// swift-tools-version:6.0
// A package that adds its own stage to Sieve and builds its own `sieve` with it (the Swift, compiled-in route).
import PackageDescription

let package = Package(
    name: "custom-stage-swift",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "news-sieve", targets: ["NewsSieve"]),
    ],
    dependencies: [
        // In your own package: .package(url: "https://github.com/OWNER/sieve", from: "0.1.0")
        .package(name: "Sieve", path: "../.."),
    ],
    targets: [
        .target(name: "SectionStages", dependencies: [.product(name: "SieveCore", package: "Sieve")]),
        .executableTarget(
            name: "NewsSieve",
            dependencies: ["SectionStages", .product(name: "Sieve", package: "Sieve")]
        ),
        .testTarget(name: "SectionStagesTests", dependencies: [
            "SectionStages", .product(name: "SieveCore", package: "Sieve"), .product(name: "SieveTesting", package: "Sieve"),
        ]),
    ]
)
