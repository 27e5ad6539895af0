/// After a publish: saves the cache's stat index, removes the result entries no published input
/// refers to (so the cache stays the size of the current inputs' results), and records the publish
/// so that an unchanged rerun can carry its outputs over.
struct RememberStep: RunStep {
    static let name = "remember"

    struct Input: Sendable {
        var files: [DiscoveredFile]
        var manifest: Manifest
    }

    func run(_ input: Input, in context: inout RunContext) async throws(RunStop) {
        let cache = context.cache
        let inputs = input.manifest.summary.inputs
        cache.save(keeping: Set(input.files.map(\.path)))
        // One entry per file and source: a file two sources read has a result for each.
        let hashes = Dictionary(inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        cache.prune(keeping: Set(input.files.compactMap { file in
            hashes[file.path].flatMap { $0.isEmpty ? nil : cache.key(contentHash: $0, source: file.source.id) }
        }))
        if !input.manifest.summary.fingerprint.isEmpty && !inputs.contains(where: { $0.sha256.isEmpty }) {
            cache.storeLastPublish(summary: input.manifest.summary, outputs: input.manifest.outputs)
        }
    }
}
