import Foundation

/// What one CSV file yields: observations, rejects and the counts that must add up.
public struct CSVExtraction: Sendable, Hashable, Codable {
    public var facts: [Fact]
    public var rejects: [Reject]
    /// Data rows read (metadata, header, footnote and blank lines excluded).
    public var rowsRead: Int
    /// Rows that yielded at least one observation or were counted; rowsRead == rowsUsed + rowsRejected + rowsFiltered.
    public var rowsUsed: Int
    public var rowsRejected: Int
    /// Rows a filter of the mapping left out on purpose (not rejects).
    public var rowsFiltered: Int
    /// Encoding the file was read with.
    public var encoding: String
    /// Metadata, footnotes and source lines kept as notes of the document (数据来源：…, 注：…).
    public var notes: [String]
    public var diagnostics: [Diagnostic]
}

/// Turns a CSV file into observations through the source's declared mapping.
public struct CSVExtractor: Sendable {
    public let pipeline: PipelineDefinition

    public init(pipeline: PipelineDefinition) {
        self.pipeline = pipeline
    }

    /// Reads `url` (streaming) as `source` declares. `path` is relative to the input root.
    public func extract(url: URL, path: String, contentHash: String, source: SourceDefinition) -> CSVExtraction {
        // Placeholder until the CSV stage lands.
        CSVExtraction(
            facts: [], rejects: [], rowsRead: 0, rowsUsed: 0, rowsRejected: 0, rowsFiltered: 0,
            encoding: "UTF-8", notes: [],
            diagnostics: [Diagnostic(.warning, stage: "parse", file: path, "CSV files are not read yet")])
    }
}
