@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// The cache keeps a table's results without their file and hash and puts back the ones of the file
/// being read, so the same content under two names is credited to each name.
@Suite struct RunCacheTests {
    static func table(file: String, hash: String) -> FileResult {
        let sources = (2...4).map { Provenance(file: file, contentHash: hash, title: "大学生留呼", line: $0, column: "人数") }
        let fact = Fact(metric: "graduate_retention", kind: .observation, value: ExactDecimal(3), unit: "人", unitAsWritten: "人",
                        period: nil, region: "saihan", sources: sources)
        let table = CSVExtraction(facts: [fact], rejects: [Reject(file: file, line: 5, reason: "not a number", excerpt: "x")],
                                  rowsRead: 4, rowsUsed: 3, rowsRejected: 1, rowsFiltered: 0, encoding: "UTF-8", notes: [], diagnostics: [])
        return FileResult(table: table)
    }

    /// A cache in a fresh folder holding one table stored for `file` with content hash `hash`, and
    /// the pack its entry was appended to.
    static func cacheWithOneTable(file: String, hash: String) throws -> (cache: RunCache, folder: URL, entry: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-cache-\(UUID().uuidString)")
        let cache = RunCache(directory: folder, pipelineHash: "p")
        cache.store(Self.table(file: file, hash: hash), contentHash: hash, source: "log")
        cache.flush()
        return (cache, folder, folder.appendingPathComponent(RunCache.mainPack))
    }

    @Test func tablesComeBackWithTheFileTheyAreReadFor() throws {
        let (cache, folder, entry) = try Self.cacheWithOneTable(file: "stats/a.csv", hash: "h1")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try [UInt8](Data(contentsOf: entry)).firstRange(of: Array("stats/a.csv".utf8)) == nil, "the stored form leaves the file out")

        let same = cache.result(contentHash: "h1", source: "log", path: "stats/a.csv")
        #expect(same?.table == Self.table(file: "stats/a.csv", hash: "h1").table)
        let copy = cache.result(contentHash: "h1", source: "log", path: "stats/copy-of-a.csv")
        #expect(copy?.table == Self.table(file: "stats/copy-of-a.csv", hash: "h1").table)
        #expect(cache.result(contentHash: "h2", source: "log", path: "stats/a.csv") == nil)
    }

    @Test func aTornEntryIsAMiss() throws {
        let (cache, folder, entry) = try Self.cacheWithOneTable(file: "a.csv", hash: "h")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(cache.result(contentHash: "h", source: "log", path: "a.csv") != nil)
        let bytes = try Data(contentsOf: entry)
        try bytes.prefix(bytes.count - 1).write(to: entry)
        #expect(cache.result(contentHash: "h", source: "log", path: "a.csv") == nil)
        #expect(RunCache(directory: folder, pipelineHash: "p").result(contentHash: "h", source: "log", path: "a.csv") == nil,
                "a cache opened again does not find the torn record either")
    }

    /// A flipped byte inside a stored entry fails the entry's checksum: a miss, never a wrong result.
    @Test func aDamagedEntryIsAMiss() throws {
        let (_, folder, entry) = try Self.cacheWithOneTable(file: "a.csv", hash: "h")
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes = try [UInt8](Data(contentsOf: entry))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: entry)
        #expect(RunCache(directory: folder, pipelineHash: "p").result(contentHash: "h", source: "log", path: "a.csv") == nil)
    }
}
