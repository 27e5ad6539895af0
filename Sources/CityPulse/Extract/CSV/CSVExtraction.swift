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
