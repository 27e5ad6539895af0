import CityPulseQuantities

/// A unit as statistics tables write it, split into a scale and a base unit: `万人` is ×10000 人,
/// `亿元` is ×100000000 元, `元` is ×1 元.
public struct StatisticsUnit: Sendable, Hashable {
    /// The unit as written, without brackets (`万人`).
    public var written: String
    /// The unit values are counted in after scaling (`人`).
    public var base: String
    public var scale: ExactDecimal

    private static let prefixes: [(String, ExactDecimal)] = [
        ("千万", ExactDecimal(10_000_000)), ("百万", ExactDecimal(1_000_000)), ("十万", ExactDecimal(100_000)),
        ("万", ExactDecimal(10_000)), ("亿", ExactDecimal(100_000_000)), ("千", ExactDecimal(1_000)),
        ("百", ExactDecimal(100)),
    ]

    private static let countedUnits: Set<String> = ["人", "元", "户", "个", "家", "人次", "美元", "件", "处", "名"]

    /// Reads a unit such as `万人`, `亿元`, `元`, `%`. A scale word alone (`万`) has an empty base.
    public init(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        written = t
        base = t
        scale = ExactDecimal(1)
        for (prefix, factor) in Self.prefixes where t.hasPrefix(prefix) {
            let rest = String(t.dropFirst(prefix.count))
            // 千米, 千克, 百分点 are units of their own, not scaled counts.
            if prefix == "千" || prefix == "百", !Self.countedUnits.contains(rest) { break }
            base = rest
            scale = factor
            break
        }
    }

    /// The unit in brackets at the end of an indicator (`年末常住人口(万人)` → 万人), and the indicator's
    /// name without it. Half-width and full-width brackets are both read.
    public static func split(indicator: String) -> (name: String, unit: StatisticsUnit?) {
        let t = indicator.trimmingCharacters(in: .whitespaces)
        guard let last = t.last, last == ")" || last == "）" else { return (t, nil) }
        guard let open = t.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return (t, nil) }
        let inner = t[t.index(after: open)..<t.index(before: t.endIndex)]
        let name = String(t[..<open]).trimmingCharacters(in: .whitespaces)
        guard !inner.isEmpty, inner.count <= 8 else { return (t, nil) }
        return (name, StatisticsUnit(String(inner)))
    }

    /// `value` × scale, or nil when it does not fit.
    public func apply(_ value: ExactDecimal) -> ExactDecimal? { value.multiplied(by: scale) }
}
