import Foundation
import Testing

/// Where the project and the shared corpus are, found from this file's location.
enum ProjectPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let corpus = shared.appendingPathComponent("corpus")
    static let seed = shared.appendingPathComponent("seed/hohhot-youth-city-2024.txt")

    /// Whether the shared corpus (pages, CSV exports, numeral suites) is beside the project. A lone
    /// clone has none: the suites that read it are skipped, saying why; CI fails without it.
    static let hasCorpus = ["html", "csv", "numerals"].allSatisfy {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent($0).path)
    }
    static let noCorpus: Comment = "needs the shared corpus beside the project (../shared/corpus), which this clone lacks"
    /// Whether the seed release is beside the project.
    static let hasSeed = FileManager.default.fileExists(atPath: seed.path)
    static let noSeed: Comment = "needs the seed release beside the project (../shared/seed), which this clone lacks"
}
