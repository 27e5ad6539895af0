import CityPulseQuantities

/// Reads the period a number refers to from the words around it: 2024年, 今年/明年 (relative to the
/// publication date), 三年 (from the policy's start), 到2025年底, 截至10月底, "十四五"期间.
struct PeriodResolver {
    var policyStart: Day?
    var published: Day?

    func period(for q: Quantity, kind: Fact.Kind, in s: [Unicode.Scalar], sentence: Range<Int>, clause: Range<Int>) -> Period? {
        if let p = gluedProgrammeSpan(for: q, in: s, sentence: sentence) { return clamped(p, kind) }
        let scopes = [clause.lowerBound..<q.start, sentence.lowerBound..<q.start, clause]
        for (i, scope) in scopes.enumerated() {
            if let p = namedPlanPeriod(in: s, scope) { return clamped(p, kind) }
            if let p = untilPeriod(in: s, scope, kind: kind) { return p }
            if let y = explicitYear(in: s, scope) { return clamped(.year(y), kind) }
            if let p = relativeYear(in: s, scope, kind: kind) { return p }
            // "三年十万…工程实施以来，累计已有…": a result counted since the programme began.
            if i == 1, kind == .achievement, let p = programmeSpan(in: s, scope) { return clamped(p, kind) }
        }
        guard let published else { return nil }
        return kind == .target ? .year(published.year) : Period(start: Day(year: published.year, month: 1, day: 1)!, end: published)
    }

    /// 三年十万: a span glued to the number (quotes aside) names a programme's length, and the number its goal.
    func gluedProgrammeSpan(for q: Quantity, in s: [Unicode.Scalar], sentence: Range<Int>) -> Period? {
        var glued = q.start
        while glued > sentence.lowerBound, "“”\"「」『』".unicodeScalars.contains(s[glued - 1]) { glued -= 1 }
        return programmeSpan(in: s, max(sentence.lowerBound, glued - 3)..<glued)
    }

    /// A result cannot reach past the day it was published: its span ends there.
    private func clamped(_ p: Period, _ kind: Fact.Kind) -> Period {
        guard kind == .achievement, let published, published < p.end, published >= p.start else { return p }
        return Period(start: p.start, end: published)
    }

    /// "十四五" → 2021–2025, "十五五" → 2026–2030.
    private func namedPlanPeriod(in s: [Unicode.Scalar], _ scope: Range<Int>) -> Period? {
        let plans: [(String, Int)] = [("十三五", 2016), ("十四五", 2021), ("十五五", 2026)]
        for (name, start) in plans where !FactExtractor.occurrences(of: Array(name.unicodeScalars), in: s, within: scope).isEmpty {
            return Period(start: Day(year: start, month: 1, day: 1)!, end: Day(year: start + 4, month: 12, day: 31)!)
        }
        return nil
    }

    /// 到2025年底 / 截至2024年10月底: a span ending there. A result counts from the year's start when
    /// the sentence says 今年, else from the policy's start; a plan counts from the publication year.
    private func untilPeriod(in s: [Unicode.Scalar], _ scope: Range<Int>, kind: Fact.Kind) -> Period? {
        for marker in ["截至", "截止", "到", "至"] {
            for hit in FactExtractor.occurrences(of: Array(marker.unicodeScalars), in: s, within: scope) {
                guard let (year, month, next) = Self.yearMonth(in: s, at: hit.upperBound, limit: scope.upperBound) else { continue }
                _ = next
                let end = month.map { Day.endOf(year: year, month: $0) } ?? Day(year: year, month: 12, day: 31)!
                let thisYear = !FactExtractor.occurrences(of: Array("今年".unicodeScalars), in: s, within: scope.lowerBound..<s.count).isEmpty
                let start: Day
                if kind == .achievement {
                    start = thisYear ? Day(year: year, month: 1, day: 1)! : (policyStart ?? Day(year: year, month: 1, day: 1)!)
                } else {
                    start = Day(year: published?.year ?? year, month: 1, day: 1)!
                }
                return Period(start: min(start, end), end: end)
            }
        }
        return nil
    }

    /// A four-digit year written with 年, not followed by a month (2024年新增…).
    private func explicitYear(in s: [Unicode.Scalar], _ scope: Range<Int>) -> Int? {
        var i = scope.lowerBound
        while i < scope.upperBound {
            if let (year, month, _) = Self.yearMonth(in: s, at: i, limit: scope.upperBound), month == nil,
               i == 0 || !Self.isDigit(s[i - 1]) {
                return year
            } else if let (_, _, next) = Self.yearMonth(in: s, at: i, limit: scope.upperBound) {
                i = next
                continue
            }
            i += 1
        }
        return nil
    }

    /// 今年, 明年, 去年 relative to the publication date.
    private func relativeYear(in s: [Unicode.Scalar], _ scope: Range<Int>, kind: Fact.Kind) -> Period? {
        guard let published else { return nil }
        let words: [(String, Int)] = [("今年", 0), ("本年", 0), ("明年", 1), ("去年", -1)]
        for (word, offset) in words where !FactExtractor.occurrences(of: Array(word.unicodeScalars), in: s, within: scope).isEmpty {
            let year = published.year + offset
            if kind == .achievement, offset == 0 { return Period(start: Day(year: year, month: 1, day: 1)!, end: published) }
            return .year(year)
        }
        return nil
    }

    /// 三年, 两年, 5年 naming a programme's length: counted from the policy's start.
    private func programmeSpan(in s: [Unicode.Scalar], _ scope: Range<Int>) -> Period? {
        let numerals: [Unicode.Scalar: Int] = ["一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
        guard let start = policyStart ?? published.map({ Day(year: $0.year, month: 1, day: 1)! }) else { return nil }
        var i = scope.lowerBound
        while i + 1 < scope.upperBound {
            if s[i + 1] == "年", i == 0 || (numerals[s[i - 1]] == nil && !Self.isDigit(s[i - 1])) {
                let n = numerals[s[i]] ?? (Self.isDigit(s[i]) ? Int(s[i].value - 48) : nil)
                if let n, n > 0, !(i + 2 < s.count && (s[i + 2] == "级" || s[i + 2] == "前")) {
                    let end = Day(ordinal: start.addingYears(n).ordinal - 1)
                    return Period(start: start, end: end)
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Digits

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// `2024年` or `2024年10月` (optionally followed by 底/末) starting at `i`: year, month, index after.
    static func yearMonth(in s: [Unicode.Scalar], at i: Int, limit: Int) -> (Int, Int?, Int)? {
        guard i + 4 < min(limit, s.count) || (i + 4 < s.count) else { return nil }
        var year = 0
        for k in 0..<4 {
            guard i + k < s.count, isDigit(s[i + k]) else { return nil }
            year = year * 10 + Int(s[i + k].value - 48)
        }
        guard i + 4 < s.count, s[i + 4] == "年", (1900...2100).contains(year) else { return nil }
        guard i + 4 >= s.count - 1 || !isDigit(s[min(i + 4, s.count - 1)]) else { return nil }
        var j = i + 5
        var month = 0
        var digits = 0
        while j < s.count, isDigit(s[j]), digits < 2 {
            month = month * 10 + Int(s[j].value - 48)
            j += 1
            digits += 1
        }
        if digits > 0, j < s.count, s[j] == "月", (1...12).contains(month) {
            j += 1
            if j < s.count, s[j] == "底" || s[j] == "末" { j += 1 }
            return (year, month, j)
        }
        var k = i + 5
        if k < s.count, s[k] == "底" || s[k] == "末" { k += 1 }
        return (year, nil, k)
    }
}
