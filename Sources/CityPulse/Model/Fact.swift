import CityPulseQuantities

/// A number that a metric claims: from a sentence of a release, or from a row of a statistics file.
public struct Fact: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A plan the text announces (计划, 将, 力争, 目标, 工程, 行动).
        case target
        /// A result the text reports (已, 累计, 完成, 实现, 达到).
        case achievement
        /// A value a statistics file counts.
        case observation
    }
    public var metric: String
    public var kind: Kind
    /// The value stated (for a bound, the number written).
    public var value: ExactDecimal
    public var lower: ExactDecimal?
    public var upper: ExactDecimal?
    public var qualifier: Qualifier?
    /// The metric's unit after scaling (人, 家, 处, 元).
    public var unit: String
    /// The unit as written in the source (萬人, 名, (万人)).
    public var unitAsWritten: String
    public var period: Period?
    /// Region id from the gazetteer.
    public var region: String?
    /// Extra dimensions from a CSV mapping (学历: 本科).
    public var dimensions: [String: String]
    /// Every source that states this fact; the same claim in several releases is one fact.
    public var sources: [Provenance]

    public init(
        metric: String, kind: Kind, value: ExactDecimal, lower: ExactDecimal? = nil, upper: ExactDecimal? = nil,
        qualifier: Qualifier? = nil, unit: String, unitAsWritten: String, period: Period?, region: String?,
        dimensions: [String: String] = [:], sources: [Provenance]
    ) {
        self.metric = metric
        self.kind = kind
        self.value = value
        self.lower = lower
        self.upper = upper
        self.qualifier = qualifier
        self.unit = unit
        self.unitAsWritten = unitAsWritten
        self.period = period
        self.region = region
        self.dimensions = dimensions
        self.sources = sources
    }
}
