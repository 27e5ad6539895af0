@testable import CityPulse
import Foundation
import Testing

/// A run made in shards (`--shard K/N`, then `merge --shards N`) publishes what one run publishes, and
/// a merge of partials that do not belong together publishes nothing.
@Suite(.serialized) struct ShardedRunTests {
    static let dataFiles = [OutputFiles.metrics, OutputFiles.facts, OutputFiles.report, OutputFiles.rejects]

    static func fingerprint(_ run: TestRun) throws -> String? {
        let manifest = try JSONSerialization.jsonObject(with: Data(try run.bytes(OutputFiles.manifest))) as? [String: Any]
        return manifest?["fingerprint"] as? String
    }

    static func shards(_ n: Int) -> [Shard] { (1...n).map { Shard(index: $0, count: n)! } }

    static func partials(in root: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".hohhot-youth.shards").path)) ?? [])
            .filter { $0.hasSuffix(".partial") }.sorted()
    }

    /// A copy of the sample input, to change between shards.
    static func inputCopy() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-shard-input-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ProjectPaths.root.appendingPathComponent("Input"), to: copy)
        return copy
    }

    @Test func shardsAreWrittenKOverN() {
        #expect(Shard(parsing: "3/7") == Shard(index: 3, count: 7))
        #expect(Shard(parsing: "1/1") != nil)
        for bad in ["0/7", "8/7", "7", "3/0", "a/b", "3/7/1", "-1/2", "", "1/\(Shard.maximumCount + 1)"] {
            #expect(Shard(parsing: bad) == nil, "\(bad)")
        }
    }

    /// Every path falls in exactly one shard of N, the same on every machine (the hash is part of the
    /// contract: shards run by different builds of one version must agree), and shards are even.
    @Test func eachPathFallsInOneStableShard() {
        #expect(Shard.index(of: "releases/hohhot-youth-city-2024.html", count: 7) == 2)
        #expect(Shard.index(of: "stats/hohhot_talent_intake_log.csv", count: 7) == 4)
        let paths = (0..<10_000).map { "releases/\($0 / 100)/page-\($0).html" }
        for n in [1, 2, 3, 7, 16] {
            var sizes = [Int](repeating: 0, count: n)
            for path in paths {
                let owners = Self.shards(n).filter { $0.contains(path: path) }
                #expect(owners.count == 1, "\(path) in \(owners) of \(n)")
                sizes[Shard.index(of: path, count: n) - 1] += 1
            }
            let mean = Double(paths.count) / Double(n)
            #expect(sizes.allSatisfy { abs(Double($0) - mean) < 0.1 * mean }, "\(n) shards of \(sizes)")
        }
    }

    /// N = 1, 2, 3, 7, and 40 (more shards than the sample's 13 inputs: most partials are empty).
    @Test(arguments: [1, 2, 3, 7, 40])
    func mergedShardsPublishWhatOneRunPublishes(_ n: Int) async throws {
        let pipeline = try TestRun.defaultPipeline()
        let whole = await TestRun.run(pipeline)
        defer { whole.remove() }
        try #require(whole.outcome.status == .success, "\(whole.outcome.message)")
        let expected = try Self.dataFiles.map { try whole.bytes($0) }
        let fingerprint = try Self.fingerprint(whole)

        for shard in Self.shards(n) {
            // --full: each shard reads its inputs again instead of taking the whole run's cached results.
            let run = await TestRun.run(pipeline, outputRoot: whole.outputRoot, full: true, shard: shard)
            #expect(run.outcome.status == .success, "shard \(shard): \(run.outcome.message)")
        }
        #expect(Self.partials(in: whole.outputRoot).count == n)
        let merged = await TestRun.merge(pipeline, shards: n, outputRoot: whole.outputRoot)
        try #require(merged.outcome.status == .success, "\(merged.outcome.message)")
        for (name, bytes) in zip(Self.dataFiles, expected) {
            #expect(try merged.bytes(name) == bytes, "\(name) of \(n) shards differs from one run's")
        }
        #expect(try Self.fingerprint(merged) == fingerprint, "the merge reports the inputs, date and root of one run")
        #expect(Self.partials(in: whole.outputRoot).isEmpty, "a published merge removes its partials")
        let cache = whole.outputRoot.appendingPathComponent(".cache/hohhot-youth")
        let packs = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".pack") }
        #expect(packs == [RunCache.mainPack], "the merge folds the shards' packs into the main pack: \(packs)")

        let again = await TestRun.merge(pipeline, shards: n, outputRoot: whole.outputRoot)
        #expect(again.outcome.status == .failure, "partials are merged once")
    }

    @Test func aMissingShardPublishesNothing() async throws {
        let pipeline = try TestRun.defaultPipeline()
        let whole = await TestRun.run(pipeline)
        defer { whole.remove() }
        let before = try OutputFiles.all.map { try whole.bytes($0) }
        for k in [1, 3] {
            _ = await TestRun.run(pipeline, outputRoot: whole.outputRoot, shard: Shard(index: k, count: 3))
        }
        let merged = await TestRun.merge(pipeline, shards: 3, outputRoot: whole.outputRoot)
        #expect(merged.outcome.status == .failure)
        #expect(merged.outcome.message.contains("no partial result for shard 2 of 3"), "\(merged.outcome.message)")
        #expect(merged.outcome.message.contains("--shard K/3"), "\(merged.outcome.message)")
        #expect(try OutputFiles.all.map { try whole.bytes($0) } == before, "nothing may be published")
        #expect(Self.partials(in: whole.outputRoot) == ["1-of-3.partial", "3-of-3.partial"], "a failed merge keeps the partials")
    }

    /// Partials of another date, input list, pipeline file, or a damaged one: each is named, and
    /// nothing is published.
    @Test func partialsThatDoNotBelongTogetherAreRefused() async throws {
        let pipeline = try TestRun.defaultPipeline()
        let input = try Self.inputCopy()
        defer { try? FileManager.default.removeItem(at: input) }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-shard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let (one, two) = (Shard(index: 1, count: 2)!, Shard(index: 2, count: 2)!)
        func merge(_ p: PipelineDefinition = pipeline, asOf: Day? = nil) async -> PipelineRunner.Outcome {
            let outcome = await TestRun.merge(p, shards: 2, outputRoot: root, asOf: asOf).outcome
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("hohhot-youth").path), "nothing may be published")
            return outcome
        }

        _ = await TestRun.run(pipeline, inputRoot: input, outputRoot: root, shard: one)
        _ = await TestRun.run(pipeline, inputRoot: input, outputRoot: root, asOf: Day(year: 2024, month: 12, day: 1), shard: two)
        var outcome = await merge()
        #expect(outcome.status == .failure)
        #expect(outcome.message.contains("shard 2/2") && outcome.message.contains("as of 2024-12-01"), "\(outcome.message)")

        _ = await TestRun.run(pipeline, inputRoot: input, outputRoot: root, shard: two)
        outcome = await merge(asOf: Day(year: 2024, month: 10, day: 1))
        #expect(outcome.message.contains("not the --as-of 2024-10-01"), "\(outcome.message)")

        var yaml = try String(contentsOf: ProjectPaths.root.appendingPathComponent("Pipelines/hohhot-youth.yml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: 修订 ")
        let edited = try PipelineLoader().load(data: Data(yaml.utf8), path: "hohhot-youth.yml")
        outcome = await merge(edited)
        #expect(outcome.message.contains("another version of the pipeline file"), "\(outcome.message)")

        try Data("<html><body><p>新增</p></body></html>".utf8).write(to: input.appendingPathComponent("releases/late-arrival.html"))
        _ = await TestRun.run(pipeline, inputRoot: input, outputRoot: root, shard: two)
        outcome = await merge()
        #expect(outcome.message.contains("the inputs changed between the shards"), "\(outcome.message)")

        _ = await TestRun.run(pipeline, inputRoot: input, outputRoot: root, shard: one)
        let partial = PartialFile.url(outputRoot: root, directory: "hohhot-youth", shard: two)
        let bytes = try Data(contentsOf: partial)
        try bytes.prefix(bytes.count / 2).write(to: partial)
        outcome = await merge()
        #expect(outcome.message.contains("shard 2/2") && outcome.message.contains("cannot be read"), "\(outcome.message)")

        _ = await TestRun.run(pipeline, inputRoot: input, outputRoot: root, shard: two)
        outcome = await TestRun.merge(pipeline, shards: 2, outputRoot: root).outcome
        #expect(outcome.status == .success, "the shards of one run merge: \(outcome.message)")
    }

    /// Shards of one run take locks of their own; a second run of the same shard waits or exits 75,
    /// and the merge takes the pipeline's lock like an unsharded run.
    @Test func shardsOfOneRunDoNotBlockEachOtherButTwoRunsOfOneShardDo() async throws {
        let pipeline = try TestRun.defaultPipeline()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-shard-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        do {
            let held = try OutputLock(path: root.appendingPathComponent(".hohhot-youth.shard-1-of-2.lock").path)
            let blocked = await TestRun.run(pipeline, outputRoot: root, shard: Shard(index: 1, count: 2))
            #expect(blocked.outcome.status == .locked)
            let other = await TestRun.run(pipeline, outputRoot: root, shard: Shard(index: 2, count: 2))
            #expect(other.outcome.status == .success, "\(other.outcome.message)")
            withExtendedLifetime(held) {}
        }
        let main = try OutputLock(path: root.appendingPathComponent(".hohhot-youth.lock").path)
        let shard = await TestRun.run(pipeline, outputRoot: root, shard: Shard(index: 1, count: 2))
        #expect(shard.outcome.status == .success, "a shard does not wait for the pipeline's lock: \(shard.outcome.message)")
        let merge = await TestRun.merge(pipeline, shards: 2, outputRoot: root)
        #expect(merge.outcome.status == .locked)
        withExtendedLifetime(main) {}
    }
}
