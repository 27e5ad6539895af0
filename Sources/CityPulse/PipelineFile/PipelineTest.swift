import CityPulseQuantities

/// A test a pipeline file carries under `tests:`: a sentence or a page, and the facts the pipeline's
/// words and regions must and must not find in it. `citypulse test` runs them without the inputs.
public struct PipelineTest: Sendable, Hashable {
    public enum Input: Sendable, Hashable {
        /// Text as a release would state it.
        case text(String)
        /// A page file, relative to the pipeline file, read as a run reads a page.
        case page(String)
    }

    public var name: String
    public var input: Input
    /// The headline of a `text` test (a page has its own), which may name the place or the plan.
    public var title: String?
    /// The publication date of a `text` test (a page has its own, or none).
    public var published: Day?
    /// Facts the input must give, each matched by one fact.
    public var expect: [FactPattern]
    /// Facts the input must not give.
    public var reject: [FactPattern]
    /// Where the test starts in the pipeline file.
    public var line: Int?
    public var column: Int?
}

/// What a test says about a fact. A field left out matches any value.
public struct FactPattern: Sendable, Hashable, CustomStringConvertible {
    public enum PeriodPattern: Sendable, Hashable, CustomStringConvertible {
        /// No period.
        case none
        /// A period that ends in this year (`period: 2025`, "by 2025").
        case endingIn(Int)
        /// Exactly this period (`period: 2024-01-01..2024-06-30`).
        case exactly(Period)

        public var description: String {
            switch self {
            case .none: return "none"
            case let .endingIn(year): return "ending in \(year)"
            case let .exactly(p): return "\(p.start)..\(p.end)"
            }
        }
    }

    public var metric: String
    public var value: ExactDecimal?
    public var kind: Fact.Kind?
    public var period: PeriodPattern?
    /// A region id, or `.some(nil)` for a fact with no region (`region: none`).
    public var region: String??
    public var line: Int?
    public var column: Int?

    public func matches(_ fact: Fact) -> Bool {
        guard fact.metric == metric else { return false }
        if let value, fact.value != value { return false }
        if let kind, fact.kind != kind { return false }
        switch period {
        case nil: break
        case .none?: if fact.period != nil { return false }
        case let .endingIn(year)?: if fact.period?.end.year != year { return false }
        case let .exactly(p)?: if fact.period != p { return false }
        }
        if let region, fact.region != region { return false }
        return true
    }

    public var description: String {
        var parts = ["metric \(metric)"]
        if let value { parts.append("value \(value)") }
        if let kind { parts.append("kind \(kind.rawValue)") }
        if let period { parts.append("period \(period)") }
        if let region { parts.append("region \(region ?? "none")") }
        return parts.joined(separator: ", ")
    }
}

extension Fact {
    /// One line for test failures: metric, value, kind, period and region.
    public var testDescription: String {
        let period = self.period.map { "\($0.start)..\($0.end)" } ?? "no period"
        return "\(metric) \(value) \(kind.rawValue) \(period) \(region ?? "no region")"
    }
}
