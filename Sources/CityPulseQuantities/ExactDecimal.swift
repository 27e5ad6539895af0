/// A decimal number held exactly as `significand × 10^exponent`, so 16.4亿 is 1640000000 and never
/// 1639999999.9999998.
///
/// Values are kept normalized (no trailing zeros in the significand when the exponent is negative), so
/// equal numbers compare and hash equal.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var significand: Int64
    public private(set) var exponent: Int

    public init(significand: Int64, exponent: Int = 0) {
        var s = significand
        var e = exponent
        while e < 0, s != 0, s % 10 == 0 {
            s /= 10
            e += 1
        }
        if s == 0 { e = 0 }
        // Positive exponents are folded into the significand while it fits, so 10万 and 100000 agree.
        while e > 0 {
            let (m, overflow) = s.multipliedReportingOverflow(by: 10)
            if overflow { break }
            s = m
            e -= 1
        }
        self.significand = s
        self.exponent = e
    }

    public init(_ value: Int) {
        self.init(significand: Int64(value), exponent: 0)
    }

    public static let zero = ExactDecimal(0)

    /// Parses plain decimal text: optional sign, ASCII digits, optional `.` and fraction digits.
    /// Thousands separators are not accepted here; strip them first.
    public init?(_ text: Substring) {
        var s: Int64 = 0
        var e = 0
        var negative = false
        var sawDigit = false
        var sawPoint = false
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        if index < scalars.endIndex, scalars[index] == "-" || scalars[index] == "+" {
            negative = scalars[index] == "-"
            index = scalars.index(after: index)
        }
        while index < scalars.endIndex {
            let c = scalars[index].value
            if c >= 0x30, c <= 0x39 {
                let (m, o1) = s.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(c - 0x30))
                if o1 || o2 { return nil }
                s = a
                if sawPoint { e -= 1 }
                sawDigit = true
            } else if c == 0x2E, !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            index = scalars.index(after: index)
        }
        guard sawDigit else { return nil }
        self.init(significand: negative ? -s : s, exponent: e)
    }

    public init?(_ text: String) { self.init(text[...]) }

    /// The product, or nil when it does not fit.
    public func multiplied(by other: ExactDecimal) -> ExactDecimal? {
        let (m, overflow) = significand.multipliedReportingOverflow(by: other.significand)
        if overflow { return nil }
        return ExactDecimal(significand: m, exponent: exponent + other.exponent)
    }

    /// The sum, or nil when it does not fit.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        guard let (a, b, e) = Self.aligned(self, other) else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { return nil }
        return ExactDecimal(significand: sum, exponent: e)
    }

    /// The value as a binary floating-point number, for ratios and drawing only.
    public var doubleValue: Double {
        var d = Double(significand)
        if exponent > 0 {
            for _ in 0..<exponent { d *= 10 }
        } else if exponent < 0 {
            var divisor = 1.0
            for _ in 0..<(-exponent) { divisor *= 10 }
            d /= divisor
        }
        return d
    }

    /// Plain decimal notation, never exponent notation: `1640000000`, `16.4`, `-0.05`.
    public var description: String {
        let negative = significand < 0
        let digits = String(significand.magnitude)
        var out: String
        if exponent >= 0 {
            out = digits + String(repeating: "0", count: exponent)
        } else {
            let places = -exponent
            if digits.count > places {
                let cut = digits.index(digits.endIndex, offsetBy: -places)
                out = digits[..<cut] + "." + digits[cut...]
            } else {
                out = "0." + String(repeating: "0", count: places - digits.count) + digits
            }
        }
        return negative ? "-" + out : out
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if let (a, b, _) = aligned(lhs, rhs) { return a < b }
        return lhs.doubleValue < rhs.doubleValue
    }

    /// Both significands brought to the smaller exponent, or nil on overflow.
    private static func aligned(_ x: ExactDecimal, _ y: ExactDecimal) -> (Int64, Int64, Int)? {
        var a = x.significand
        var b = y.significand
        let e = min(x.exponent, y.exponent)
        for _ in 0..<(x.exponent - e) {
            let (m, o) = a.multipliedReportingOverflow(by: 10)
            if o { return nil }
            a = m
        }
        for _ in 0..<(y.exponent - e) {
            let (m, o) = b.multipliedReportingOverflow(by: 10)
            if o { return nil }
            b = m
        }
        return (a, b, e)
    }
}

extension ExactDecimal: Codable {
    /// Encoded as its decimal text, so no decoder rounds it through a double.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = ExactDecimal(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
