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
        let results = output.appendingPathComponent(".cache/hohhot-youth/results")
        var before: Set<String> = []
        for build in 1...5 {
            try fm.setAttributes([.modificationDate: Date().addingTimeInterval(Double(build) * 60)], ofItemAtPath: tool.path)
            let run = try CommandLineTool.run(args, executable: tool)
            #expect(run.status == 0, "build \(build): \(run.stderr)")
            let entries = Set(try fm.contentsOfDirectory(atPath: results.path))
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("hohhot-youth/manifest.json"))) as? [String: Any]
            let inputs = try #require(manifest?["inputs"] as? [Any], "build \(build): the manifest lists no inputs")
            #expect(entries.count == inputs.count, "build \(build): \(entries.count) entries for \(inputs.count) inputs")
            #expect(entries.isDisjoint(with: before), "build \(build) kept \(entries.intersection(before).count) entries of the build before")
            before = entries
        }
    }
}
