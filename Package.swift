// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CityPulse",
    products: [
        .executable(name: "citypulse", targets: ["citypulse"]),
        .library(name: "CityPulse", targets: ["CityPulse"]),
        .library(name: "CityPulseQuantities", targets: ["CityPulseQuantities"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C stays at the edge: one system-library target per C library.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's memmem, which the Glibc module does not declare.
        .target(name: "CStringSearch"),

        // Chinese numerals and quantities; depends on nothing else in the project.
        .target(name: "CityPulseQuantities", exclude: ["README.md"]),

        // The engine: discover → decode → parse → normalize → extract → reconcile → emit.
        .target(
            name: "CityPulse",
            dependencies: [
                "CLibXML2", "CZlib", "CStringSearch", "CityPulseQuantities",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Emit/Templates"), .copy("Normalize/Tables")]
        ),

        // A thin command line over the engine.
        .executableTarget(
            name: "citypulse",
            dependencies: [
                "CityPulse", "CityPulseQuantities",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .testTarget(name: "CityPulseQuantitiesTests", dependencies: ["CityPulseQuantities"]),
        .testTarget(name: "CityPulseTests", dependencies: ["CityPulse", "CityPulseQuantities"], exclude: ["Golden"]),
    ]
)

// Every target is held to the same rules.
for target in package.targets where target.type != .system && target.name != "CStringSearch" {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
