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

    public func process(_ file: DiscoveredFile, contentHash: String) -> FileResult {
        switch file.source.kind {
        case .csv:
            let table = tables.extract(url: file.url, path: file.path, contentHash: contentHash, source: file.source)
            return FileResult(diagnostics: table.diagnostics, table: table)
        case .html, .rss:
            guard file.size <= maxDocumentBytes else {
                return FileResult(diagnostics: [Diagnostic(.error, stage: "decode", file: file.path, .tooLarge(file.size, limit: maxDocumentBytes))])
            }
            let bytes: [UInt8]
            do {
                bytes = try [UInt8](Data(contentsOf: file.url))
            } catch {
                return FileResult(diagnostics: [Diagnostic(.error, stage: "decode", file: file.path, .unreadable(error))])
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
                found += facts.extract(documents[i]).compactMap(\.fact)
                documents[i].text = ""
            }
            return FileResult(documents: documents, facts: found, diagnostics: diagnostics)
        }
    }
}

extension Diagnostic.Message {
    static func tooLarge(_ size: Int, limit: Int) -> Self { "file is \(size) bytes, more than the \(limit)-byte limit for a page; not read" }
}
