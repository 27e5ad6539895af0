import CityPulseQuantities

extension MetricDefinition.Aggregate {
    /// The one value a metric's points give over a span: their sum (a flow), the value of the latest
    /// period (a stock), or the largest. Nil when there are no points. Targets' actuals and the
    /// report's charts both use this rule.
    func combine(_ points: [SeriesPoint]) -> ExactDecimal? {
        guard !points.isEmpty else { return nil }
        switch self {
        case .sum: return points.reduce(ExactDecimal.zero) { $0.adding($1.value) ?? $0 }
        case .latest: return points.max { $0.period < $1.period }?.value
        case .max: return points.map(\.value).max()
        }
    }
}
