import Foundation
import Logging

/// Runs one pipeline and publishes its outputs atomically, as a sequence of named steps:
/// lock → discover → plan → template → republish → process (the map half) → collect → reconcile →
/// gate → emit → publish → remember (the reduce half). Each step is timed under its name; a step
/// may end the run early with its outcome.
public struct PipelineRunner: Sendable {
    public let pipeline: PipelineDefinition
    public let options: RunOptions
    public let logger: Logger

    public init(pipeline: PipelineDefinition, options: RunOptions, logger: Logger) {
        self.pipeline = pipeline
        self.options = options
        self.logger = logger
    }

    /// What a run did, for the exit code, the summary line and `--dry-run`.
    public struct Outcome: Sendable {
        public var status: RunStatus
        public var message: String
        public var outputDirectory: URL
        /// Everything the run produced; nil when it failed early or republished unchanged outputs.
        public var result: RunResult?
        public var manifest: Manifest?
        /// What the manifest reports: inputs (and which were reused), counts, quality.
        public var summary: RunSummary? { manifest?.summary }
        /// For `--dry-run`: the files that would be read (path, whether the cache has them) and written.
        public var plannedReads: [(path: String, cached: Bool)] = []
        public var plannedWrites: [String] = []
    }

    public var outputDirectory: URL { options.outputRoot.appendingPathComponent(pipeline.outputs.directory) }

    public func run() async -> Outcome {
        if let shard = options.shard { return await run(shard: shard) }
        var context = RunContext(pipeline: pipeline, options: options, logger: logger)
        do {
            let lock = try await context.run(LockStep(), ())
            defer { withExtendedLifetime(lock) {} }
            let discovery = try await context.run(DiscoverStep(), ())
            try await context.run(PlanStep(), discovery.files)
            let template = try await context.run(TemplateStep(), ())
            try await context.run(RepublishStep(), .init(files: discovery.files, template: template))

            let partial = try await context.run(ProcessStep(), discovery)

            let collected = try await context.run(CollectStep(), partial)
            let result = try await context.run(ReconcileStep(), collected)
            let draft = try await context.run(GateStep(), .init(result: result, template: template))
            let files = try await context.run(EmitStep(), .init(result: result, template: template))
            let manifest = try await context.run(PublishStep(), .init(contents: .made(files), manifest: draft))
            try await context.run(RememberStep(), .init(files: discovery.files, manifest: manifest))
            return Outcome(status: manifest.status, message: Self.published(result, manifest, to: context.target),
                           outputDirectory: context.target, result: result, manifest: manifest)
        } catch {
            // Whatever step ended the run, the results it stored in the cache are written out first.
            context.openedCache?.flush()
            return error.outcome
        }
    }

    /// One shard of a run (`--shard K/N`): the map half on the shard's inputs, ending in a partial
    /// result for `merge` instead of a publish.
    func run(shard: Shard) async -> Outcome {
        var context = RunContext(pipeline: pipeline, options: options, logger: logger)
        do {
            let lock = try await context.run(LockStep(), ())
            defer { withExtendedLifetime(lock) {} }
            let discovery = try await context.run(DiscoverStep(), ())
            let selection = try await context.run(ShardStep(shard: shard), discovery)
            try await context.run(PlanStep(), selection.discovery.files)
            let partial = try await context.run(ProcessStep(), selection.discovery)
            let url = try await context.run(StorePartialStep(shard: shard), .init(selection: selection, partial: partial))
            let reused = partial.items.filter(\.reused).count
            return Outcome(status: .success, message: "shard \(shard) of \(selection.origin.total) inputs: wrote \(url.path) with \(partial.items.count) inputs (\(reused) reused); `citypulse merge` publishes once every shard has run",
                           outputDirectory: context.target)
        } catch {
            context.openedCache?.flush()
            return error.outcome
        }
    }

    /// Publishes the partial results of a run made in `count` shards, exactly as the unsharded run
    /// would: the reduce half on the shards' items, in the order of the whole input list. The
    /// partials are removed once their merge is published.
    public func merge(shards count: Int) async -> Outcome {
        var context = RunContext(pipeline: pipeline, options: options, logger: logger)
        guard count >= 1, count <= Shard.maximumCount else {
            return context.stop(.invalid, "--shards must be between 1 and \(Shard.maximumCount)").outcome
        }
        do {
            let lock = try await context.run(LockStep(), ())
            defer { withExtendedLifetime(lock) {} }
            let template = try await context.run(TemplateStep(), ())
            let gathered = try await context.run(GatherStep(count: count), ())
            let collected = try await context.run(CollectStep(), gathered.partial)
            let result = try await context.run(ReconcileStep(), collected)
            let draft = try await context.run(GateStep(), .init(result: result, template: template))
            let files = try await context.run(EmitStep(), .init(result: result, template: template))
            let manifest = try await context.run(PublishStep(), .init(contents: .made(files), manifest: draft))
            try await context.run(RememberStep(), .init(files: gathered.files, manifest: manifest))
            for url in gathered.urls { try? FileManager.default.removeItem(at: url) }
            return Outcome(status: manifest.status, message: Self.published(result, manifest, to: context.target),
                           outputDirectory: context.target, result: result, manifest: manifest)
        } catch {
            context.openedCache?.flush()
            return error.outcome
        }
    }

    /// The summary line of a publish.
    static func published(_ result: RunResult, _ manifest: Manifest, to target: URL) -> String {
        let rows = result.rowCounts
        guard manifest.status == .qualityFailed else {
            let reused = result.inputs.filter(\.reused).count
            return "published \(target.path): \(result.facts.count) facts, \(result.series.count) series points, \(result.targets.count) targets from \(result.inputs.count) inputs (\(reused) reused)"
        }
        return "published \(target.path), but \(rows.rejected) of \(rows.read) rows were rejected (\(String(format: "%.1f", manifest.summary.rejectRate * 100))% > \(String(format: "%.1f", result.pipeline.quality.maxRejectRate * 100))%)"
    }

    static func staysInside(_ url: URL, root: URL) -> Bool {
        let r = root.standardizedFileURL.path
        let p = url.standardizedFileURL.path
        return p.hasPrefix(r.hasSuffix("/") ? r : r + "/")
    }
}
