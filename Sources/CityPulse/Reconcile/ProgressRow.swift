import CityPulseQuantities

/// One point of a target's progress over its period, for the feed's `progress` table and the
/// report's chart: the cumulative actual the series count by a date, a result a release reported,
/// or an end of the straight pace line from nothing at the period's start to the target at its end.
public struct ProgressRow: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        /// The statistics: the actual counted by this date (sum, latest or max, as the metric says).
        case series
        /// A result a release reported for the same metric, region and period.
        case release
        /// The start or the end of the pace line.
        case pace
    }

    /// The target's id (`FeedWriter.id(of:)` of its fact).
    public var targetID: String
    public var date: Day
    /// The actual by `date`; nil on the pace rows.
    public var actual: ExactDecimal?
    /// What the straight pace from the period's start reaches by `date`; nil for a target with no period.
    public var expected: ExactDecimal?
    public var source: Source
    /// The release a `release` row comes from.
    public var file: String?
}

extension Reconciler {
    /// The progress of every target, in target order, each by date.
    public func progress(of targets: [TargetStatus], series: [SeriesPoint], facts: [Fact]) -> [ProgressRow] {
        targets.flatMap { progress(of: $0, series: series, facts: facts) }
    }

    func progress(of t: TargetStatus, series: [SeriesPoint], facts: [Fact]) -> [ProgressRow] {
        let id = FeedWriter.id(of: t.target)
        let goal = t.target.lower ?? t.target.value
        let aggregate = pipeline.metric(t.metric)?.aggregate ?? .sum
        func expected(at day: Day) -> ExactDecimal? {
            guard let p = t.period else { return nil }
            let share = min(1, max(0, Double(day.ordinal - p.start.ordinal + 1) / Double(p.end.ordinal - p.start.ordinal + 1)))
            return ExactDecimal(significand: Int64((goal.doubleValue * share).rounded()), exponent: 0)
        }
        var rows: [ProgressRow] = []
        if let p = t.period {
            rows.append(ProgressRow(targetID: id, date: p.start, actual: nil, expected: .zero, source: .pace))
            rows.append(ProgressRow(targetID: id, date: p.end, actual: nil, expected: goal, source: .pace))
        }
        let points = self.points(for: t.target, series: series).sorted { $0.period.end < $1.period.end }
        var upTo: [SeriesPoint] = []
        for (i, point) in points.enumerated() {
            upTo.append(point)
            guard i == points.count - 1 || points[i + 1].period.end != point.period.end, let actual = aggregate.combine(upTo) else { continue }
            rows.append(ProgressRow(targetID: id, date: point.period.end, actual: actual, expected: expected(at: point.period.end), source: .series))
        }
        for f in reports(for: t.target, facts: facts) {
            guard let date = f.period?.end ?? f.sources.first?.published else { continue }
            rows.append(ProgressRow(targetID: id, date: date, actual: f.value, expected: expected(at: date), source: .release, file: f.sources.first?.file))
        }
        let order: [ProgressRow.Source: Int] = [.pace: 0, .series: 1, .release: 2]
        return rows.sorted { ($0.date, order[$0.source]!, $0.file ?? "") < ($1.date, order[$1.source]!, $1.file ?? "") }
    }
}
