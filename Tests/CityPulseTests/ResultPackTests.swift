@testable import CityPulse
import Foundation
import Testing

/// The cache's pack: records found through the index and after it, a torn end cut off, a stale or
/// damaged index costing a miss at most.
@Suite struct ResultPackTests {
    static func key(_ n: UInt8) -> ResultPack.Key { Array(repeating: n, count: 32) }
    static func entry(_ n: Int) -> [UInt8] { Array("entry \(n) ".utf8) + Array(repeating: UInt8(n), count: 100 * n) }

    static func folder() throws -> URL { try CSVTestSupport.temporaryFolder() }

    @Test func recordsAfterTheIndexAreFoundAndATornEndIsCutOff() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("results.pack")
        let pack = try #require(ResultPack(url: url, writable: true))
        try pack.append(Self.entry(1), key: Self.key(1))
        try pack.append(Self.entry(2), key: Self.key(2))
        pack.saveIndex()
        try pack.append(Self.entry(3), key: Self.key(3))
        try pack.append(Self.entry(4), key: Self.key(4))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)

        let reader = try #require(ResultPack(url: url, writable: false))
        #expect((1...4).map { reader.entry(Self.key(UInt8($0))) } == (1...4).map(Self.entry), "records after the index are read too")

        // A run killed while appending the fourth record.
        #expect(truncate(url.path, off_t(size - 5)) == 0)
        let torn = try #require(ResultPack(url: url, writable: false))
        #expect(torn.entry(Self.key(4)) == nil)
        #expect(torn.entry(Self.key(3)) == Self.entry(3))
        let writer = try #require(ResultPack(url: url, writable: true))
        try writer.append(Self.entry(5), key: Self.key(5))
        let after = try #require(ResultPack(url: url, writable: false))
        #expect(after.entry(Self.key(5)) == Self.entry(5), "the torn record was cut off before appending")
        #expect(Set(after.keys) == Set([1, 2, 3, 5].map(Self.key)))
    }

    @Test func aDamagedOrStaleIndexCostsAMissAtMost() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("results.pack")
        let pack = try #require(ResultPack(url: url, writable: true))
        for n in 1...3 { try pack.append(Self.entry(n), key: Self.key(UInt8(n))) }
        pack.saveIndex()

        // Garbage for an index: the records are found by their headers.
        try Data("not an index".utf8).write(to: pack.indexURL)
        let scanned = try #require(ResultPack(url: url, writable: false))
        #expect((1...3).map { scanned.entry(Self.key(UInt8($0))) } == (1...3).map(Self.entry))

        // The index of another pack, whose offsets point into these records: every lookup checks
        // the key at the record, so the answer is the right entry or none.
        let other = folder.appendingPathComponent("other.pack")
        let otherPack = try #require(ResultPack(url: other, writable: true))
        try otherPack.append(Self.entry(3), key: Self.key(1))
        try otherPack.append(Self.entry(1), key: Self.key(3))
        otherPack.saveIndex()
        try FileManager.default.removeItem(at: pack.indexURL)
        try FileManager.default.copyItem(at: otherPack.indexURL, to: pack.indexURL)
        let stale = try #require(ResultPack(url: url, writable: false))
        for n in 1...3 {
            let found = stale.entry(Self.key(UInt8(n)))
            #expect(found == nil || found == Self.entry(n), "key \(n)")
        }
    }

    /// The merge folds the shards' packs into the main pack and removes them.
    @Test func theShardsPacksAreFoldedIntoTheMainPack() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for k in 1...3 {
            let shard = RunCache(directory: folder, pipelineHash: "p", shard: Shard(index: k, count: 3))
            shard.store(FileResult(), contentHash: "h\(k)", source: "s")
            shard.save(keeping: [])
        }
        let merge = RunCache(directory: folder, pipelineHash: "p")
        #expect(merge.entryCount == 3, "a merge reads every shard's pack")
        merge.prune(keeping: Set((1...3).map { merge.key(contentHash: "h\($0)", source: "s") }))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pack") }
        #expect(names == [RunCache.mainPack])
        #expect(RunCache(directory: folder, pipelineHash: "p").entryCount == 3)
    }
}
