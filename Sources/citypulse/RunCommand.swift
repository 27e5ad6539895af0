import ArgumentParser
import CityPulse
import Foundation
import Logging

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run pipelines end to end and publish their outputs.",
        discussion: "With no pipeline named, runs every pipeline in the pipelines folder.")

    @Argument(help: "Pipeline files to run.")
    var pipelineFiles: [String] = []

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Report date (YYYY-MM-DD); default today (UTC).")
    var asOf: String?

    @Option(name: .long, help: "Files processed in parallel.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Ignore the cache: process every input again.")
    var full = false

    @Flag(name: .long, help: "Show what would be read and written, and write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Publish even when the run drops more of the last publish's inputs, facts or series points than quality.max_drop allows.")
    var acceptDrop = false

    @Option(name: .long, help: "Seconds to wait for another run of the same pipeline to finish (default: fail at once).")
    var wait: Double = 0

    @Flag(name: .long, inversion: .prefixedNo, help: "Progress bar on a terminal (never shown when standard error is not a terminal).")
    var progress = true

    @Option(name: .long, help: ArgumentHelp("Process only shard K of N of the inputs and write a partial result for `citypulse merge`, publishing nothing.", valueName: "K/N"))
    var shard: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date as YYYY-MM-DD, got '\(asOf)'") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N ≤ \(Shard.maximumCount), got '\(shard)'")
        }
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256") }
        if wait < 0 { throw ValidationError("--wait must not be negative") }
    }

    func run() async throws {
        let logger = common.makeLogger(label: "citypulse.run")
        let files = try common.pipelineFiles(pipelineFiles)
        var worst = RunStatus.success
        var runs: [IndexPage.Run] = []
        for path in files {
            let (pipeline, status) = await runOne(path, logger: logger)
            worst = max(worst, status)
            if let pipeline { runs.append(IndexPage.Run(pipeline: pipeline, status: status, finished: Date())) }
        }
        // The page of every pipeline, after the pipelines of the run; shards and dry runs publish nothing.
        if !dryRun, shard == nil, !runs.isEmpty { common.writeIndex(runs, logger: logger) }
        if worst != .success { throw ExitCode(worst.rawValue) }
    }

    private func runOne(_ path: String, logger: Logger) async -> (PipelineDefinition?, RunStatus) {
        guard let pipeline = loadPipeline(path, logger: logger) else { return (nil, .invalid) }
        let bar = (progress && !common.quiet && isatty(STDERR_FILENO) == 1) ? ProgressBar(label: pipeline.name) : nil
        var options = RunOptions(
            inputRoot: URL(fileURLWithPath: common.inputRoot), outputRoot: URL(fileURLWithPath: common.outputRoot),
            asOf: asOf.flatMap { Day(iso: $0) }, jobs: jobs, full: full, dryRun: dryRun, wait: wait)
        options.acceptDrop = acceptDrop
        options.shard = shard.flatMap { Shard(parsing: $0) }
        if let bar {
            options.progress = { @Sendable done, total in bar.update(done, total) }
        }
        let started = Date()
        let outcome = await PipelineRunner(pipeline: pipeline, options: options, logger: logger).run()
        bar?.finish()
        if dryRun {
            print("pipeline \(pipeline.name) (\(path))")
            for r in outcome.plannedReads { print("  read  \(r.path)\(r.cached ? "  (unchanged, cached)" : "")") }
            for w in outcome.plannedWrites { print("  write \(w)") }
        }
        logFinished(outcome, pipeline: pipeline, started: started, logger: logger)
        return (pipeline, outcome.status)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// The pipeline file at `path`, or nil after printing why it is not valid.
func loadPipeline(_ path: String, logger: Logger) -> PipelineDefinition? {
    do {
        return try PipelineLoader().load(path: path)
    } catch {
        for d in error.diagnostics { printError(d.description) }
        logger.error("run finished", metadata: ["pipeline": "\(path)", "exit": "\(RunStatus.invalid.rawValue)", "reason": "invalid pipeline"])
        return nil
    }
}

/// The log line that ends a run or a merge: its exit code, time, counts and summary.
func logFinished(_ outcome: PipelineRunner.Outcome, pipeline: PipelineDefinition, started: Date, logger: Logger) {
    var metadata: Logger.Metadata = [
        "pipeline": "\(pipeline.name)", "exit": "\(outcome.status.rawValue)",
        "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))",
    ]
    if let r = outcome.summary {
        metadata["inputs"] = "\(r.inputs.count)"
        metadata["reused"] = "\(r.inputs.filter { $0.reused }.count)"
        metadata["facts"] = "\(r.facts)"
        metadata["targets"] = "\(r.targets)"
        metadata["rows_read"] = "\(r.rowCounts.read)"
        metadata["rows_rejected"] = "\(r.rowCounts.rejected)"
        metadata["diagnostics"] = "\(r.diagnostics)"
    }
    metadata["detail"] = "\(outcome.message)"
    switch outcome.status {
    case .success: logger.info("run finished", metadata: metadata)
    case .qualityFailed: logger.warning("run finished", metadata: metadata)
    default: logger.error("run finished", metadata: metadata)
    }
}
