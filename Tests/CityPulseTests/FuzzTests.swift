@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// Hostile and broken input never crashes a stage. A seeded mutation fuzzer starts from the shared
/// corpus and runs for a bounded time in CI (`CITYPULSE_FUZZ_SECONDS`, default 20 per target; a crash
/// ends the test process, which is the failure). The seed is printed so a crash can be replayed with
/// `CITYPULSE_FUZZ_SEED`.
@Suite(.serialized) struct FuzzTests {
    static var seconds: Double { Double(ProcessInfo.processInfo.environment["CITYPULSE_FUZZ_SECONDS"] ?? "") ?? 20 }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["CITYPULSE_FUZZ_SEED"] ?? "") ?? 20_241_130 }

    /// SplitMix64: small, fast and the same on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    /// Tokens that matter to the parsers, spliced in by the mutator.
    static let dictionary: [[UInt8]] = [
        "<", ">", "</", "<!--", "-->", "<script>", "</script>", "<![CDATA[", "]]>", "&", "&#x", ";", "\"", "'", ",", "\r\n", "\r", "\n",
        "<div class=\"content\">", "<p>", "</p>", "<meta charset=\"big5\">", "<?xml version=\"1.0\" encoding=\"gb2312\"?>", "<!ENTITY x SYSTEM \"file:///etc/passwd\">",
        "&x;", "万", "亿", "十", "百分之", "以上", "%", "年", "月", "第", "周年", "条", "1+1>2", "—", "～", "-", ".", "0", "9",
        "数据库：", "指标：", "(万人)", "注：", "数据来源：", "2024年", "version: 1", "sources:", "- ", ": ", "{", "}", "[", "]", "&a", "*a",
    ].map { Array($0.utf8) } + [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                 [0xB4, 0xF3], [0xA1, 0x40], [0x81, 0x30, 0x81, 0x30], [0x00], [0xFF]]

    static func mutate(_ input: [UInt8], _ r: inout Random) -> [UInt8] {
        var b = input
        for _ in 0..<(1 + r.below(8)) {
            switch r.below(9) {
            case 0 where !b.isEmpty: b[r.below(b.count)] ^= UInt8(1 << r.below(8))
            case 1 where !b.isEmpty: b[r.below(b.count)] = UInt8(truncatingIfNeeded: r.next())
            case 2: b.insert(contentsOf: dictionary[r.below(dictionary.count)], at: r.below(b.count + 1))
            case 3 where !b.isEmpty:
                let start = r.below(b.count)
                b.removeSubrange(start..<min(b.count, start + 1 + r.below(64)))
            case 4 where !b.isEmpty: b.removeSubrange(r.below(b.count)...)
            case 5 where b.count > 2:
                let start = r.below(b.count), length = min(b.count - start, 1 + r.below(256))
                let chunk = Array(b[start..<(start + length)])
                b.insert(contentsOf: chunk, at: r.below(b.count + 1))
            case 6: b.insert(contentsOf: (0..<r.below(32)).map { _ in UInt8(truncatingIfNeeded: r.next()) }, at: r.below(b.count + 1))
            case 7 where !b.isEmpty:
                let token = dictionary[r.below(dictionary.count)]
                b.insert(contentsOf: Array(repeating: token, count: 1 + r.below(200)).flatMap { $0 }, at: r.below(b.count + 1))
            default: b.append(contentsOf: dictionary[r.below(dictionary.count)])
            }
        }
        return b
    }

    static func seeds(_ folder: String, _ extensions: [String]) throws -> [[UInt8]] {
        let dir = ProjectPaths.corpus.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            .filter { name in extensions.contains { name.hasSuffix($0) } }
            .map { try [UInt8](Data(contentsOf: dir.appendingPathComponent($0))) }
    }

    /// Runs `body` on mutations of the seeds until the time budget is spent; returns how many inputs were tried.
    @discardableResult
    static func fuzz(_ name: String, seeds: [[UInt8]], maxBytes: Int = 1 << 20, _ body: ([UInt8]) throws -> Void) rethrows -> Int {
        var r = Random(state: seed ^ UInt64(truncatingIfNeeded: name.hashValue & 0))
        for c in name.utf8 { r.state = r.state &* 31 &+ UInt64(c) }
        let deadline = Date().addingTimeInterval(seconds)
        var tried = 0
        for s in seeds { try body(s); tried += 1 }
        while Date() < deadline {
            let base = seeds[r.below(seeds.count)]
            var input = mutate(base, &r)
            if input.count > maxBytes { input.removeSubrange(maxBytes...) }
            try body(input)
            tried += 1
        }
        print("fuzz \(name): \(tried) inputs, seed \(seed)")
        return tried
    }

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) func pages() throws {
        let seeds = try Self.seeds("html", [".html"])
        let extractor = FactExtractor(pipeline: try TestRun.defaultPipeline())
        let n = Self.fuzz("html", seeds: seeds) { bytes in
            let (doc, _) = PageReader().read(bytes: bytes, path: "fuzz.html", sourceID: "f", contentHash: "")
            _ = extractor.extract(doc)
        }
        #expect(n > seeds.count)
    }

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) func feeds() throws {
        let seeds = try Self.seeds("html", [".xml"]) + [Array(try Data(contentsOf: ProjectPaths.root.appendingPathComponent("Input/releases/hohhot-press-feed.xml")))]
        let extractor = FactExtractor(pipeline: try TestRun.defaultPipeline())
        let n = Self.fuzz("rss", seeds: seeds) { bytes in
            let (documents, _) = FeedReader().read(bytes: bytes, path: "fuzz.xml", sourceID: "f", contentHash: "")
            for document in documents {
                #expect(document.path.hasPrefix("fuzz.xml#"))
                _ = extractor.extract(document)
            }
        }
        #expect(n > seeds.count)
    }

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) func csvFiles() throws {
        let pipeline = try TestRun.defaultPipeline()
        let seeds = try Self.seeds("csv", [".csv"]) + [
            Array(try Data(contentsOf: ProjectPaths.root.appendingPathComponent("Input/stats/hohhot_graduate_retention_log.csv"))),
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-fuzz-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let extractor = CSVExtractor(pipeline: pipeline)
        let sources = pipeline.sources.filter { $0.kind == .csv }
        var r = Random(state: Self.seed)
        let n = try Self.fuzz("csv", seeds: seeds) { bytes in
            try Data(bytes).write(to: url)
            let source = sources[r.below(sources.count)]
            let t = extractor.extract(url: url, path: "fuzz.csv", contentHash: "", source: source)
            #expect(t.rowsRead == t.rowsUsed + t.rowsRejected + t.rowsFiltered)
        }
        #expect(n > seeds.count)
    }

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus), .enabled(if: ProjectPaths.hasSeed, ProjectPaths.noSeed)) func numerals() throws {
        let texts = try Self.seeds("numerals", [".json"]) + [Array(try Data(contentsOf: ProjectPaths.shared.appendingPathComponent("seed/hohhot-youth-city-2024.txt")))]
        let scanner = QuantityScanner()
        let n = Self.fuzz("numerals", seeds: texts, maxBytes: 64 << 10) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            for q in scanner.scan(text) {
                #expect(q.start >= 0 && q.start <= q.end && q.end <= text.unicodeScalars.count)
            }
        }
        #expect(n > texts.count)
    }

    @Test func pipelineFiles() throws {
        let seeds = [Array(try Data(contentsOf: ProjectPaths.root.appendingPathComponent("Pipelines/hohhot-youth.yml")))]
        let n = Self.fuzz("pipeline", seeds: seeds) { bytes in
            _ = try? PipelineLoader().load(data: Data(bytes), path: "fuzz.yml")
        }
        #expect(n > 1)
    }

    // MARK: - Shapes no mutation reaches

    @Test func emptyGarbageAndTruncatedInputs() throws {
        var r = Random(state: Self.seed)
        let garbage = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: r.next()) }
        let seed = Array(try Data(contentsOf: ProjectPaths.root.appendingPathComponent("Input/releases/hohhot-youth-city-2024.html")))
        for input in [[], garbage, Array(seed.prefix(seed.count / 3)), [0xEF, 0xBB, 0xBF], Array("<".utf8)] {
            let (doc, _) = PageReader().read(bytes: input, path: "x.html", sourceID: "f", contentHash: "")
            #expect(doc.path == "x.html")
            _ = FeedReader().read(bytes: input, path: "x.xml", sourceID: "f", contentHash: "")
            _ = QuantityScanner().scan(String(decoding: input, as: UTF8.self))
        }
    }

    @Test func deeplyNestedMarkup() {
        let depth = 100_000
        let page = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>今年计划新增创业载体10家。</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let (doc, _) = PageReader().read(bytes: Array(page.utf8), path: "deep.html", sourceID: "f", contentHash: "")
        #expect(doc.path == "deep.html")
        let xml = "<rss><channel>" + String(repeating: "<item>", count: depth) + String(repeating: "</item>", count: depth) + "</channel></rss>"
        _ = FeedReader().read(bytes: Array(xml.utf8), path: "deep.xml", sourceID: "f", contentHash: "")
    }

    @Test func fiftyMegabyteSingleLines() throws {
        let line = [UInt8](repeating: UInt8(ascii: "9"), count: 50 << 20)
        let (doc, _) = PageReader().read(bytes: Array("<p>".utf8) + line + Array("</p>".utf8), path: "long.html", sourceID: "f", contentHash: "")
        #expect(doc.path == "long.html")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-long-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Array("日期,区县,学历,类别,人数\n2024-05,赛罕区,本科,留呼登记,".utf8) + line + [10]).write(to: url)
        let pipeline = try TestRun.defaultPipeline()
        let source = pipeline.sources.first { $0.id == "retention-log" }!
        let t = CSVExtractor(pipeline: pipeline).extract(url: url, path: "long.csv", contentHash: "", source: source)
        #expect(t.rowsRead == 1 && t.rowsRejected == 1)
        _ = QuantityScanner().scan(String(repeating: "九", count: 1 << 20))
    }

    @Test func invalidUTF8AtEveryPosition() {
        let text = Array("<p>今年计划引进高层次创新人才100名以上。</p>".utf8)
        for i in 0...text.count {
            for bad: [UInt8] in [[0xFF], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80]] {
                var b = text
                b.insert(contentsOf: bad, at: i)
                let (doc, _) = PageReader().read(bytes: b, path: "u.html", sourceID: "f", contentHash: "")
                _ = QuantityScanner().scan(doc.text)
                _ = NormalizedText(doc.text)
            }
        }
    }
}
