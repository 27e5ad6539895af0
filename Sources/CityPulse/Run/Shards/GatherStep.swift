import Foundation

/// The first step of `citypulse merge`: reads the partial result of every shard and checks that they
/// belong to one run: all present, made from this pipeline file by this build of the tool, with one
/// as-of date, input root and input list, and covering every input once. Anything else ends the
/// merge with a message that names the shard, and nothing is published. The merge then reports as of
/// the shards' date on their input root, as the unsharded run would.
struct GatherStep: RunStep {
    static let name = "gather"

    struct Gathered: Sendable {
        /// The items of every shard, in the order of the whole input list.
        var partial: PartialResult
        var files: [DiscoveredFile]
        /// The partial files read, removed once their merge is published.
        var urls: [URL]
    }

    let count: Int

    func run(_: Void, in context: inout RunContext) async throws(RunStop) -> Gathered {
        let root = context.options.outputRoot, directory = context.pipeline.outputs.directory
        let shards = (1...count).map { Shard(index: $0, count: count)! }
        let urls = shards.map { PartialFile.url(outputRoot: root, directory: directory, shard: $0) }
        let missing = zip(shards, urls).filter { !FileManager.default.fileExists(atPath: $0.1.path) }.map(\.0)
        if !missing.isEmpty {
            let names = missing.prefix(10).map { "\($0.index)" }.joined(separator: ", ") + (missing.count > 10 ? " and \(missing.count - 10) more" : "")
            throw context.stop(.failure, "no partial result for shard\(missing.count == 1 ? "" : "s") \(names) of \(count) in \(PartialFile.folder(outputRoot: root, directory: directory).path): run `citypulse run \(context.pipeline.path) --shard K/\(count)` for each shard first; nothing published")
        }
        var partials: [PartialFile] = []
        for (shard, url) in zip(shards, urls) {
            let partial: PartialFile
            do {
                partial = try PartialFile(bytes: try POSIXFile.read(url.path), pipeline: context.pipeline)
            } catch {
                throw context.stop(.failure, "the partial result of shard \(shard) (\(url.path)) cannot be read: \(error.localizedDescription); run that shard again")
            }
            if let problem = foreign(partial, shard: shard, first: partials.first?.origin, context: context) {
                throw context.stop(.failure, "the partial result of shard \(shard) (\(url.path)) \(problem); run the shards again; nothing published")
            }
            partials.append(partial)
        }
        let origin = partials[0].origin
        var slots = [PartialResult.Item?](repeating: nil, count: origin.total)
        for partial in partials {
            for (position, item) in partial.items {
                guard position < origin.total, slots[position] == nil, partial.shard.contains(path: item.file.path) else {
                    throw context.stop(.failure, "the partial result of shard \(partial.shard) lists \(item.file.path) at place \(position + 1) of \(origin.total), which is not its own; run the shards again; nothing published")
                }
                slots[position] = item
            }
        }
        let items = slots.compactMap { $0 }
        guard items.count == origin.total else {
            throw context.stop(.failure, "the partial results cover \(items.count) of the run's \(origin.total) inputs; run the shards again; nothing published")
        }
        context.options.inputRoot = URL(fileURLWithPath: origin.inputRoot)
        context.options.asOf = origin.asOf
        return Gathered(partial: PartialResult(items: items, discoveryDiagnostics: partials[0].discoveryDiagnostics),
                        files: items.map(\.file), urls: urls)
    }

    /// Why `partial` does not belong with this merge and the partials before it; nil when it does.
    private func foreign(_ partial: PartialFile, shard: Shard, first: PartialFile.Origin?, context: RunContext) -> String? {
        let o = partial.origin
        if partial.shard != shard { return "is for shard \(partial.shard)" }
        if o.pipelineHash != context.pipeline.contentHash { return "was made from another version of the pipeline file" }
        if o.buildIdentity != CityPulseVersion.buildIdentity { return "was made by another build of citypulse (\(o.buildIdentity))" }
        if let asOf = context.options.asOf, asOf != o.asOf { return "is as of \(o.asOf), not the --as-of \(asOf) of the merge" }
        guard let first else { return nil }
        if o.asOf != first.asOf { return "is as of \(o.asOf), shard 1 as of \(first.asOf)" }
        if o.inputRoot != first.inputRoot { return "read the input root \(o.inputRoot), shard 1 read \(first.inputRoot)" }
        if o.listing != first.listing || o.total != first.total {
            return "saw another list of inputs than shard 1 (\(o.total) files against \(first.total)): the inputs changed between the shards"
        }
        return nil
    }
}
