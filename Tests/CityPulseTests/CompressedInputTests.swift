@testable import CityPulse
import Foundation
import Testing

/// Gzip-compressed pages are read like plain ones; bombs, broken archives and compressed CSV are refused
/// with a diagnostic.
@Suite struct CompressedInputTests {
    static let seedPage = ProjectPaths.root.appendingPathComponent("Input/releases/hohhot-youth-city-2024.html")

    static func file(_ name: String, bytes: [UInt8], kind: SourceDefinition.Kind) throws -> (DiscoveredFile, PipelineDefinition) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        let pipeline = try TestRun.defaultPipeline()
        let source = pipeline.sources.first { $0.kind == kind }!
        return (DiscoveredFile(path: name, url: url, source: source, size: bytes.count, modified: 0), pipeline)
    }

    @Test func compressedPageGivesTheSameFactsAsThePlainOne() throws {
        let plain = [UInt8](try Data(contentsOf: Self.seedPage))
        let (gz, pipeline) = try Self.file("seed.html.gz", bytes: try Gzip.compress(plain), kind: .html)
        let (html, _) = try Self.file("seed.html", bytes: plain, kind: .html)
        let processor = FileProcessor(pipeline: pipeline)
        let a = processor.process(gz, contentHash: "h")
        let b = processor.process(html, contentHash: "h")
        #expect(!a.facts.isEmpty)
        #expect(a.facts.map(\.value) == b.facts.map(\.value))
        #expect(a.documents.first?.title == b.documents.first?.title)
    }

    @Test func bombIsRefusedAtTheLimit() throws {
        let zeros = [UInt8](repeating: 0x20, count: 8 << 20)
        let (file, pipeline) = try Self.file("bomb.html.gz", bytes: try Gzip.compress(zeros), kind: .html)
        var processor = FileProcessor(pipeline: pipeline)
        processor.maxDocumentBytes = 1 << 20
        let r = processor.process(file, contentHash: "h")
        #expect(r.documents.isEmpty)
        #expect(r.diagnostics.contains { $0.severity == .error && $0.message.contains("unpacks to more than the 1048576-byte limit") })
    }

    @Test func truncatedArchiveIsADiagnostic() throws {
        let packed = try Gzip.compress([UInt8](try Data(contentsOf: Self.seedPage)))
        let (file, pipeline) = try Self.file("cut.html.gz", bytes: Array(packed.prefix(packed.count / 2)), kind: .html)
        let r = FileProcessor(pipeline: pipeline).process(file, contentHash: "h")
        #expect(r.documents.isEmpty)
        #expect(r.diagnostics.contains { $0.message.contains("cannot be unpacked") })
    }

    @Test func compressedCSVIsNotGuessedAt() throws {
        let (file, pipeline) = try Self.file("log.csv.gz", bytes: try Gzip.compress(Array("日期,人数\n2024-05,3\n".utf8)), kind: .csv)
        let r = FileProcessor(pipeline: pipeline).process(file, contentHash: "h")
        #expect(r.table == nil)
        #expect(r.diagnostics.contains { $0.message.contains("compressed CSV files are not read") })
    }
}
