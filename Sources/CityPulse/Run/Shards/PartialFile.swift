import Foundation

/// What one shard of a run leaves for the merge: the shard's per-file results with their places in
/// the whole run's input list, and what they were made from (pipeline, tool build, as-of date, input
/// root, the list of every input), so that the merge can refuse partials that do not belong together.
///
/// Stored in the entry form of the cache (header, payload, length and CRC-32 trailer), written to a
/// temporary name and renamed, so a partial is whole or absent.
struct PartialFile: Sendable {
    /// What a partial was made from; partials merge only when all of this agrees.
    struct Origin: Sendable, Equatable {
        var pipelineName: String
        var pipelineHash: String
        var buildIdentity: String
        var asOf: Day
        /// The standardized input root.
        var inputRoot: String
        /// SHA-256 of the whole run's input list (path and source of every discovered file, in order).
        var listing: String
        /// How many inputs the whole run discovered.
        var total: Int
    }

    var origin: Origin
    var shard: Shard
    /// Each item with its position in the whole run's input list.
    var items: [(position: Int, item: PartialResult.Item)]
    var discoveryDiagnostics: [Diagnostic]

    static let magic: [UInt8] = Array("CPPRT\0".utf8)
    /// Raised whenever the layout changes.
    static let version: UInt16 = 1

    /// Where the partial of `shard` lives: beside the pipeline's output folder, under the output root.
    static func url(outputRoot: URL, directory: String, shard: Shard) -> URL {
        folder(outputRoot: outputRoot, directory: directory)
            .appendingPathComponent("\(shard.index)-of-\(shard.count).partial")
    }

    static func folder(outputRoot: URL, directory: String) -> URL {
        outputRoot.appendingPathComponent(".\(directory).shards")
    }

    /// The SHA-256 of the run's input list, which every shard of one run computes alike.
    static func listing(of files: [DiscoveredFile]) -> String {
        var bytes: [UInt8] = []
        for file in files {
            bytes += Array(file.path.utf8) + [0] + Array(file.source.id.utf8) + [0]
        }
        return RunCache.sha256(of: bytes)
    }

    func bytes() -> [UInt8] {
        FileResult.entryBytes(magic: Self.magic, version: Self.version) { w in
            w.writeString(origin.pipelineName)
            w.writeString(origin.pipelineHash)
            w.writeString(origin.buildIdentity)
            w.write(origin.asOf)
            w.writeString(origin.inputRoot)
            w.writeString(origin.listing)
            w.writeUnsigned(UInt64(origin.total))
            w.writeInt(shard.index)
            w.writeInt(shard.count)
            w.writeArray(discoveryDiagnostics) { $0.write($1) }
            w.writeArray(items) { w, entry in
                let (position, item) = entry
                w.writeUnsigned(UInt64(position))
                w.writeString(item.file.path)
                w.writeString(item.file.source.id)
                w.writeInt(item.file.size)
                w.writeSigned(item.file.modified)
                w.writeString(item.hash)
                w.writeBool(item.reused)
                // A table's rows all share the file and hash; they are stored once, as in the cache.
                var result = item.result
                RunCache.placeTable(of: &result, file: "", contentHash: "")
                w.write(result)
            }
        }
    }

    /// Reads a partial; the sources of its items are looked up in `pipeline` under `inputRoot`.
    /// Throws when the bytes are torn, damaged or of another version, or name a source the
    /// pipeline does not have.
    init(bytes: [UInt8], pipeline: PipelineDefinition) throws {
        let sources = Dictionary(pipeline.sources.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self = try bytes.withUnsafeBytes { raw in
            try FileResult.read(entry: raw, magic: Self.magic, version: Self.version) { r in
                let origin = Origin(
                    pipelineName: try r.readString(), pipelineHash: try r.readString(), buildIdentity: try r.readString(),
                    asOf: try r.readDay(), inputRoot: try r.readString(), listing: try r.readString(), total: try r.readNonNegative())
                let index = try r.readInt(), count = try r.readInt()
                guard let shard = Shard(index: index, count: count) else { throw r.failure("shard \(index)/\(count) is not a shard") }
                let diagnostics = try r.readArray { try $0.readDiagnostic() }
                let root = URL(fileURLWithPath: origin.inputRoot)
                let items = try r.readArray { r -> (Int, PartialResult.Item) in
                    let position = try r.readNonNegative()
                    let path = try r.readString()
                    let sourceID = try r.readString()
                    guard let source = sources[sourceID] else { throw r.failure("source '\(sourceID)' is not in the pipeline") }
                    let file = DiscoveredFile(path: path, url: root.appendingPathComponent(path), source: source,
                                              size: try r.readInt(), modified: try r.readSigned())
                    let hash = try r.readString()
                    let reused = try r.readBool()
                    var result = try r.readFileResult()
                    RunCache.placeTable(of: &result, file: path, contentHash: hash)
                    return (position, PartialResult.Item(file: file, hash: hash, reused: reused, result: result))
                }
                return PartialFile(origin: origin, shard: shard, items: items, discoveryDiagnostics: diagnostics)
            }
        }
    }

    init(origin: Origin, shard: Shard, items: [(position: Int, item: PartialResult.Item)], discoveryDiagnostics: [Diagnostic]) {
        self.origin = origin
        self.shard = shard
        self.items = items
        self.discoveryDiagnostics = discoveryDiagnostics
    }
}
