/// Everything one run of a pipeline produced, before it is written out.
public struct RunResult: Sendable {
    public var pipeline: PipelineDefinition
    public var asOf: Day
    public var inputs: [InputRecord]
    public var documents: [Document]
    public var facts: [Fact]
    public var series: [SeriesPoint]
    public var targets: [TargetStatus]
    /// Rejects kept as records (capped per file); `tables` and `rowCounts` have the full totals.
    public var rejects: [Reject]
    public var diagnostics: [Diagnostic]
    public var rowCounts: RowCounts
    /// Per CSV file: encoding, counts and notes (数据来源, 注).
    public var tables: [TableRecord]
    /// Each target's progress over its period, for the feed's `progress` table and the report's charts.
    public var progress: [ProgressRow] = []
    /// Whether any input comes from a source marked illustrative.
    public var hasIllustrativeInput: Bool { inputs.contains { $0.illustrative } }
}

/// One input file as the run saw it.
public struct InputRecord: Sendable, Hashable, Codable {
    public var path: String
    public var source: String
    public var kind: String
    public var bytes: Int
    public var sha256: String
    public var illustrative: Bool
    /// True when the cached result for this content hash was used instead of reading it again.
    public var reused: Bool
}

/// Rows of all CSV inputs: read = used + rejected + filtered.
public struct RowCounts: Sendable, Hashable, Codable {
    public var read = 0
    public var used = 0
    public var rejected = 0
    public var filtered = 0
    public init() {}
}

/// One CSV file's summary.
public struct TableRecord: Sendable, Hashable, Codable {
    public var path: String
    public var encoding: String
    public var rowsRead: Int
    public var rowsUsed: Int
    public var rowsRejected: Int
    public var rowsFiltered: Int
    public var notes: [String]
    /// Every reject the file gave, including those beyond the ones kept as records.
    public var rejectsTotal: Int
    /// Rejects of this file kept as records in `RunResult.rejects`.
    public var rejectsListed: Int
}

extension RunResult {
    /// Rejects counted but not kept as records, per file, for files over the per-file cap.
    public var unlistedRejects: [(file: String, total: Int, listed: Int)] {
        tables.filter { $0.rejectsTotal > $0.rejectsListed }.map { ($0.path, $0.rejectsTotal, $0.rejectsListed) }
    }
}
