@testable import CityPulse
import Foundation
import Testing

/// The cache stays bounded: after a publish it holds one result entry per input and source, whatever
/// earlier builds, edits or removed files left behind.
@Suite(.serialized) struct CachePruningTests {
    @Test func aPublishLeavesOneEntryPerInputAndSource() async throws {
        let pipeline = try TestRun.defaultPipeline()
        let first = await TestRun.run(pipeline)
        defer { first.remove() }
        #expect(first.outcome.status == .success)
        let results = first.outputRoot.appendingPathComponent(".cache/\(pipeline.name)/results")
        let entries = try FileManager.default.contentsOfDirectory(atPath: results.path)
        let inputs = try #require(first.outcome.result?.inputs)
        #expect(entries.count == inputs.count, "one entry per input and source: \(entries.count) for \(inputs.count) inputs")

        // Entries an earlier build or a removed file left behind, and one of the earlier JSON form.
        for name in ["0123456789abcdef.bin", "fedcba9876543210.bin", "00ff.json"] {
            try Data("stale".utf8).write(to: results.appendingPathComponent(name))
        }
        let second = await TestRun.run(pipeline, outputRoot: first.outputRoot, full: true)
        #expect(second.outcome.status == .success)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: results.path))
        #expect(after == Set(entries), "stale entries are removed, current ones kept")

        // A rerun reads every input from the cache again.
        let third = await TestRun.run(pipeline, outputRoot: first.outputRoot)
        #expect(third.outcome.status == .success)
        let summary = try #require(third.outcome.summary)
        #expect(summary.inputs.count == inputs.count && summary.inputs.allSatisfy(\.reused), "\(summary.inputs.map(\.reused))")
    }

    @Test func pruneKeepsOnlyTheNamedEntries() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = folder.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        for name in ["a.bin", "b.bin", "c.json"] { try Data("x".utf8).write(to: results.appendingPathComponent(name)) }
        let cache = RunCache(directory: folder, pipelineHash: "p")
        #expect(cache.prune(keeping: ["a.bin"]) == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: results.path) == ["a.bin"])
    }
}
