import Crypto

/// The part of a run the manifest reports, kept in the cache so a rerun with nothing changed can
/// republish the previous outputs without reading any result again.
public struct RunSummary: Sendable, Codable, Hashable {
    public struct DocumentEntry: Sendable, Codable, Hashable {
        public var path: String
        public var encoding: String
        public var title: String?
        public var published: String?
        public var article: Bool
    }

    public var pipelineName: String
    public var pipelineFile: String
    public var pipelineHash: String
    public var asOf: String
    /// Everything the data outputs depend on: tool build, pipeline, template, as-of date, and each input's content.
    public var fingerprint: String
    public var inputs: [InputRecord]
    public var documents: [DocumentEntry]
    public var tables: [TableRecord]
    public var facts: Int
    public var series: Int
    public var targets: Int
    public var rowCounts: RowCounts
    public var rejectsListed: Int
    public var diagnostics: Int
    public var maxRejectRate: Double
    public var rejectRate: Double
    public var qualityPassed: Bool

    public init(_ r: RunResult, fingerprint: String, rejectRate: Double, qualityPassed: Bool) {
        pipelineName = r.pipeline.name
        pipelineFile = r.pipeline.path
        pipelineHash = r.pipeline.contentHash
        asOf = r.asOf.description
        self.fingerprint = fingerprint
        inputs = r.inputs
        documents = r.documents.map {
            DocumentEntry(path: $0.path, encoding: $0.encoding, title: $0.title, published: $0.published?.description, article: $0.isArticle)
        }
        tables = r.tables
        facts = r.facts.count
        series = r.series.count
        targets = r.targets.count
        rowCounts = r.rowCounts
        rejectsListed = r.rejects.count
        diagnostics = r.diagnostics.count
        maxRejectRate = r.pipeline.quality.maxRejectRate
        self.rejectRate = rejectRate
        self.qualityPassed = qualityPassed
    }
}
