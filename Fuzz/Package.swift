// swift-tools-version:6.0
// Coverage-guided fuzz harnesses (libFuzzer) for the readers of untrusted input. Not part of the
// main build or of CI: `Fuzz/run` builds them with `-sanitize=fuzzer,address` and runs each.
import PackageDescription

let harnesses = ["fuzz-page", "fuzz-feed", "fuzz-csv", "fuzz-numerals", "fuzz-pipeline"]

let package = Package(
    name: "CityPulseFuzz",
    dependencies: [.package(name: "CityPulse", path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "CityPulse", package: "CityPulse")]),
    ] + harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzSupport",
                .product(name: "CityPulse", package: "CityPulse"),
                .product(name: "CityPulseQuantities", package: "CityPulse"),
            ]
        )
    }
)
