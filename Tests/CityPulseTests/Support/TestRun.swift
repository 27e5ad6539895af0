@testable import CityPulse
import Foundation
import Logging

/// Runs a pipeline into a fresh temporary output root with a fixed clock, and reads its outputs back.
struct TestRun {
    let outputRoot: URL
    let outcome: PipelineRunner.Outcome

    static let fixedClock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_732_924_800) } // 2024-11-30

    static func defaultPipeline() throws -> PipelineDefinition {
        try PipelineLoader().load(path: ProjectPaths.root.appendingPathComponent("Pipelines/hohhot-youth.yml").path)
    }

    static func run(
        _ pipeline: PipelineDefinition, inputRoot: URL = ProjectPaths.root.appendingPathComponent("Input"),
        outputRoot: URL? = nil, asOf: Day? = Day(year: 2024, month: 11, day: 30), jobs: Int = 2, full: Bool = false,
        acceptDrop: Bool = false, shard: Shard? = nil
    ) async -> TestRun {
        let root = outputRoot ?? FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-test-\(UUID().uuidString)")
        var options = RunOptions(inputRoot: inputRoot, outputRoot: root, asOf: asOf, jobs: jobs, full: full, clock: fixedClock)
        options.acceptDrop = acceptDrop
        options.shard = shard
        let outcome = await PipelineRunner(pipeline: pipeline, options: options, logger: Logger(label: "test")).run()
        return TestRun(outputRoot: root, outcome: outcome)
    }

    /// `citypulse merge` of a run made in `shards` shards into `outputRoot`.
    static func merge(_ pipeline: PipelineDefinition, shards: Int, outputRoot: URL, asOf: Day? = nil) async -> TestRun {
        let options = RunOptions(inputRoot: URL(fileURLWithPath: "/unused"), outputRoot: outputRoot, asOf: asOf, clock: fixedClock)
        let outcome = await PipelineRunner(pipeline: pipeline, options: options, logger: Logger(label: "test")).merge(shards: shards)
        return TestRun(outputRoot: outputRoot, outcome: outcome)
    }

    var directory: URL { outcome.outputDirectory }

    func bytes(_ name: String) throws -> [UInt8] { try [UInt8](Data(contentsOf: directory.appendingPathComponent(name))) }

    /// The decompressed feed as JSON objects.
    func feed() throws -> [String: Any] {
        let json = try Gzip.decompress(bytes(OutputFiles.metrics))
        return try JSONSerialization.jsonObject(with: Data(json)) as! [String: Any]
    }

    func rows(_ key: String) throws -> [[String: Any]] { try feed()[key] as! [[String: Any]] }

    func remove() { try? FileManager.default.removeItem(at: outputRoot) }
}
