import Crypto
import Foundation

/// Results of earlier runs, so unchanged inputs are not decoded, parsed or extracted again.
///
/// Content hashes are recomputed only for files whose size or modification time changed (stat-based
/// change detection); results are keyed by content hash, source, pipeline definition and tool version.
public final class RunCache: @unchecked Sendable {
    struct StatEntry: Codable { var size: Int; var modified: Int64; var sha256: String }

    public let directory: URL
    private let pipelineHash: String
    /// The stat index's file name: each shard of a sharded run keeps its own, as its runs may overlap.
    private let statIndexName: String
    private var index: [String: StatEntry] = [:]
    private let lock = NSLock()
    /// The pack this run appends its results to: `results.pack`, or a shard's own. Opened to read
    /// when it exists, and again to append at the first result stored (a dry run writes nothing).
    private var ownPack: ResultPack?
    private var ownPackWritable = false
    private let ownPackURL: URL
    /// The other packs in the folder (the shards' of a sharded run, or the whole run's for a shard),
    /// read but never written.
    private let otherPacks: [ResultPack]

    public init(directory: URL, pipelineHash: String, shard: Shard? = nil) {
        self.directory = directory
        self.pipelineHash = pipelineHash
        statIndexName = shard.map { "index-\($0.index)-of-\($0.count).bin" } ?? Self.indexName
        if let bytes = try? POSIXFile.read(directory.appendingPathComponent(statIndexName).path),
           let decoded = try? bytes.withUnsafeBytes({ try Self.readIndex($0) }) {
            index = decoded
        }
        let own = shard.map { "results-\($0.index)-of-\($0.count).pack" } ?? Self.mainPack
        ownPackURL = directory.appendingPathComponent(own)
        ownPack = ResultPack(url: ownPackURL, writable: false)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        otherPacks = names.filter { $0.hasPrefix("results") && $0.hasSuffix(".pack") && $0 != own }.sorted()
            .compactMap { ResultPack(url: directory.appendingPathComponent($0), writable: false) }
    }

    /// The pack of unsharded runs and merges, which alone prune the cache.
    static let mainPack = "results.pack"

    /// The own pack, opened to append (and created) the first time it is asked for.
    private func writablePack() -> ResultPack? {
        lock.lock()
        defer { lock.unlock() }
        if !ownPackWritable {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            ownPack = ResultPack(url: ownPackURL, writable: true)
            ownPackWritable = true
        }
        return ownPack
    }

    /// Every pack, the own one first.
    private var packs: [ResultPack] {
        lock.lock()
        defer { lock.unlock() }
        return [ownPack].compactMap { $0 } + otherPacks
    }

    /// How many result entries the cache holds.
    var entryCount: Int { Set(packs.flatMap(\.keys)).count }

    /// The stat index: path → size, modification time and content hash, in the entry form of results
    /// (a torn or damaged index reads as empty, and every file is hashed again).
    static let indexName = "index.bin"
    static let indexMagic: [UInt8] = Array("CPIDX\0".utf8)

    static func indexBytes(_ index: [String: StatEntry]) -> [UInt8] {
        FileResult.entryBytes(magic: indexMagic, version: 1) { w in
            w.writeArray(index.keys.sorted()) { w, path in
                let e = index[path]!
                w.writeString(path)
                w.writeInt(e.size)
                w.writeSigned(e.modified)
                w.writeString(e.sha256)
            }
        }
    }

    static func readIndex(_ raw: UnsafeRawBufferPointer) throws -> [String: StatEntry] {
        try FileResult.read(entry: raw, magic: indexMagic, version: 1) { r in
            let count = try r.readCount()
            var index: [String: StatEntry] = [:]
            index.reserveCapacity(count)
            for _ in 0..<count {
                let path = try r.readString()
                index[path] = StatEntry(size: try r.readInt(), modified: try r.readSigned(), sha256: try r.readString())
            }
            return index
        }
    }

    /// The content hash the index holds for a file whose size and time are unchanged.
    public func indexedHash(of file: DiscoveredFile) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let known = index[file.path], known.size == file.size, known.modified == file.modified else { return nil }
        return known.sha256
    }

    /// Records the hash of bytes already read, so the file is not read a second time to hash it.
    public func record(_ file: DiscoveredFile, bytes: [UInt8]) -> String {
        remember(file, hash: Self.sha256(of: bytes))
    }

    /// The content hash of a file: from the index when size and time are unchanged, else computed.
    public func contentHash(of file: DiscoveredFile) throws -> (hash: String, fromIndex: Bool) {
        if let known = indexedHash(of: file) { return (known, true) }
        return (remember(file, hash: try Self.sha256(of: file.url)), false)
    }

    private func remember(_ file: DiscoveredFile, hash: String) -> String {
        lock.lock()
        index[file.path] = StatEntry(size: file.size, modified: file.modified, sha256: hash)
        lock.unlock()
        return hash
    }

    /// SHA-256 of a file, read in 1 MiB chunks so memory stays flat.
    public static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return Hex.string(hasher.finalize())
    }

    /// SHA-256 of bytes in memory.
    public static func sha256(of bytes: [UInt8]) -> String {
        Hex.sha256(bytes)
    }

    /// The key of a result: SHA-256 of the content hash, the source, the pipeline definition and the
    /// tool's build, so a result is never reused across any of them.
    func key(contentHash: String, source: String) -> ResultPack.Key {
        let text = [contentHash, source, pipelineHash, CityPulseVersion.buildIdentity].joined(separator: "|")
        return Array(SHA256.hash(data: Array(text.utf8)))
    }

    /// The result stored for this content and source. `path`, when given, is the file the result is for
    /// now: a table's sources and rejects are kept without their file and hash (every row of a table
    /// has the same ones, and they are most of its size) and get them back from here.
    public func result(contentHash: String, source: String, path: String? = nil) -> FileResult? {
        let key = key(contentHash: contentHash, source: source)
        guard let bytes = packs.lazy.compactMap({ $0.entry(key) }).first,
              var result = try? FileResult(entry: bytes) else { return nil }
        if result.table != nil {
            guard let path else { return result }
            Self.placeTable(of: &result, file: path, contentHash: contentHash)
        }
        return result
    }

    /// Sets the file and hash of a table's sources and rejects (empty strings in the stored form).
    static func placeTable(of result: inout FileResult, file: String, contentHash: String) {
        guard var table = result.table else { return }
        // Taken out of the result first, so the facts and their sources are changed in place, not copied.
        result.table = nil
        for f in table.facts.indices {
            for s in table.facts[f].sources.indices {
                table.facts[f].sources[s].file = file
                table.facts[f].sources[s].contentHash = contentHash
            }
        }
        for r in table.rejects.indices { table.rejects[r].file = file }
        result.table = table
    }

    private let writer = DispatchQueue(label: "citypulse.cache-writer", qos: .utility)
    private let pendingWrites = DispatchGroup()

    /// Keeps one file's result. Encoded and appended to the pack on a queue of its own, so the workers
    /// go on to the next file; `flush` waits for every write. Not flushed to the disk: a record lost or
    /// torn by a crash reads as missing, and the file is read again.
    public func store(_ result: FileResult, contentHash: String, source: String) {
        guard let pack = writablePack() else { return }
        let key = key(contentHash: contentHash, source: source)
        writer.async(group: pendingWrites) {
            var stored = result
            Self.placeTable(of: &stored, file: "", contentHash: "")
            try? pack.append(stored.entryBytes(), key: key)
        }
    }

    /// Waits until every stored result is on disk.
    public func flush() {
        pendingWrites.wait()
    }

    /// The summary and output list of the last publish, for republishing when nothing changed.
    public struct LastPublish: Codable, Sendable {
        public var summary: RunSummary
        public var outputs: [Manifest.Output]
    }

    private var lastPublishURL: URL { directory.appendingPathComponent("last-publish.json") }

    /// Whether a publish has been recorded.
    public var hasLastPublish: Bool { FileManager.default.fileExists(atPath: lastPublishURL.path) }

    /// The last publish when its summary carries `fingerprint`; a file without it is not decoded.
    public func lastPublish(withFingerprint fingerprint: String) -> LastPublish? {
        guard !fingerprint.isEmpty, let bytes = try? POSIXFile.read(lastPublishURL.path),
              bytes.withUnsafeBufferPointer({ UTF8Search.first(Array(fingerprint.utf8), in: $0) }) != nil,
              let last = try? JSONDecoder().decode(LastPublish.self, from: Data(bytes)),
              last.summary.fingerprint == fingerprint
        else { return nil }
        return last
    }

    /// Records a publish. Its inputs are left out: a republish lists the inputs it finds then, and in
    /// a large run they are half the record.
    public func storeLastPublish(summary: RunSummary, outputs: [Manifest.Output]) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var summary = summary
        summary.inputs = []
        guard let data = try? JSONEncoder().encode(LastPublish(summary: summary, outputs: outputs)) else { return }
        Self.writeAtomically([UInt8](data), to: lastPublishURL)
    }

    /// Saves the stat index, forgetting files that are gone.
    public func save(keeping paths: Set<String>) {
        flush()
        lock.lock()
        index = index.filter { paths.contains($0.key) }
        let snapshot = index
        lock.unlock()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        Self.writeAtomically(Self.indexBytes(snapshot), to: directory.appendingPathComponent(statIndexName))
        writablePack()?.saveIndex()
    }

    /// Removes the result entries no current input refers to: entries of files that are gone or
    /// changed, and every entry of an earlier build of the tool (its identity is part of each key), so
    /// the cache holds one entry per input and source after a publish. The shards' packs are folded
    /// into the main pack, which is rewritten whenever more than half of it is dead; otherwise dead
    /// records are only dropped from its index. Returns how many entries went.
    @discardableResult
    public func prune(keeping live: Set<ResultPack.Key>) -> Int {
        flush()
        // The one-file-per-entry folder of earlier versions holds nothing a current key finds.
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("results"))
        guard let pack = writablePack() else { return 0 }
        let all = Set(packs.flatMap(\.keys))
        let removed = all.subtracting(live).count
        let (liveBytes, allBytes) = pack.sizes(live: live)
        if otherPacks.isEmpty && liveBytes * 2 >= allBytes {
            _ = pack.forget(keeping: live)
            pack.saveIndex()
            return removed
        }
        guard (try? ResultPack.compact([pack] + otherPacks, keeping: live, into: pack.url)) != nil else { return 0 }
        for other in otherPacks {
            unlink(other.url.path)
            unlink(other.indexURL.path)
        }
        return removed
    }

    /// Write to a temporary name and rename, so a killed run never leaves a torn cache entry; a cache
    /// file that cannot be written is only a miss next time.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) {
        try? POSIXFile.writeAtomically(bytes, to: url.path)
    }
}
