import CityPulseQuantities

/// One value of a series: a metric's observations of one period and region, aggregated as the metric says.
public struct SeriesPoint: Sendable, Hashable, Codable {
    public var metric: String
    public var period: Period
    /// Region id from the gazetteer.
    public var region: String
    public var value: ExactDecimal
    public var unit: String
    /// How many observations were combined.
    public var count: Int
    /// Where the observations came from (file and line of each contributing row, deduplicated per file).
    public var sources: [Provenance]

    public init(metric: String, period: Period, region: String, value: ExactDecimal, unit: String, count: Int, sources: [Provenance]) {
        self.metric = metric
        self.period = period
        self.region = region
        self.value = value
        self.unit = unit
        self.count = count
        self.sources = sources
    }
}
