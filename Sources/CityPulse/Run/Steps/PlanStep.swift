/// For `--dry-run`: lists the files a run would read (and which the cache already has) and write,
/// (the outputs, or a shard's partial result), and ends the run there. Does nothing otherwise.
struct PlanStep: RunStep {
    static let name = "plan"

    func run(_ files: [DiscoveredFile], in context: inout RunContext) async throws(RunStop) {
        guard context.options.dryRun else { return }
        let cache = context.cache
        let full = context.options.full
        let reads = files.map { f in
            let cached = !full && ((try? cache.contentHash(of: f)).map { cache.result(contentHash: $0.hash, source: f.source.id) != nil } ?? false)
            return (path: f.path, cached: cached)
        }
        var stop = context.stop(.success, "dry run: \(files.count) inputs, nothing written")
        stop.outcome.plannedReads = reads
        if let shard = context.options.shard {
            stop.outcome.plannedWrites = [PartialFile.url(outputRoot: context.options.outputRoot, directory: context.pipeline.outputs.directory, shard: shard).path]
        } else {
            stop.outcome.plannedWrites = OutputFiles.all.map { context.target.appendingPathComponent($0).path }
        }
        throw stop
    }
}
