import CityPulseQuantities

/// Builds series from observation facts: one point per metric × period × region, combined as the metric
/// definition says.
///
/// - `sum` adds the observations (rows of a record log grouped by district and 学历 become one district's
///   monthly total);
/// - `latest` keeps the observation stated last: the latest publication date, then the last file by path,
///   then the last line, so the answer does not depend on the order files were read in;
/// - `max` keeps the largest.
///
/// **Roll-up.** For a metric aggregated by `sum`, a region's figures also count towards its parent in the
/// gazetteer, level by level: Hohhot's monthly graduate retention is the sum of its districts' (新城区,
/// 回民区, … 武川县), and Inner Mongolia's the sum of its cities'. A parent that has observations of its own
/// for a period keeps them instead (an official total is not added to its own parts). `latest` and `max`
/// metrics are never rolled up: a province's population is not the sum of anything we read.
///
/// Facts that are not observations, or have no period, are not part of a series. An observation without a
/// region (a record log without a region column) belongs to the gazetteer's default region.
///
/// Points are ordered by metric, region, then period, so outputs are byte-identical run after run.
public struct SeriesBuilder: Sendable {
    public let metrics: [MetricDefinition]
    public let gazetteer: Gazetteer
    /// Sources kept per point, first by file and line; `count` always covers every observation.
    public var maxSourcesPerPoint: Int

    public init(metrics: [MetricDefinition], gazetteer: Gazetteer, maxSourcesPerPoint: Int = 50) {
        self.metrics = metrics
        self.gazetteer = gazetteer
        self.maxSourcesPerPoint = maxSourcesPerPoint
    }

    public init(pipeline: PipelineDefinition) {
        self.init(metrics: pipeline.metrics, gazetteer: pipeline.regions)
    }

    private struct Key: Hashable {
        var metric: String
        var region: String
        var period: Period
    }

    private struct Accumulator {
        var value: ExactDecimal
        var count: Int
        var unit: String
        var sources: [Provenance]
        /// For `latest`: the provenance that decided the value.
        var stamp: Provenance?
    }

    /// The series of `facts`; a sum too large to hold exactly is left out and reported.
    public func build(_ facts: [Fact], diagnostics: inout [Diagnostic]) -> [SeriesPoint] {
        let byID = Dictionary(metrics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var direct: [Key: Accumulator] = [:]
        var overflowed = Set<Key>()
        for fact in facts where fact.kind == .observation {
            guard let period = fact.period else { continue }
            let region = fact.region ?? gazetteer.defaultRegion ?? ""
            let key = Key(metric: fact.metric, region: region, period: period)
            let aggregate = byID[fact.metric]?.aggregate ?? .sum
            let unit = byID[fact.metric]?.unit ?? fact.unit
            guard let index = direct.index(forKey: key) else {
                direct[key] = Accumulator(value: fact.value, count: 1, unit: unit, sources: fact.sources, stamp: Self.stamp(fact))
                continue
            }
            // Updated in place: copying the accumulator out would copy its sources on every fact.
            direct.values[index].count += 1
            appendSources(fact.sources, to: &direct.values[index].sources)
            switch aggregate {
            case .sum:
                if let s = direct.values[index].value.adding(fact.value) { direct.values[index].value = s } else { overflowed.insert(key) }
            case .max:
                if fact.value > direct.values[index].value { direct.values[index].value = fact.value }
            case .latest:
                let s = Self.stamp(fact)
                if Self.isLater(s, than: direct.values[index].stamp) {
                    direct.values[index].value = fact.value
                    direct.values[index].stamp = s
                }
            }
        }
        var points = direct
        rollUp(direct: direct, into: &points, metrics: byID, overflowed: &overflowed)
        for key in overflowed.sorted(by: Self.order) {
            points[key] = nil
            diagnostics.append(Diagnostic(.warning, stage: "reconcile", file: "", "the sum of \(key.metric) for \(key.region) is too large to hold exactly; the point was left out"))
        }
        return points.sorted { Self.order($0.key, $1.key) }.map { key, acc in
            SeriesPoint(metric: key.metric, period: key.period, region: key.region, value: acc.value, unit: acc.unit,
                        count: acc.count, sources: bounded(acc.sources))
        }
    }

    // MARK: - Roll-up

    /// Adds each region's sum to its ancestors', deepest regions first, where the ancestor has no figure
    /// of its own.
    private func rollUp(direct: [Key: Accumulator], into points: inout [Key: Accumulator], metrics: [String: MetricDefinition],
                        overflowed: inout Set<Key>) {
        let parents = Dictionary(gazetteer.regions.compactMap { r in r.parent.map { (r.id, $0) } }, uniquingKeysWith: { first, _ in first })
        func depth(_ id: String) -> Int {
            var d = 0
            var current = id
            while let p = parents[current], d < 16 {
                d += 1
                current = p
            }
            return d
        }
        let regionsByDepth = Set(points.keys.map(\.region)).union(parents.values).sorted { (depth($0), $0) > (depth($1), $1) }
        // Keys by region, so each region finds its own without going over every point: its own figures,
        // and the sums rolled up into it by its children (deeper, so done by its turn). The sums join the
        // points once, at the end; copying one in on every child would copy its sources each time.
        var keysOfRegion: [String: [Key]] = [:]
        for key in points.keys { keysOfRegion[key.region, default: []].append(key) }
        var rolled: [Key: Accumulator] = [:]
        for region in regionsByDepth {
            guard let parent = parents[region] else { continue }
            let keys = (keysOfRegion[region] ?? []).filter { (metrics[$0.metric]?.aggregate ?? .sum) == .sum }.sorted(by: Self.order)
            for key in keys {
                let up = Key(metric: key.metric, region: parent, period: key.period)
                if direct[up] != nil { continue }
                let child = points[key] ?? rolled[key]!
                if let index = rolled.index(forKey: up) {
                    if let s = rolled.values[index].value.adding(child.value) { rolled.values[index].value = s } else { overflowed.insert(up) }
                    rolled.values[index].count += child.count
                    appendSources(child.sources, to: &rolled.values[index].sources)
                } else {
                    rolled[up] = Accumulator(value: child.value, count: child.count, unit: child.unit, sources: child.sources, stamp: nil)
                    keysOfRegion[parent, default: []].append(up)
                }
            }
        }
        for (key, accumulator) in rolled { points[key] = accumulator }
    }

    // MARK: - Order

    private static func order(_ a: Key, _ b: Key) -> Bool {
        if a.metric != b.metric { return a.metric < b.metric }
        if a.region != b.region { return a.region < b.region }
        return a.period < b.period
    }

    private static func stamp(_ fact: Fact) -> Provenance? {
        fact.sources.max { isLater($1, than: $0) }
    }

    /// Whether `a` was stated after `b`: later publication, then later file path, then later line.
    private static func isLater(_ a: Provenance?, than b: Provenance?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        switch (a.published, b.published) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if a.file != b.file { return a.file > b.file }
        return (a.line ?? 0) > (b.line ?? 0)
    }

    /// Appends sources to a point's list, keeping it within a few times `maxSourcesPerPoint` so a point
    /// summing a million rows never holds a million sources: the list is cut back to its first distinct
    /// sources whenever it grows past the bound, which keeps the same first ones `bounded` would choose.
    private func appendSources(_ more: [Provenance], to sources: inout [Provenance]) {
        sources += more
        if sources.count > 4 * maxSourcesPerPoint { sources = bounded(sources) }
    }

    /// Distinct sources, ordered by file, line and column (ties in their first order), at most
    /// `maxSourcesPerPoint` of them. Sorts positions rather than the sources themselves, which are large.
    private func bounded(_ sources: [Provenance]) -> [Provenance] {
        guard sources.count > 1 else { return sources }
        let order = sources.indices.sorted { i, j in
            let a = sources[i], b = sources[j]
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return (a.line ?? 0) < (b.line ?? 0) }
            if a.column != b.column { return (a.column ?? "") < (b.column ?? "") }
            return i < j
        }
        var out: [Provenance] = []
        out.reserveCapacity(min(maxSourcesPerPoint, sources.count))
        var runStart = 0
        for i in order {
            let s = sources[i]
            if let last = out.last, last.file == s.file, last.line == s.line, last.column == s.column {
                // Same place: keep it only if it is not a repeat of one already kept.
                if out[runStart...].contains(s) { continue }
            } else {
                runStart = out.count
            }
            if out.count == maxSourcesPerPoint { break }
            out.append(s)
        }
        return out
    }
}
