import Foundation
import Logging

/// What the steps of one run share: the pipeline, the options, where the outputs go, the cache
/// (opened once the lock is held) and the timings so far.
struct RunContext {
    let pipeline: PipelineDefinition
    /// A merge takes the input root and as-of date of the shards it merges (`GatherStep`).
    var options: RunOptions
    let logger: Logger
    /// The pipeline's output folder.
    let target: URL
    let started: Date
    var timings = Timings()
    /// Set by `LockStep`, so that no step reads the cache before the lock is held.
    var openedCache: RunCache?

    init(pipeline: PipelineDefinition, options: RunOptions, logger: Logger) {
        self.pipeline = pipeline
        self.options = options
        self.logger = logger
        target = options.outputRoot.appendingPathComponent(pipeline.outputs.directory)
        started = options.clock()
    }

    var cache: RunCache {
        guard let openedCache else { preconditionFailure("a step used the cache before LockStep opened it") }
        return openedCache
    }

    /// The date the run reports as of.
    var asOf: Day { options.asOf ?? options.today }

    /// Runs `step` on `input`, timing it under the step's name.
    mutating func run<S: RunStep>(_ step: S, _ input: S.Input) async throws(RunStop) -> S.Output {
        let start = Timings.now()
        defer {
            timings.record(S.name, since: start)
            logger.debug("step finished", metadata: [
                "pipeline": "\(pipeline.name)", "step": "\(S.name)",
                "seconds": "\(String(format: "%.3f", timings.entries.last?.seconds ?? 0))",
                "peak_rss_mib": "\(PeakMemory.mebibytes().map { String(format: "%.1f", $0) } ?? "unknown")",
            ])
        }
        return try await step.run(input, in: &self)
    }

    /// A stop with `status` and `message`.
    func stop(_ status: RunStatus, _ message: String, result: RunResult? = nil) -> RunStop {
        RunStop(outcome: PipelineRunner.Outcome(status: status, message: message, outputDirectory: target, result: result))
    }
}
