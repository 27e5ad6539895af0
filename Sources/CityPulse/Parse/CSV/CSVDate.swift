/// A date cell of a record log, read from bytes: a year, a month or a day.
///
/// Accepted: `2024`, `2024年`, `2024-05`, `2024/05`, `2024.5`, `2024年5月`, `202405`, `2024-05-01`,
/// `2024/5/1`, `2024年5月1日`, `20240501`, optionally followed by a time (`2024-05-01 08:30`), which
/// is ignored. A bare number of five digits (45413) is an Excel date serial and refused rather than guessed.
public enum CSVDate: Sendable, Hashable {
    case year(Int)
    case month(Int, Int)
    case day(Int, Int, Int)

    /// Why a date cell was refused.
    public enum Problem: Error, Sendable, Hashable {
        case empty
        case excelSerial
        /// A month or day that does not exist (2024-02-30, 2023-13-07, 0000-00-00).
        case impossible
        /// A real date outside the years the product reads.
        case outOfRange
        case unreadable
    }

    /// Years a statistics file may speak of.
    public static let years = 1900...2100

    /// The period the record counts in: its year, or its month (a day counts in its month).
    public var period: Period {
        switch self {
        case let .year(y): return .year(y)
        case let .month(y, m): return .month(y, m)
        case let .day(y, m, _): return .month(y, m)
        }
    }

    /// A compact code of `period`, for grouping without allocating: year × 16 + month (0 for a year).
    public var periodCode: Int32 {
        switch self {
        case let .year(y): return Int32(y * 16)
        case let .month(y, m), let .day(y, m, _): return Int32(y * 16 + m)
        }
    }

    static func period(fromCode code: Int32) -> Period {
        let y = Int(code) / 16, m = Int(code) % 16
        return m == 0 ? .year(y) : .month(y, m)
    }

    private static let nian: [UInt8] = Array("年".utf8)
    private static let yue: [UInt8] = Array("月".utf8)
    private static let ri: [UInt8] = Array("日".utf8)
    private static let hao: [UInt8] = Array("号".utf8)

    /// Parses a cell; never guesses.
    private struct Cursor {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func run() -> (value: Int, length: Int)? {
            let s = i
            var v = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39, i - s < 9 {
                v = v * 10 + Int(b[i] - 0x30)
                i += 1
            }
            return i > s ? (v, i - s) : nil
        }

        mutating func skip(_ word: [UInt8]) -> Bool {
            guard i + word.count <= b.count else { return false }
            for k in 0..<word.count where b[i + k] != word[k] { return false }
            i += word.count
            return true
        }

        func atTimeOrEnd() -> Bool { i == b.count || b[i] == 0x20 || b[i] == UInt8(ascii: "T") }
    }

    public static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> Result<CSVDate, Problem> {
        let b = CSVBytes.trim(raw)
        let n = b.count
        if n == 0 { return .failure(.empty) }
        // A cursor value rather than local functions over a captured index: those are checked for
        // exclusive access at run time on every call, once per CSV row.
        var c = Cursor(b: b)

        guard let first = c.run() else { return .failure(.unreadable) }
        if c.i == n || (first.length != 4 && b[c.i] == UInt8(ascii: ".")) {
            switch first.length {
            case 4: return check(first.value, nil, nil)
            case 5: return .failure(.excelSerial)
            case 6: return check(first.value / 100, first.value % 100, nil)
            case 8: return check(first.value / 10000, first.value / 100 % 100, first.value % 100)
            default: return .failure(first.length < 4 ? .excelSerial : .unreadable)
            }
        }
        guard first.length == 4 else { return .failure(.unreadable) }
        let year = first.value
        let sep = b[c.i]
        let chinese: Bool
        if sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") {
            chinese = false
            c.i += 1
        } else if c.skip(nian) {
            chinese = true
            if c.i == n { return check(year, nil, nil) }
        } else {
            return .failure(.unreadable)
        }
        guard let month = c.run(), month.length <= 2 else { return .failure(.unreadable) }
        if chinese {
            guard c.skip(yue) else { return .failure(.unreadable) }
            if c.i == n { return check(year, month.value, nil) }
            guard let day = c.run(), day.length <= 2 else { return .failure(.unreadable) }
            guard c.skip(ri) || c.skip(hao), c.atTimeOrEnd() else { return .failure(.unreadable) }
            return check(year, month.value, day.value)
        }
        if c.i == n { return check(year, month.value, nil) }
        guard b[c.i] == sep else { return .failure(.unreadable) }
        c.i += 1
        guard let day = c.run(), day.length <= 2, c.atTimeOrEnd() else { return .failure(.unreadable) }
        return check(year, month.value, day.value)
    }

    private static func check(_ y: Int, _ m: Int?, _ d: Int?) -> Result<CSVDate, Problem> {
        if let m, !(1...12).contains(m) { return .failure(.impossible) }
        if let m, let d, d < 1 || d > Day.daysIn(month: m, year: y) { return .failure(.impossible) }
        if y == 0 { return .failure(.impossible) }
        guard years.contains(y) else { return .failure(.outOfRange) }
        if let m, let d { return .success(.day(y, m, d)) }
        if let m { return .success(.month(y, m)) }
        return .success(.year(y))
    }
}
