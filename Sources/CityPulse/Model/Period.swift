/// A closed span of days: a year, a month, three years from a policy's start.
public struct Period: Sendable, Hashable, Comparable, Codable {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public static func year(_ y: Int) -> Period {
        Period(start: Day(year: y, month: 1, day: 1)!, end: Day(year: y, month: 12, day: 31)!)
    }

    public static func month(_ y: Int, _ m: Int) -> Period {
        Period(start: Day(year: y, month: m, day: 1)!, end: Day.endOf(year: y, month: m))
    }

    /// Whether the span covers `other` entirely.
    public func contains(_ other: Period) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: Period, rhs: Period) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}
