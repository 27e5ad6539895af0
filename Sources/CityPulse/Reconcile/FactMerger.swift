/// The same claim in several releases is one fact with several sources: facts equal in metric, kind,
/// value, bounds, period and region are merged, their sources kept in a stable order.
public enum FactMerger {
    public static func merge(_ facts: [Fact]) -> [Fact] {
        struct Key: Hashable {
            var metric: String, kind: Fact.Kind, value: String, lower: String?, upper: String?
            var qualifier: String?, period: Period?, region: String?, dimensions: [String: String]
        }
        var order: [Key] = []
        var merged: [Key: Fact] = [:]
        // The sources each merged fact already has, so a claim repeated by thousands of pages is
        // merged in time proportional to them, not to their square.
        var seen: [Key: Set<Provenance>] = [:]
        for fact in facts {
            let key = Key(metric: fact.metric, kind: fact.kind, value: fact.value.description, lower: fact.lower?.description,
                          upper: fact.upper?.description, qualifier: fact.qualifier?.rawValue, period: fact.period,
                          region: fact.region, dimensions: fact.dimensions)
            if merged[key] != nil {
                for source in fact.sources where seen[key, default: []].insert(source).inserted {
                    merged[key]!.sources.append(source)
                }
            } else {
                merged[key] = fact
                seen[key] = Set(fact.sources)
                order.append(key)
            }
        }
        return order.map { key in
            var fact = merged[key]!
            fact.sources.sort(by: Provenance.ordered)
            return fact
        }.sorted(by: Fact.ordered)
    }
}

extension Provenance {
    /// Earliest publication first, then by file and position: the first source is where a claim was first made.
    static func ordered(_ a: Provenance, _ b: Provenance) -> Bool {
        let da = a.published ?? Day(year: 9999, month: 12, day: 31)!, db = b.published ?? Day(year: 9999, month: 12, day: 31)!
        if da != db { return da < db }
        if a.file != b.file { return a.file < b.file }
        return (a.offsets?.lowerBound ?? a.line ?? 0) < (b.offsets?.lowerBound ?? b.line ?? 0)
    }
}

extension Fact {
    /// A stable order for output: metric, kind, period, region, then where it was first stated.
    static func ordered(_ a: Fact, _ b: Fact) -> Bool {
        if a.metric != b.metric { return a.metric < b.metric }
        if a.kind != b.kind { return a.kind.rawValue > b.kind.rawValue }
        if a.period != b.period { return (a.period?.start.description ?? "") < (b.period?.start.description ?? "") || (a.period?.start == b.period?.start && (a.period?.end.description ?? "") < (b.period?.end.description ?? "")) }
        if a.region != b.region { return (a.region ?? "") < (b.region ?? "") }
        if let sa = a.sources.first, let sb = b.sources.first, sa != sb { return Provenance.ordered(sa, sb) }
        return a.value < b.value
    }
}
