/// A pipeline file, decoded: what to read, what to look for, where the regions are and what to write.
public struct PipelineDefinition: Sendable, Hashable {
    /// The pipeline's name; the output folder is named after it unless `outputs.directory` says otherwise.
    public var name: String
    /// A title for the report header.
    public var title: String
    /// The file it was read from, for diagnostics and the manifest.
    public var path: String
    /// SHA-256 of the file's bytes: part of every cache key.
    public var contentHash: String
    /// When the policy the releases describe started, for spans such as 三年 ("three years").
    public var policyStart: Day?
    public var sources: [SourceDefinition]
    public var metrics: [MetricDefinition]
    public var regions: Gazetteer
    public var outputs: OutputDefinition
    public var quality: QualityDefinition
    /// Sentences or pages and the facts they must and must not give (`citypulse test`).
    public var tests: [PipelineTest] = []

    public func metric(_ id: String) -> MetricDefinition? { metrics.first { $0.id == id } }
}

/// One kind of input: a glob under the input root and how to read what it matches.
public struct SourceDefinition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case html, rss, csv }
    public var id: String
    public var kind: Kind
    /// Globs relative to the input root (`*`, `?`, `**`).
    public var globs: [String]
    /// True when the files are samples written for illustration; the report marks them.
    public var illustrative: Bool
    /// For CSV sources: how columns become facts.
    public var csv: CSVMapping?
    /// True when the source may match no file; otherwise a source that matches nothing fails the run
    /// (an unmounted share or a typo must not publish an empty report).
    public var optional: Bool = false
}

/// How a CSV source's rows become observations.
public struct CSVMapping: Sendable, Hashable {
    public enum Layout: String, Sendable, Hashable, CaseIterable {
        /// National Bureau of Statistics export: metadata lines, one column per year, footnotes.
        case nbs
        /// One row per event or per value, with named columns.
        case records
    }
    public enum Orientation: String, Sendable, Hashable, CaseIterable {
        /// NBS: regions as rows, years as columns (the usual download).
        case regionsAsRows = "regions"
        /// NBS: indicators as rows, years as columns (national tables).
        case indicatorsAsRows = "indicators"
    }
    public var layout: Layout
    /// `nil`: detect; otherwise `,`, `\t` or `;`.
    public var delimiter: UInt8?
    /// `nil`: detect (BOM, UTF-8 validity, GB18030).
    public var encoding: String?
    /// NBS: which way the table runs.
    public var orientation: Orientation
    /// NBS: indicator text (substring match) → metric id. Records: unused.
    public var indicators: [IndicatorMapping]
    /// Records: the metric every row feeds.
    public var metric: String?
    /// Records: column holding the date of the row.
    public var dateColumn: String?
    /// Records: column holding the region (normalized through the gazetteer).
    public var regionColumn: String?
    /// Records: column holding the value; nil counts each row as 1.
    public var valueColumn: String?
    /// Records: columns carried along as dimensions.
    public var dimensions: [String]
    /// Rows kept only when every listed column equals one of the listed values.
    public var filters: [String: [String]]
    /// NBS: only these regions (names as in the file, or gazetteer ids) are kept; empty keeps all.
    public var regions: [String]
    /// Unit of the value column when the file does not state one (records).
    public var unit: String?
}

/// An NBS indicator mapped to a metric.
public struct IndicatorMapping: Sendable, Hashable {
    /// Text the indicator line contains, e.g. `私营企业和个体就业人员`.
    public var match: String
    public var metric: String
}

/// A family of facts: what it is called, what unit it counts in, and how to recognise it in text.
public struct MetricDefinition: Sendable, Hashable {
    public enum Aggregate: String, Sendable, Hashable, CaseIterable { case sum, latest, max }
    public var id: String
    /// Display labels by language tag (`zh`, `en`).
    public var labels: [String: String]
    /// Canonical unit of the metric's values (人, 家, 处, 元).
    public var unit: String
    /// Words that identify the metric in a clause (Simplified; Traditional text is folded first).
    public var words: [String]
    /// Unit classes a quantity may have to count for this metric (`person`, `organisation`…).
    public var unitClasses: [String]
    /// How far (in characters, within the clause) a word may stand from the number.
    public var window: Int
    /// How observations of one period and region combine into a series value.
    public var aggregate: Aggregate

    public var label: String { labels["zh"] ?? labels["en"] ?? id }
}

/// Regions the pipeline knows, with the names text uses for them.
public struct Gazetteer: Sendable, Hashable {
    public struct Region: Sendable, Hashable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var parent: String?
    }
    /// A name that stands for several regions at once (市四区, 各旗县).
    public struct Group: Sendable, Hashable {
        public var id: String
        public var names: [String]
        public var members: [String]
    }
    public var regions: [Region]
    public var groups: [Group]
    /// The region a text fact belongs to when it names none.
    public var defaultRegion: String?

    public init(regions: [Region] = [], groups: [Group] = [], defaultRegion: String? = nil) {
        self.regions = regions
        self.groups = groups
        self.defaultRegion = defaultRegion
    }
}

/// What to write and where.
public struct OutputDefinition: Sendable, Hashable {
    /// Folder under the output root; defaults to the pipeline name.
    public var directory: String
    /// A Mustache template for the report, relative to the pipeline file; nil uses the built-in one.
    public var reportTemplate: String?
}

/// Data-quality checks; failing one publishes the outputs but exits with its own code.
public struct QualityDefinition: Sendable, Hashable {
    /// Highest share of CSV rows that may be rejected (0…1).
    public var maxRejectRate: Double
    /// Highest share of the last publish's inputs, facts or series points a run may drop and still
    /// publish (0…1; 1 turns the guard off).
    public var maxDrop: Double = 0.5
}

extension PipelineDefinition {
    /// A pipeline with no metrics, sources or regions: `citypulse extract` without `--pipeline`.
    public static let standalone = PipelineDefinition(
        name: "extract", title: "extract", path: "", contentHash: "", policyStart: nil, sources: [], metrics: [],
        regions: Gazetteer(), outputs: OutputDefinition(directory: "extract", reportTemplate: nil),
        quality: QualityDefinition(maxRejectRate: 1))
}
