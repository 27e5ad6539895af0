/// A number found in text, with the bounds, unit and span it was written with.
///
/// Offsets count Unicode scalars of the scanned string; `end` is exclusive.
public struct Quantity: Sendable, Hashable, Codable {
    /// Why the scanner stands behind this number, or why it set it aside.
    public var kind: QuantityKind
    /// The text of the span as written, numeral, qualifier and unit included.
    public var text: String
    /// The value the text states; for a range or a bound, the number written (a range's lower end).
    public var value: ExactDecimal?
    /// The least value the text allows, when it says so (以上, 超过, a range's lower end…).
    public var lower: ExactDecimal?
    /// The greatest value the text allows, when it says so (以下, 近, a range's upper end…).
    public var upper: ExactDecimal?
    /// The qualifier that produced the bounds, if any.
    public var qualifier: Qualifier?
    /// The counter or unit as written (名, 家, 處, 萬人, 億元, %), empty for a bare numeral.
    public var unit: String
    /// What kind of thing the unit counts.
    public var unitClass: UnitClass
    /// Start of the span, in Unicode scalars.
    public var start: Int
    /// End of the span (exclusive), in Unicode scalars.
    public var end: Int

    public init(
        kind: QuantityKind, text: String, value: ExactDecimal?, lower: ExactDecimal? = nil,
        upper: ExactDecimal? = nil, qualifier: Qualifier? = nil, unit: String = "",
        unitClass: UnitClass = .none, start: Int, end: Int
    ) {
        self.kind = kind
        self.text = text
        self.value = value
        self.lower = lower
        self.upper = upper
        self.qualifier = qualifier
        self.unit = unit
        self.unitClass = unitClass
        self.start = start
        self.end = end
    }
}

/// Whether a number is a quantity, and if not, why it was set aside.
public enum QuantityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A number the tool stands behind (a bare numeral counts, with an empty unit).
    case quantity
    /// A calendar year: 2024年, 二〇二四年.
    case year
    /// A date or a month: 6月, 5月21日, 2024-05-21.
    case date
    /// An ordinal: 第一支, 第十届.
    case ordinal
    /// An anniversary: 70周年.
    case anniversary
    /// A count inside the name of a policy or programme: 人才新政10條, 百人计划.
    case name
    /// An arithmetic slogan: 1+1>2.
    case formula
    /// A phone number, code or identifier.
    case identifier
}

/// How the text bounds a value.
public enum Qualifier: String, Sendable, Hashable, Codable, CaseIterable {
    /// 约, 左右, 大约: about the value, no bound stated.
    case approximately
    /// 近, 将近, 接近: nearly, the value is an upper bound.
    case nearly
    /// 以上, 不少于, 至少, 不低于: the value is a lower bound (inclusive).
    case atLeast = "at_least"
    /// 超过, 逾, 余, 多, 几: more than the value (lower bound, exclusive in speech).
    case moreThan = "more_than"
    /// 以下, 不超过, 至多: the value is an upper bound.
    case atMost = "at_most"
    /// 不到, 不足: less than the value.
    case lessThan = "less_than"
    /// 10-20家, 8000至10000人, 七八万: both bounds given.
    case range
}

/// What a unit counts; used by metric rules to accept or refuse a quantity.
public enum UnitClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// No unit written.
    case none
    /// 人, 名, 万人, 位.
    case person
    /// 人次.
    case personTime = "person_time"
    /// 家, 所, 户 (organisations, enterprises).
    case organisation
    /// 处, 个 (places), 座: sites and venues.
    case site
    /// 个, 项, 件, 条, 支: countable items.
    case item
    /// 元, 万元, 亿元.
    case money
    /// %, 百分之, 成.
    case percent
    /// 个百分点.
    case percentagePoint = "percentage_point"
    /// 年, 个月, 天 as a length of time (三年).
    case duration
    /// 平方米, 亩, 公里 and other measures.
    case measure
}
