/// Finds calendar days written in pages: `2024年5月21日`, `2024-05-21`, `2024/5/21`, `2024.05.21`,
/// ISO timestamps, and dates in URL paths (`/2020/07/04/`, `/202311/17/`).
enum DateFinder {
    /// The first valid day in `text`.
    static func firstDay(in text: String) -> Day? {
        let s = text.scalarArray()
        var i = 0
        while i < s.count {
            guard let (year, afterYear) = digits(s, i, count: 4), (1990...2100).contains(year) else {
                i += 1
                continue
            }
            // A year must not be the tail of a longer number.
            if i > 0, isDigit(s[i - 1]) {
                i += 1
                continue
            }
            var p = afterYear
            guard p < s.count else { return nil }
            let sep1 = s[p]
            guard sep1 == "年" || sep1 == "-" || sep1 == "/" || sep1 == "." || sep1 == "－" else {
                i = afterYear
                continue
            }
            p += 1
            while p < s.count && s[p] == " " { p += 1 }
            guard let (month, afterMonth) = digits(s, p, max: 2) else {
                i = afterYear
                continue
            }
            p = afterMonth
            guard p < s.count else {
                i = afterYear
                continue
            }
            let sep2 = s[p]
            let expected: Unicode.Scalar = sep1 == "年" ? "月" : sep1
            guard sep2 == expected || (sep1 == "－" && sep2 == "-") else {
                i = afterYear
                continue
            }
            p += 1
            while p < s.count && s[p] == " " { p += 1 }
            if let (day, _) = digits(s, p, max: 2), let d = Day(year: year, month: month, day: day) {
                return d
            }
            i = afterYear
        }
        return nil
    }

    /// A day in a URL path: `/2020/07/04/`, `/2020-07/04/`, `/202311/17/`, `/20231117/`.
    static func dayInURL(_ url: String) -> Day? {
        let s = Array(url.unicodeScalars)
        var digitsRun: [Int] = []
        var groups: [[Int]] = []
        for c in s {
            if isDigit(c) {
                digitsRun.append(Int(c.value) - 48)
            } else {
                if !digitsRun.isEmpty { groups.append(digitsRun) }
                digitsRun = []
            }
        }
        if !digitsRun.isEmpty { groups.append(digitsRun) }
        func value(_ g: [Int]) -> Int { g.reduce(0) { $0 * 10 + $1 } }
        for (k, g) in groups.enumerated() {
            if g.count == 8, let d = Day(year: value(Array(g[0..<4])), month: value(Array(g[4..<6])), day: value(Array(g[6..<8]))), (1990...2100).contains(d.year) {
                return d
            }
            if g.count == 6, k + 1 < groups.count, groups[k + 1].count == 2,
               let d = Day(year: value(Array(g[0..<4])), month: value(Array(g[4..<6])), day: value(groups[k + 1])), (1990...2100).contains(d.year) {
                return d
            }
            if g.count == 4, k + 2 < groups.count, groups[k + 1].count <= 2, groups[k + 2].count <= 2,
               let d = Day(year: value(g), month: value(groups[k + 1]), day: value(groups[k + 2])), (1990...2100).contains(d.year) {
                return d
            }
        }
        return nil
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    private static func digits(_ s: [Unicode.Scalar], _ i: Int, count: Int) -> (Int, Int)? {
        guard i + count <= s.count else { return nil }
        var v = 0
        for k in 0..<count {
            guard isDigit(s[i + k]) else { return nil }
            v = v * 10 + Int(s[i + k].value - 0x30)
        }
        if i + count < s.count, isDigit(s[i + count]) { return nil }
        return (v, i + count)
    }

    private static func digits(_ s: [Unicode.Scalar], _ i: Int, max: Int) -> (Int, Int)? {
        var v = 0
        var p = i
        while p < s.count, p - i < max, isDigit(s[p]) {
            v = v * 10 + Int(s[p].value - 0x30)
            p += 1
        }
        guard p > i else { return nil }
        if p < s.count, isDigit(s[p]) { return nil }
        return (v, p)
    }
}
