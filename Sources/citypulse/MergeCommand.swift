import ArgumentParser
import CityPulse
import Foundation
import Logging

struct MergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Publish a run made in shards (`citypulse run --shard K/N`) from their partial results.",
        discussion: """
        Waits for nothing: every shard's partial result must be in the output root, made from the same \
        pipeline file by the same build of citypulse, as of the same date, on the same inputs. The merge \
        reports as of the shards' date on their input root, and its data outputs are byte for byte those \
        of one unsharded run. A missing or foreign partial is an error and nothing is published; the \
        partials are removed once their merge is published.
        """)

    @Argument(help: "The pipeline file the shards ran.")
    var pipelineFile: String

    @Option(name: .long, help: "How many shards the run was made in (the N of --shard K/N).")
    var shards: Int

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Report date (YYYY-MM-DD) the shards must have used; default: theirs.")
    var asOf: String?

    @Flag(name: .long, help: "Publish even when the run drops more of the last publish's inputs, facts or series points than quality.max_drop allows.")
    var acceptDrop = false

    @Option(name: .long, help: "Seconds to wait for another run of the same pipeline to finish (default: fail at once).")
    var wait: Double = 0

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date as YYYY-MM-DD, got '\(asOf)'") }
        if shards < 1 || shards > Shard.maximumCount { throw ValidationError("--shards must be between 1 and \(Shard.maximumCount)") }
        if wait < 0 { throw ValidationError("--wait must not be negative") }
    }

    func run() async throws {
        let logger = common.makeLogger(label: "citypulse.merge")
        guard let pipeline = loadPipeline(pipelineFile, logger: logger) else { throw ExitCode(RunStatus.invalid.rawValue) }
        var options = RunOptions(
            inputRoot: URL(fileURLWithPath: common.inputRoot), outputRoot: URL(fileURLWithPath: common.outputRoot),
            asOf: asOf.flatMap { Day(iso: $0) }, wait: wait)
        options.acceptDrop = acceptDrop
        let started = Date()
        let outcome = await PipelineRunner(pipeline: pipeline, options: options, logger: logger).merge(shards: shards)
        logFinished(outcome, pipeline: pipeline, started: started, logger: logger)
        common.writeIndex([IndexPage.Run(pipeline: pipeline, status: outcome.status, finished: Date())], logger: logger)
        if outcome.status != .success { throw ExitCode(outcome.status.rawValue) }
    }
}
