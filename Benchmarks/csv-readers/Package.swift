// swift-tools-version:6.0
// CityPulse's own CSV reader against the two Swift CSV libraries: same file, same work, one reader per
// process. See run.sh and the section "CSV reader against libraries" in ../README.md.
import PackageDescription

let package = Package(
    name: "csv-readers",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "CityPulse", path: "../.."),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "csv-readers",
            dependencies: [
                .product(name: "CityPulse", package: "CityPulse"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
