@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// The binary form of the run cache's entries: every field comes back equal, and a torn, damaged or
/// foreign entry is refused (read as missing), never a crash.
@Suite struct CacheFormatTests {
    static let day = Day(year: 2024, month: 2, day: 29)!

    /// A page's result and a table's, with every optional set on one value and left nil on another.
    static func populated() -> FileResult {
        let text = Provenance(
            file: "releases/呼和浩特.html", contentHash: "abc123", published: day, title: "青年友好型城市 🏙️",
            url: "https://example.org/新闻?id=1&x=é", sentence: "全市累计引进人才约1.5万人，同比增长12%。",
            spanInSentence: 8..<13, offsets: 120..<125, line: 7, column: "人数")
        let bare = Provenance(file: "b.html", contentHash: "")
        let documents = [
            Document(path: "releases/a.html", sourceID: "pages", contentHash: "h1", encoding: "GB18030 (meta charset)",
                     title: "标题", published: day, site: "呼和浩特市人民政府", author: "作者", editor: "编辑",
                     url: "https://example.org/a", isArticle: true, text: "正文\n第二段"),
            Document(path: "feed.xml#3", sourceID: "feeds", contentHash: "h2", encoding: "UTF-8", isArticle: false, text: ""),
        ]
        let facts = [
            Fact(metric: "talent_intake", kind: .achievement, value: ExactDecimal("1.5")!.multiplied(by: ExactDecimal(10_000))!,
                 lower: ExactDecimal("-0.05")!, upper: ExactDecimal(significand: .max, exponent: 3), qualifier: .atLeast,
                 unit: "人", unitAsWritten: "万人", period: Period(start: Day(year: 2023, month: 1, day: 1)!, end: day),
                 region: "hohhot", dimensions: ["学历": "本科", "a": "", "性别": "女"], sources: [text, bare]),
            Fact(metric: "m", kind: .target, value: .zero, unit: "", unitAsWritten: "", period: nil, region: nil, sources: []),
        ]
        let diagnostics = [
            Diagnostic(.warning, stage: "parse", file: "releases/a.html", line: 12, column: 0, "unclosed <p>"),
            Diagnostic(.note, stage: "extract", file: "a.html", "no main text"),
            Diagnostic(.error, stage: "decode", file: "x", line: -1, "负数行"),
        ]
        let table = CSVExtraction(
            facts: [Fact(metric: "graduate_retention", kind: .observation, value: ExactDecimal(3), unit: "人", unitAsWritten: "(人)",
                         period: .month(2024, 5), region: "saihan", dimensions: ["类别": "本科"],
                         sources: [Provenance(file: "", contentHash: "", title: "大学生留呼", line: 2, column: "人数")])],
            rejects: [Reject(file: "", line: 5, column: "3", reason: "not a number", excerpt: "x,,\"y\""),
                      Reject(file: "", line: 6, reason: "too few cells", excerpt: "")],
            rowsRead: 4, rowsUsed: 2, rowsRejected: 2, rowsFiltered: 0, encoding: "GBK", notes: ["数据来源：国家统计局", "注：…"],
            diagnostics: [Diagnostic(.warning, stage: "csv", file: "s.csv", line: 3, "short row")],
            rejectsTotal: 1234, rowCounts: [1, 0, 987_654_321], metadata: ["数据库": "分省年度数据", "指标": "地区生产总值"], delimiter: "\t")
        return FileResult(documents: documents, facts: facts, diagnostics: diagnostics, table: table)
    }

    static func entry(version: UInt16 = FileResult.entryVersion, _ payload: (inout BinaryWriter) -> Void) -> [UInt8] {
        FileResult.entryBytes(version: version, payload)
    }

    @Test func everyFieldComesBackEqual() throws {
        let result = Self.populated()
        let bytes = result.entryBytes()
        #expect(try FileResult(entry: bytes) == result)
        #expect(result.entryBytes() == bytes, "the same result always gives the same bytes")
        #expect(try FileResult(entry: FileResult().entryBytes()) == FileResult())
        var noTable = result
        noTable.table = nil
        #expect(try FileResult(entry: noTable.entryBytes()) == noTable)
    }

    @Test(arguments: ["呼和浩特市", "🧑‍🎓👩🏽‍💻🇨🇳", "e\u{301}", "\u{E9}", "a\u{0}b", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", String(repeating: "长", count: 50)])
    func textKeepsItsExactScalars(_ text: String) throws {
        let fact = Fact(metric: text, kind: .target, value: .zero, unit: text, unitAsWritten: text, period: nil, region: text,
                        dimensions: [text: text], sources: [Provenance(file: text, contentHash: text, sentence: text)])
        let result = FileResult(facts: [fact], diagnostics: [Diagnostic(.note, stage: text, file: text, .init(text))])
        let back = try FileResult(entry: result.entryBytes())
        try #require(back == result)
        // String equality is canonical equivalence: compare the bytes too, so é never turns into e + ◌́.
        #expect(back.facts[0].metric.utf8.elementsEqual(text.utf8))
        #expect(back.facts[0].sources[0].sentence?.utf8.elementsEqual(text.utf8) == true)
        #expect(back.facts[0].dimensions.first.map { $0.key.utf8.elementsEqual(text.utf8) && $0.value.utf8.elementsEqual(text.utf8) } == true)
        #expect(back.diagnostics[0].message.utf8.elementsEqual(text.utf8))
    }

    @Test func emptyCollectionsStayEmpty() throws {
        let table = CSVExtraction(facts: [], rejects: [], rowsRead: 0, rowsUsed: 0, rowsRejected: 0, rowsFiltered: 0,
                                  encoding: "", notes: [], diagnostics: [], delimiter: "")
        let result = FileResult(documents: [], facts: [], diagnostics: [], table: table)
        #expect(try FileResult(entry: result.entryBytes()) == result)
    }

    @Test func extremeNumbersComeBackExact() throws {
        let values = [Int.min, Int.max, -1, 0, 1, 63, 64, -64, -65, 1 << 35]
        let sources = values.map { Provenance(file: "", contentHash: "", spanInSentence: $0..<$0, offsets: Int.min..<$0, line: $0) }
        let decimals = [ExactDecimal(significand: .min), ExactDecimal(significand: .max, exponent: 7),
                        ExactDecimal(significand: 1, exponent: -30), ExactDecimal("-123.456")!]
        let facts = decimals.map { Fact(metric: "m", kind: .observation, value: $0, lower: $0, upper: $0, unit: "", unitAsWritten: "",
                                        period: nil, region: nil, sources: sources) }
        let result = FileResult(facts: facts)
        let back = try FileResult(entry: result.entryBytes())
        #expect(back == result)
        #expect(back.facts.map(\.value.description) == decimals.map(\.description))
    }

    @Test func everyTruncationIsRefused() throws {
        let bytes = Self.populated().entryBytes()
        for n in 0..<bytes.count {
            #expect(throws: (any Error).self, "prefix of \(n) bytes") { try FileResult(entry: Array(bytes[..<n])) }
        }
        #expect(throws: (any Error).self) { try FileResult(entry: bytes + [0]) }
    }

    @Test func everyFlippedByteIsDetected() throws {
        let bytes = Self.populated().entryBytes()
        for i in bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[i] ^= mask
                #expect(throws: (any Error).self, "byte \(i) ^ \(mask)") { try FileResult(entry: damaged) }
            }
        }
    }

    /// Damage that the checksum does not catch (the trailer rewritten to match) still never crashes
    /// the reader: every payload byte set to values that break varints, counts, flags and strings.
    @Test func damagedPayloadsWithAValidChecksumNeverCrash() throws {
        var writer = BinaryWriter()
        writer.write(Self.populated())
        let payload = writer.bytes
        var refused = 0
        for i in payload.indices {
            for value: UInt8 in [0x00, 0x01, 0x02, 0x7F, 0x80, 0xC0, 0xFF, payload[i] ^ 0x40] {
                var damaged = payload
                damaged[i] = value
                if (try? FileResult(entry: Self.entry { $0.writeBytes(damaged) })) == nil { refused += 1 }
            }
        }
        #expect(refused > 0)
        // A payload that stops early or runs on is refused even with a valid checksum.
        #expect(throws: (any Error).self) { try FileResult(entry: Self.entry { $0.writeBytes(payload.dropLast()) }) }
        #expect(throws: (any Error).self) { try FileResult(entry: Self.entry { $0.writeBytes(payload + [0]) }) }
    }

    @Test func theReaderRefusesImpossibleValues() throws {
        func read(_ bytes: [UInt8], _ body: (inout BinaryReader) throws -> Void) throws {
            try BinaryReader.read(bytes) { try body(&$0) }
        }
        #expect(throws: BinaryReadError.self) { try read(Array(repeating: 0xFF, count: 10) + [0x01]) { _ = try $0.readUnsigned() } }
        #expect(throws: BinaryReadError.self) { try read(Array(repeating: 0xFF, count: 9) + [0x02]) { _ = try $0.readUnsigned() } }
        #expect(throws: BinaryReadError.self) { try read([0x80]) { _ = try $0.readUnsigned() } }
        #expect(throws: BinaryReadError.self) { try read([0x05, 0x61]) { _ = try $0.readString() } }
        #expect(throws: BinaryReadError.self) { try read([0x02, 0xC3, 0x28]) { _ = try $0.readString() } }
        #expect(throws: BinaryReadError.self) { try read([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) { _ = try $0.readStrings() } }
        #expect(throws: BinaryReadError.self) { try read([0x02]) { _ = try $0.readBool() } }
        #expect(throws: BinaryReadError.self) { try read([0x04, 0x02]) { _ = try $0.readRange() } }
        #expect(throws: BinaryReadError.self) { try read([0x03]) { _ = try $0.readCase(of: Fact.Kind.self) } }
        #expect(throws: BinaryReadError.self) { try read([0x14, 0x01]) { _ = try $0.readDecimal() } }
        #expect(throws: BinaryReadError.self) { try read([0x02, 0x01, 0x61, 0x00, 0x01, 0x61, 0x00]) { _ = try $0.readStringDictionary() } }
        #expect(throws: BinaryReadError.self) { try read([0x01, 0x02]) { _ = try $0.readFixed(UInt32.self) } }

        var w = BinaryWriter()
        for v in [Int.min, -1, 0, 1, Int.max] { w.writeInt(v) }
        w.writeUnsigned(.max)
        let back = try BinaryReader.read(w.bytes) { r in
            (try (0..<5).map { _ in try r.readInt() }, try r.readUnsigned(), r.isAtEnd)
        }
        #expect(back.0 == [Int.min, -1, 0, 1, Int.max] && back.1 == .max && back.2)
    }

    @Test func anotherVersionIsAMiss() throws {
        let result = Self.populated()
        #expect(throws: BinaryReadError.self) { try FileResult(entry: Self.entry(version: FileResult.entryVersion + 1) { $0.write(result) }) }
        #expect(throws: BinaryReadError.self) { try FileResult(entry: Array("{\"documents\":[]}".utf8)) }

        // Through the cache: the entry rewritten in the next version's layout, checksum and all, is not used.
        let (cache, folder, pack) = try RunCacheTests.cacheWithOneTable(file: "a.csv", hash: "h")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(cache.result(contentHash: "h", source: "log", path: "a.csv") != nil)
        let key = cache.key(contentHash: "h", source: "log")
        let stored = try FileResult(entry: try #require(ResultPack(url: pack, writable: false)?.entry(key)))
        try FileManager.default.removeItem(at: pack)
        try #require(ResultPack(url: pack, writable: true)).append(Self.entry(version: FileResult.entryVersion + 1) { $0.write(stored) }, key: key)
        #expect(RunCache(directory: folder, pipelineHash: "p").result(contentHash: "h", source: "log", path: "a.csv") == nil)
    }
}
