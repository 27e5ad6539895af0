@testable import CityPulse
import Foundation
import Testing

/// A night whose inputs are half synced must not replace a good publish with less.
@Suite(.serialized) struct ShrinkGuardTests {
    /// A copy of the sample input without three of its releases.
    static func halfSyncedInput() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-half-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ProjectPaths.root.appendingPathComponent("Input"), to: copy)
        for name in ["hohhot-youth-city-2024.html", "hohhot-district-review-2024-11.html", "hohhot-youth-progress-2024-10.html"] {
            try FileManager.default.removeItem(at: copy.appendingPathComponent("releases/\(name)"))
        }
        return copy
    }

    @Test func aRunDroppingMostFactsPublishesNothingUnlessAccepted() async throws {
        let good = await TestRun.run(try TestRun.defaultPipeline())
        defer { good.remove() }
        #expect(good.outcome.status == .success)
        let before = try OutputFiles.all.map { try good.bytes($0) }
        let half = try Self.halfSyncedInput()
        defer { try? FileManager.default.removeItem(at: half) }

        let refused = await TestRun.run(try TestRun.defaultPipeline(), inputRoot: half, outputRoot: good.outputRoot)
        #expect(refused.outcome.status == .shrunk)
        #expect(refused.outcome.status.rawValue == 66)
        #expect(refused.outcome.message.contains("facts"), "\(refused.outcome.message)")
        #expect(try OutputFiles.all.map { try good.bytes($0) } == before, "nothing may be published")

        let accepted = await TestRun.run(try TestRun.defaultPipeline(), inputRoot: half, outputRoot: good.outputRoot, acceptDrop: true)
        #expect(accepted.outcome.status == .success)
        let manifest = try JSONSerialization.jsonObject(with: Data(try good.bytes(OutputFiles.manifest))) as? [String: Any]
        let last = try #require(manifest?["last_publish"] as? [String: Any])
        #expect(last["accepted"] as? Bool == true)
        #expect((last["dropped"] as? [String])?.contains("facts") == true)
        #expect((last["previous"] as? [String: Any])?["facts"] as? Int ?? 0 > (last["now"] as? [String: Any])?["facts"] as? Int ?? 0)
    }

    /// The counts are read alone from a manifest as CityPulse writes it, and from a whole parse of
    /// any other layout.
    @Test func theLastCountsAreReadFromTheManifest() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let bytes = try run.bytes(OutputFiles.manifest)
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let expected = try #require(whole["counts"] as? [String: Any])
        let fast = try #require(ShrinkGuard.counts(inManifest: bytes))
        #expect(NSDictionary(dictionary: fast).isEqual(to: expected))
        let compact = try JSONSerialization.data(withJSONObject: whole)
        let slow = try #require(ShrinkGuard.counts(inManifest: [UInt8](compact)))
        #expect(NSDictionary(dictionary: slow).isEqual(to: expected))
        #expect(ShrinkGuard.counts(inManifest: Array("{\"counts\": {\"inputs\": ".utf8)) == nil)
    }

    @Test func theComparisonCountsEachShare() {
        let counts = [ShrinkGuard.Count(name: "inputs", previous: 100, now: 60), ShrinkGuard.Count(name: "facts", previous: 100, now: 49),
                      ShrinkGuard.Count(name: "series points", previous: 0, now: 0)]
        let halfAllowed = ShrinkGuard(counts: counts, maxDrop: 0.5, accepted: false)
        #expect(halfAllowed.dropped.map(\.name) == ["facts"])
        #expect(halfAllowed.refusal?.contains("facts 100 → 49") == true)
        #expect(ShrinkGuard(counts: counts, maxDrop: 1, accepted: false).refusal == nil, "max_drop 1 turns the guard off")
        #expect(ShrinkGuard(counts: counts, maxDrop: 0.5, accepted: true).refusal == nil)
        #expect(ShrinkGuard(counts: counts, maxDrop: 0.3, accepted: false).dropped.map(\.name) == ["inputs", "facts"])
    }

    @Test func maxDropIsAShare() throws {
        func load(_ v: String) throws -> PipelineDefinition {
            let yaml = """
                version: 1
                sources:
                  - {id: r, kind: html, glob: "*.html"}
                metrics:
                  - {id: m, labels: {zh: 众创空间}, unit: 家, words: [众创空间], unit_classes: [organisation], window: 6, aggregate: max}
                quality:
                  max_drop: \(v)
                """
            return try PipelineLoader().load(data: Data(yaml.utf8), path: "p.yml")
        }
        #expect(try load("0.2").quality.maxDrop == 0.2)
        #expect(throws: PipelineError.self) { try load("1.5") }
    }
}
