import Foundation

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
