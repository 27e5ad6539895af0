import Foundation

/// What one CSV file yields: observations, rejects and the counts that must add up.
public struct CSVExtraction: Sendable, Hashable, Codable {
    public var facts: [Fact]
    /// The first rejects of the file (at most the extractor's `maxRejects`); `rejectsTotal` counts them all.
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
    /// Every reject, including those beyond the kept list (an NBS row may have several bad cells).
    public var rejectsTotal: Int = 0
    /// For each fact, how many rows it sums (record logs group rows; an NBS cell is one row).
    public var rowCounts: [Int] = []
    /// NBS metadata lines by key (数据库, 指标, 时间, 地区).
    public var metadata: [String: String] = [:]
    /// The delimiter the file was split on (`,`, tab or `;`).
    public var delimiter: String = ","
}

/// Turns a CSV file into observations through the source's declared mapping.
public struct CSVExtractor: Sendable {
    public let pipeline: PipelineDefinition
    /// Rejects kept as records per file; all of them are counted.
    public var maxRejects: Int
    /// Bounds of the streaming reader.
    public var limits: CSVReaderLimits

    public init(pipeline: PipelineDefinition, maxRejects: Int = 1000, limits: CSVReaderLimits = .init()) {
        self.pipeline = pipeline
        self.maxRejects = maxRejects
        self.limits = limits
    }

    /// Reads `url` (streaming) as `source` declares. `path` is relative to the input root.
    public func extract(url: URL, path: String, contentHash: String, source: SourceDefinition) -> CSVExtraction {
        guard let mapping = source.csv else {
            var b = CSVExtractionBuilder(file: path, contentHash: contentHash, encoding: "", maxRejects: maxRejects)
            b.diagnose(.error, .csvUnreadable("source \(source.id) has no csv mapping"))
            return b.extraction
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(url: url, encoding: mapping.encoding, delimiter: mapping.delimiter, limits: limits)
        } catch {
            var b = CSVExtractionBuilder(file: path, contentHash: contentHash, encoding: "", maxRejects: maxRejects)
            b.diagnose(.error, .csvUnreadable(error.description))
            return b.extraction
        }
        var b = CSVExtractionBuilder(file: path, contentHash: contentHash, encoding: reader.encoding, maxRejects: maxRejects)
        b.extraction.delimiter = reader.delimiter == 9 ? "\t" : String(UnicodeScalar(reader.delimiter))
        switch mapping.layout {
        case .nbs:
            NBSExportReader(mapping: mapping, pipeline: pipeline).read(reader, into: &b)
        case .records:
            RecordLogReader(mapping: mapping, metric: mapping.metric.flatMap { pipeline.metric($0) }, gazetteer: pipeline.regions)
                .read(reader, into: &b)
        }
        return b.finish(replacements: reader.replacements, unterminatedLastLine: reader.unterminatedLastLine)
    }
}
