import Foundation

/// The end of a sharded run: writes the shard's partial result beside the output folder (to a
/// temporary name, synced, then renamed, so a merge sees it whole or not at all) and saves the
/// shard's stat index. Publishes nothing: `citypulse merge` does, once every shard has run.
struct StorePartialStep: RunStep {
    static let name = "store"

    struct Input: Sendable {
        var selection: ShardStep.Selection
        var partial: PartialResult
    }

    let shard: Shard

    func run(_ input: Input, in context: inout RunContext) async throws(RunStop) -> URL {
        let url = PartialFile.url(outputRoot: context.options.outputRoot, directory: context.pipeline.outputs.directory, shard: shard)
        let file = PartialFile(origin: input.selection.origin, shard: shard,
                               items: Array(zip(input.selection.positions, input.partial.items)).map { (position: $0.0, item: $0.1) },
                               discoveryDiagnostics: input.partial.discoveryDiagnostics)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try POSIXFile.writeAtomically(file.bytes(), to: url.path)
        } catch {
            throw context.stop(.failure, "cannot write the partial result \(url.path): \(error.localizedDescription)")
        }
        context.cache.save(keeping: Set(input.selection.discovery.files.map(\.path)))
        return url
    }
}
