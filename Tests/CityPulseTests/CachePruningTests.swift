@testable import CityPulse
import Foundation
import Testing

/// The cache stays bounded: after a publish it holds one result entry per input and source, whatever
/// earlier builds, edits or removed files left behind.
@Suite(.serialized) struct CachePruningTests {
    /// The keys the cache folder's main pack holds.
    static func keys(_ cache: URL) -> Set<ResultPack.Key> {
        Set(ResultPack(url: cache.appendingPathComponent(RunCache.mainPack), writable: false)?.keys ?? [])
    }

    /// How many files and sources the sample's discovery pairs (a file two sources read counts twice).
    static func discoveredPairs() throws -> Int {
        SourceDiscovery(inputRoot: ProjectPaths.root.appendingPathComponent("Input")).discover(try TestRun.defaultPipeline()).files.count
    }

    @Test func aPublishLeavesOneEntryPerInputAndSource() async throws {
        let pipeline = try TestRun.defaultPipeline()
        let first = await TestRun.run(pipeline)
        defer { first.remove() }
        #expect(first.outcome.status == .success)
        let folder = first.outputRoot.appendingPathComponent(".cache/\(pipeline.name)")
        let entries = Self.keys(folder)
        let pairs = try Self.discoveredPairs()
        #expect(entries.count == pairs, "one entry per input and source: \(entries.count) for \(pairs)")

        // The one-file-per-entry folder of earlier versions, and an entry of another build or a removed file.
        let legacy = folder.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: legacy, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: legacy.appendingPathComponent("0123456789abcdef.bin"))
        let stale: ResultPack.Key = Array(repeating: 7, count: 32)
        try #require(ResultPack(url: folder.appendingPathComponent(RunCache.mainPack), writable: true)).append(FileResult().entryBytes(), key: stale)
        #expect(Self.keys(folder).contains(stale))

        let second = await TestRun.run(pipeline, outputRoot: first.outputRoot, full: true)
        #expect(second.outcome.status == .success)
        #expect(Self.keys(folder) == entries, "stale entries are removed, current ones kept")
        #expect(!FileManager.default.fileExists(atPath: legacy.path), "the folder of the earlier layout is removed")
        // --full stored every result again: the pack holds the dead copies until they are half of it.
        let live = try #require(ResultPack(url: folder.appendingPathComponent(RunCache.mainPack), writable: false)).sizes(live: entries)
        #expect(live.all <= 2 * live.live + 64, "\(live)")

        // A rerun reads every input from the cache again.
        let third = await TestRun.run(pipeline, outputRoot: first.outputRoot)
        #expect(third.outcome.status == .success)
        let summary = try #require(third.outcome.summary)
        #expect(summary.inputs.count == first.outcome.result?.inputs.count && summary.inputs.allSatisfy(\.reused), "\(summary.inputs.map(\.reused))")
    }

    @Test func pruneKeepsOnlyTheNamedEntries() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = RunCache(directory: folder, pipelineHash: "p")
        for hash in ["a", "b", "c"] { cache.store(FileResult(), contentHash: hash, source: "s") }
        cache.flush()
        #expect(cache.entryCount == 3)
        #expect(cache.prune(keeping: [cache.key(contentHash: "a", source: "s")]) == 2)
        let again = RunCache(directory: folder, pipelineHash: "p")
        #expect(again.entryCount == 1)
        #expect(again.result(contentHash: "a", source: "s") != nil)
        #expect(again.result(contentHash: "b", source: "s") == nil)
    }

    /// A pack more than half dead is rewritten with its live entries only.
    @Test func aMostlyDeadPackIsRewritten() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = RunCache(directory: folder, pipelineHash: "p")
        for hash in (0..<10).map(String.init) { cache.store(RunCacheTests.table(file: "t.csv", hash: hash), contentHash: hash, source: "s") }
        cache.flush()
        let pack = folder.appendingPathComponent(RunCache.mainPack)
        let before = try FileManager.default.attributesOfItem(atPath: pack.path)[.size] as? Int ?? 0
        #expect(cache.prune(keeping: Set(["1", "2"].map { cache.key(contentHash: $0, source: "s") })) == 8)
        let after = try FileManager.default.attributesOfItem(atPath: pack.path)[.size] as? Int ?? 0
        #expect(after < before / 3, "\(before) → \(after) bytes")
        let again = RunCache(directory: folder, pipelineHash: "p")
        #expect(again.entryCount == 2)
        #expect(again.result(contentHash: "2", source: "s", path: "t.csv")?.table == RunCacheTests.table(file: "t.csv", hash: "2").table)
    }

    /// Every rebuild of the tool changes its build identity, so each build's results replace the
    /// last build's instead of piling up beside them. Five builds are stood in for by a copy of the
    /// executable whose modification time moves on between runs, as a relink moves it.
    @Test func rebuildsOfTheToolLeaveOnlyTheCurrentBuildsEntries() throws {
        let fm = FileManager.default
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? fm.removeItem(at: folder) }
        let built = URL(fileURLWithPath: try CommandLineTool.path())
        let tool = folder.appendingPathComponent("bin/citypulse")
        try fm.createDirectory(at: tool.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: built, to: tool)
        let resources = built.deletingLastPathComponent().appendingPathComponent("CityPulse_CityPulse.resources")
        if fm.fileExists(atPath: resources.path) {
            try fm.copyItem(at: resources, to: tool.deletingLastPathComponent().appendingPathComponent(resources.lastPathComponent))
        }
        let output = folder.appendingPathComponent("out")
        let args = ["run", ProjectPaths.root.appendingPathComponent("Pipelines/hohhot-youth.yml").path,
                    "--input-root", ProjectPaths.root.appendingPathComponent("Input").path,
                    "--output-root", output.path, "--as-of", "2024-11-30", "--no-progress"]
        let cache = output.appendingPathComponent(".cache/hohhot-youth")
        let pairs = try Self.discoveredPairs()
        var before: Set<ResultPack.Key> = []
        for build in 1...5 {
            try fm.setAttributes([.modificationDate: Date().addingTimeInterval(Double(build) * 60)], ofItemAtPath: tool.path)
            let run = try CommandLineTool.run(args, executable: tool)
            #expect(run.status == 0, "build \(build): \(run.stderr)")
            let entries = Self.keys(cache)
            #expect(entries.count == pairs, "build \(build): \(entries.count) entries for \(pairs) inputs and sources")
            #expect(entries.isDisjoint(with: before), "build \(build) kept \(entries.intersection(before).count) entries of the build before")
            before = entries
        }
    }
}
