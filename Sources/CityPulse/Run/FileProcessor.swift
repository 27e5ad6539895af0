import Foundation

/// Runs the per-file stages on one input: decode → parse → normalize → extract for pages and feeds,
/// the CSV mapping for statistics files.
public struct FileProcessor: Sendable {
    public let pipeline: PipelineDefinition
    let pages = PageReader()
    let feeds = FeedReader()
    let facts: FactExtractor
    let tables: CSVExtractor
    /// Pages and feeds larger than this are not read (a diagnostic says so).
    public var maxDocumentBytes = 64 << 20

    public init(pipeline: PipelineDefinition) {
        self.pipeline = pipeline
        facts = FactExtractor(pipeline: pipeline)
        tables = CSVExtractor(pipeline: pipeline)
    }

    /// Runs the stages on `file`; `bytes`, when given, are its content already read.
    public func process(_ file: DiscoveredFile, contentHash: String, bytes alreadyRead: [UInt8]? = nil) -> FileResult {
        switch file.source.kind {
        case .csv:
            if file.path.hasSuffix(".gz") {
                return FileResult(diagnostics: [Diagnostic(.error, stage: "decode", file: file.path, .gzipCSV)])
            }
            let table = tables.extract(url: file.url, path: file.path, contentHash: contentHash, source: file.source)
            return FileResult(diagnostics: table.diagnostics, table: table)
        case .html, .rss:
            guard file.size <= maxDocumentBytes else {
                return FileResult(diagnostics: [Diagnostic(.error, stage: "decode", file: file.path, .tooLarge(file.size, limit: maxDocumentBytes))])
            }
            var bytes: [UInt8]
            do {
                bytes = try alreadyRead ?? POSIXFile.read(file.url.path)
            } catch {
                return FileResult(diagnostics: [Diagnostic(.error, stage: "decode", file: file.path, .unreadable(error))])
            }
            // Archived pages and feeds may be gzip-compressed; what they unpack to obeys the same limit,
            // so a small file that expands without end (a decompression bomb) is refused, not read.
            if Self.isGzip(bytes) {
                do {
                    bytes = try Gzip.decompress(bytes, limit: maxDocumentBytes)
                } catch let error where error.kind == .tooLarge {
                    return FileResult(diagnostics: [Diagnostic(.error, stage: "decode", file: file.path, .gzipTooLarge(limit: maxDocumentBytes))])
                } catch {
                    return FileResult(diagnostics: [Diagnostic(.error, stage: "decode", file: file.path, .gzipBroken(error.description))])
                }
            }
            var documents: [Document]
            var diagnostics: [Diagnostic]
            if file.source.kind == .html {
                let (doc, d) = pages.read(bytes: bytes, path: file.path, sourceID: file.source.id, contentHash: contentHash)
                documents = [doc]
                diagnostics = d
            } else {
                (documents, diagnostics) = feeds.read(bytes: bytes, path: file.path, sourceID: file.source.id, contentHash: contentHash)
            }
            var found: [Fact] = []
            for i in documents.indices {
                found += facts.extract(documents[i]).flatMap(\.facts)
                documents[i].text = ""
            }
            return FileResult(documents: documents, facts: found, diagnostics: diagnostics)
        }
    }
}

extension FileProcessor {
    /// The gzip magic number opens the file.
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }
}

extension Diagnostic.Message {
    static func gzipTooLarge(limit: Int) -> Self { "gzip file unpacks to more than the \(limit)-byte limit for a page; not read" }
    static func gzipBroken(_ detail: String) -> Self { "gzip file cannot be unpacked (\(detail)); not read" }
    static let gzipCSV: Self = "compressed CSV files are not read; unpack it first (gunzip) and point the source's glob at the .csv"

    static func tooLarge(_ size: Int, limit: Int) -> Self { "file is \(size) bytes, more than the \(limit)-byte limit for a page; not read" }
}
