import CityPulseQuantities

/// A target linked to the series that measures it: how far along it is, and whether that is on pace.
public struct TargetStatus: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// The actual has reached the target.
        case met
        /// Progress is at or above the straight-line pace at the as-of date.
        case onTrack = "on_track"
        /// Progress is below the straight-line pace.
        case behind
        /// No statistics measure this target yet.
        case noActuals = "no_actuals"
    }
    public var metric: String
    public var region: String?
    public var period: Period?
    /// The target in force: the most recently published statement.
    public var target: Fact
    /// Other numbers releases gave for the same metric, region and period, oldest first.
    public var restatements: [Fact]
    /// The sum (or latest, or max, as the metric says) of the series within the period up to the as-of date.
    public var actual: ExactDecimal?
    /// Series points that make up the actual.
    public var actualPoints: Int
    /// actual ÷ target (the lower bound for 以上 targets).
    public var progress: Double?
    /// Share of the period elapsed at the as-of date: the progress a straight path would have reached.
    public var expected: Double?
    public var status: Status
    /// The latest result a release reported for the same metric and region within the period.
    public var reported: Fact?

    public var onTrack: Bool? {
        switch status {
        case .met, .onTrack: return true
        case .behind: return false
        case .noActuals: return nil
        }
    }
}
