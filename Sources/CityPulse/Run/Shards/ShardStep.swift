/// For a sharded run (`--shard K/N`): keeps the discovered files whose path falls in the shard, with
/// their places in the whole input list, and what the partial will say it was made from.
struct ShardStep: RunStep {
    static let name = "shard"

    struct Selection: Sendable {
        /// The shard's files, in input order, and discovery's diagnostics.
        var discovery: DiscoverStep.Discovery
        /// The place of each of the shard's files in the whole input list.
        var positions: [Int]
        var origin: PartialFile.Origin
    }

    let shard: Shard

    func run(_ discovery: DiscoverStep.Discovery, in context: inout RunContext) async throws(RunStop) -> Selection {
        let positions = discovery.files.indices.filter { shard.contains(path: discovery.files[$0].path) }
        let origin = PartialFile.Origin(
            pipelineName: context.pipeline.name, pipelineHash: context.pipeline.contentHash, buildIdentity: CityPulseVersion.buildIdentity,
            asOf: context.asOf, inputRoot: context.options.inputRoot.standardizedFileURL.path,
            listing: PartialFile.listing(of: discovery.files), total: discovery.files.count)
        return Selection(discovery: .init(files: positions.map { discovery.files[$0] }, diagnostics: discovery.diagnostics),
                         positions: positions, origin: origin)
    }
}
