import CityPulseQuantities

/// Links each target from the releases to the series that measures it (same metric, region and period),
/// computes progress and the pace expected at the as-of date, and keeps targets without actuals and
/// series without targets visible.
public struct Reconciler: Sendable {
    public let pipeline: PipelineDefinition
    public let asOf: Day

    public init(pipeline: PipelineDefinition, asOf: Day) {
        self.pipeline = pipeline
        self.asOf = asOf
    }

    public func reconcile(facts: [Fact], series: [SeriesPoint]) -> [TargetStatus] {
        struct Key: Hashable { var metric: String, region: String?, period: Period? }
        var groups: [Key: [Fact]] = [:]
        var order: [Key] = []
        for fact in facts where fact.kind == .target {
            let key = Key(metric: fact.metric, region: fact.region, period: fact.period)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(fact)
        }
        return order.map { key in
            let statements = groups[key]!.sorted { a, b in Provenance.ordered(a.sources.last!, b.sources.last!) }
            let current = statements.last!
            let others = statements.dropLast().filter { $0.value != current.value || $0.lower != current.lower }
            return status(of: current, restatements: Array(others), series: series, facts: facts)
        }
    }

    /// The series points that measure a target: its metric, in its region (a group's members), within
    /// its period and begun by the as-of date.
    func points(for target: Fact, series: [SeriesPoint]) -> [SeriesPoint] {
        let members = regionMembers(target.region)
        return series.filter { p in
            p.metric == target.metric && members.contains(p.region) && p.period.start <= asOf
                && (target.period.map { $0.contains(p.period) } ?? true)
        }
    }

    /// The results releases reported for a target's metric and region within its period.
    func reports(for target: Fact, facts: [Fact]) -> [Fact] {
        facts.filter { f in
            f.kind == .achievement && f.metric == target.metric && f.region == target.region
                && (target.period.flatMap { tp in f.period.map { tp.contains($0) } } ?? true)
        }
    }

    private func status(of target: Fact, restatements: [Fact], series: [SeriesPoint], facts: [Fact]) -> TargetStatus {
        let points = self.points(for: target, series: series)
        let actual = (pipeline.metric(target.metric)?.aggregate ?? .sum).combine(points)
        let goal = target.lower ?? target.value
        let progress = actual.map { goal.doubleValue > 0 ? $0.doubleValue / goal.doubleValue : 0 }
        var expected: Double?
        if let p = target.period {
            let span = Double(p.end.ordinal - p.start.ordinal + 1)
            expected = min(1, max(0, Double(asOf.ordinal - p.start.ordinal + 1) / span))
        }
        let status: TargetStatus.Status
        if let progress {
            status = progress >= 1 ? .met : progress + 1e-9 >= (expected ?? 1) ? .onTrack : .behind
        } else {
            status = .noActuals
        }
        let reported = reports(for: target, facts: facts).max { a, b in (a.period?.end ?? asOf, a.sources.first?.published ?? asOf) < (b.period?.end ?? asOf, b.sources.first?.published ?? asOf) }
        return TargetStatus(
            metric: target.metric, region: target.region, period: target.period, target: target, restatements: restatements,
            actual: actual, actualPoints: points.count, progress: progress, expected: expected, status: status, reported: reported)
    }

    /// The regions whose series count towards a target region: a group's members, or the region itself.
    private func regionMembers(_ region: String?) -> Set<String> {
        guard let region else { return Set(pipeline.regions.defaultRegion.map { [$0] } ?? []) }
        if let group = pipeline.regions.groups.first(where: { $0.id == region }) { return Set(group.members) }
        return [region]
    }
}
