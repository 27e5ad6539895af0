import CityPulseQuantities

/// Reads the period a number refers to from the time words around it: 2024年, 2023年至2025年, 今年/去年
/// (relative to the publication date) and 去年以来, 截至2021年底 and 截至9月底, 1至6月 and 上半年, "十四五"
/// and 第十四个五年, spans looking back (4年来, 近三年, 3年累计) and spans ahead (确保5年…, 三年十万,
/// counted from the programme's start).
///
/// The time word nearest before the number in its clause governs it, else the nearest before it in its
/// sentence (a sentence opening with 其中 continues the one before), else a span or deadline after it in
/// the sentence (划定856个…，2023年至2025年…推进); else a word of the present before it (目前, 近日) dates it
/// to the publication; else a time word opening its paragraph (2017年，… as a year's review), else the
/// publication date (a result published in January or February: the year before).
struct PeriodResolver {
    var policyStart: Day?
    var published: Day?

    /// A time word found in the text.
    struct Cue {
        enum Form {
            case namedPlan(start: Int)
            case yearRange(Int, Int)
            case year(Int)
            case month(Int, Int)
            case months(year: Int, from: Int, to: Int)
            case until(year: Int, month: Int?)
            case relative(offset: Int)
            case lookBack(years: Int)
            /// 2023年以来, 2022年6月以来: from then to the time of writing.
            case since(year: Int, month: Int)
            case ahead(years: Int)
            /// 全年: the whole year of writing. It governs only a number in its own clause: in
            /// 上半年…，完成全年目标任务的52%，其中… the half year still governs what follows.
            case wholeYear
        }
        var form: Form
        var range: Range<Int>
        /// An explicit year that labels a report (2025年政府工作报告) rather than dating a number.
        var reportYear = false

        /// 2022年以来, 今年, 近三年: a span that already runs to the time of writing.
        var runsToPublication: Bool {
            switch form {
            case .since, .relative(offset: 0), .lookBack: true
            default: false
            }
        }
    }

    /// The time word that governs a number and the time words around it, read once per number; the
    /// period follows from it for either kind.
    struct Scope {
        /// The span of text the cues were read in (the sentence, or the paragraph before it).
        var range: Range<Int>
        /// Every time word of that span, report years included.
        var cues: [Cue]
        var governing: Cue?
        /// A programme's span glued to the number (三年十万), which governs before any time word.
        var glued: (period: Period, cue: Range<Int>)?
        var rule: String
        /// A word of the present (目前, 近日) dates the number to the publication.
        var atPresent = false
    }

    /// Which time word governs the number.
    func scope(for q: Quantity, in s: [Unicode.Scalar], sentence: Range<Int>, clause: Range<Int>, paragraph: Range<Int>) -> Scope {
        let all = cues(in: s, sentence)
        if let glued = gluedProgrammeSpan(for: q, in: s, sentence: sentence) {
            return Scope(range: sentence, cues: all, glued: (glued.0, glued.1), rule: "a programme named by its span and goal")
        }
        let usable = all.filter { !$0.reportYear }
        // 目前已建设32个, and 计划到2025年底建成100个，目前已建成60个: a word of the present after the
        // last time word dates the count to the time of writing (a 以来 span already runs to it).
        let now = TextCues.present.compactMap { ScalarText.occurrences(of: $0, in: s, within: sentence.lowerBound..<q.start).last }
            .max { $0.lowerBound < $1.lowerBound }
        func present(after c: Cue?) -> Scope? {
            guard let now, c.map({ now.lowerBound >= $0.range.upperBound && !$0.runsToPublication }) ?? true else { return nil }
            return Scope(range: sentence, cues: all, rule: "a word of the present (\(String(String.UnicodeScalarView(s[now])))) before the number", atPresent: true)
        }
        if let c = usable.last(where: { $0.range.upperBound <= q.start && $0.range.lowerBound >= clause.lowerBound }) {
            return present(after: c) ?? Scope(range: sentence, cues: all, governing: c, rule: "the time word before the number in its clause")
        }
        if let c = usable.last(where: { c in
            if case .wholeYear = c.form { return false }
            return c.range.upperBound <= q.start
        }) {
            return present(after: c) ?? Scope(range: sentence, cues: all, governing: c, rule: "the time word before the number in its sentence")
        }
        if let c = usable.first(where: { c in
            guard c.range.lowerBound >= q.end else { return false }
            switch c.form { case .yearRange, .until, .namedPlan: return true; default: return false }
        }) {
            return Scope(range: sentence, cues: all, governing: c, rule: "the span after the number in its sentence")
        }
        if let scope = present(after: nil) { return scope }
        if paragraph.lowerBound < sentence.lowerBound {
            var i = paragraph.lowerBound
            while i < sentence.lowerBound, s[i] == " " { i += 1 }
            let before = paragraph.lowerBound..<sentence.lowerBound
            let opening = cues(in: s, before)
            if let c = opening.first, c.range.lowerBound == i, !c.reportYear {
                return Scope(range: before, cues: opening, governing: c, rule: "the time word opening the paragraph")
            }
        }
        return Scope(range: sentence, cues: all, rule: "")
    }

    /// The period of a number of `kind` governed as `scope` says: the rule that decided it and the cue
    /// it read.
    func period(_ scope: Scope, kind: Fact.Kind, in s: [Unicode.Scalar]) -> Decision<Period?> {
        if let glued = scope.glued { return Decision(value: clamped(glued.period, kind), rule: scope.rule, cue: glued.cue) }
        guard let c = scope.governing else {
            guard let published else { return Decision(value: nil, rule: "no time word and no publication date", cue: nil) }
            // A result stated without a time word at a year's start reviews the year before (a work
            // report in January: 新来甬大学生超35万人), not the weeks since New Year.
            if kind == .achievement, published.month <= 2, !scope.atPresent {
                return Decision(value: .year(published.year - 1), rule: "a result published in January or February: the year before", cue: nil)
            }
            let p = kind == .target ? Period.year(published.year) : Period(start: Day(year: published.year, month: 1, day: 1)!, end: published)
            return Decision(value: p, rule: kind == .target ? "the publication year" : "from the start of the publication year to the publication date", cue: nil)
        }
        // 截至2024年10月底，今年已新增…: 今年 says where the count starts, the 截至 date where it ends.
        if case .relative(0) = c.form, let until = scope.cues.last(where: { u in
            guard u.range.upperBound <= c.range.lowerBound, case .until(let y, _) = u.form else { return false }
            return y == published?.year
        }) {
            return Decision(value: period(of: until, kind: kind, in: s, scope: scope), rule: scope.rule + " (今年 up to the 截至 date)", cue: until.range)
        }
        return Decision(value: period(of: c, kind: kind, in: s, scope: scope), rule: scope.rule, cue: c.range)
    }

    /// 三年十万: a span glued to the number (quotes aside) names a programme's length, and the number its goal.
    func gluedProgrammeSpan(for q: Quantity, in s: [Unicode.Scalar], sentence: Range<Int>) -> (Period, Range<Int>)? {
        var glued = q.start
        while glued > sentence.lowerBound, TextBoundaries.quotes.contains(s[glued - 1]) { glued -= 1 }
        let from = max(sentence.lowerBound, glued - 3)
        guard glued - from >= 2 else { return nil }
        for i in from..<(glued - 1) where s[i + 1] == "年" && i + 2 == glued {
            guard let n = Self.smallNumber(s[i]), i == 0 || (Self.smallNumber(s[i - 1]) == nil && !ScalarText.isDigit(s[i - 1])) else { continue }
            let start = policyStart ?? published.map { Day(year: $0.year, month: 1, day: 1)! }
            guard let start else { return nil }
            return (Period(start: start, end: Day(ordinal: start.addingYears(n).ordinal - 1)), i..<(i + 2))
        }
        return nil
    }

    /// A result cannot reach past the day it was published: its span ends there.
    func clamped(_ p: Period?, _ kind: Fact.Kind) -> Period? {
        guard let p, kind == .achievement, let published, published < p.end, published >= p.start else { return p }
        return Period(start: p.start, end: published)
    }

    // MARK: - The period of a cue

    func period(of c: Cue, kind: Fact.Kind, in s: [Unicode.Scalar], scope: Scope) -> Period? {
        switch c.form {
        case .namedPlan(let start):
            return clamped(Period(start: Day(year: start, month: 1, day: 1)!, end: Day(year: start + 4, month: 12, day: 31)!), kind)
        case .yearRange(let a, let b):
            return clamped(Period(start: Day(year: a, month: 1, day: 1)!, end: Day(year: b, month: 12, day: 31)!), kind)
        case .year(let y):
            return clamped(.year(y), kind)
        case .month(let y, let m):
            return clamped(.month(y, m), kind)
        case .months(let y, let a, let b):
            return clamped(Period(start: Day(year: y, month: a, day: 1)!, end: Day.endOf(year: y, month: b)), kind)
        case .until(let y, let m):
            let end = m.map { Day.endOf(year: y, month: $0) } ?? Day(year: y, month: 12, day: 31)!
            let start: Day
            if kind == .achievement {
                let thisYear = !ScalarText.occurrences(of: "今年", in: s, within: scope.range).isEmpty || m != nil
                start = thisYear ? Day(year: y, month: 1, day: 1)! : (policyStart ?? Day(year: y, month: 1, day: 1)!)
            } else {
                start = Day(year: published?.year ?? y, month: 1, day: 1)!
            }
            return Period(start: min(start, end), end: end)
        case .wholeYear:
            // 2023年，…，全年共有2.8万名: the year named before it in the sentence. Else the year of
            // writing, or for a result stated in January or February, the year before.
            for named in scope.cues.reversed() where named.range.upperBound <= c.range.lowerBound && !named.reportYear {
                if case .year(let y) = named.form { return clamped(.year(y), kind) }
            }
            guard let published else { return nil }
            if kind == .achievement, published.month <= 2 { return .year(published.year - 1) }
            return clamped(.year(published.year), kind)
        case .relative(let offset):
            guard let published else { return nil }
            let year = published.year + offset
            if kind == .achievement, offset == 0 { return Period(start: Day(year: year, month: 1, day: 1)!, end: published) }
            return .year(year)
        case .lookBack(let n):
            guard let endYear = lookBackEnd(before: c.range.lowerBound, in: scope.cues) else { return nil }
            let end = endYear == published?.year ? published! : Day(year: endYear, month: 12, day: 31)!
            return Period(start: Day(year: endYear - n + 1, month: 1, day: 1)!, end: end)
        case .since(let y, let m):
            let start = Day(year: y, month: m, day: 1)!
            guard let published, published >= start else { return nil }
            return Period(start: start, end: kind == .achievement ? published : Day(year: published.year, month: 12, day: 31)!)
        case .ahead(let n):
            let start = startYear(before: c.range.lowerBound, in: s, cues: scope.cues).map { Day(year: $0, month: 1, day: 1)! }
                ?? policyStart ?? published.map { Day(year: $0.year, month: 1, day: 1)! }
            guard let start else { return nil }
            return clamped(Period(start: start, end: Day(ordinal: start.addingYears(n).ordinal - 1)), kind)
        }
    }

    /// The year a look-back span ends: a year named before it in the sentence (the year before, when
    /// the year labels a report), else the publication year, or the year before when the text was
    /// published in January or February (reviews at a year's start look back on the years before).
    private func lookBackEnd(before position: Int, in cues: [Cue]) -> Int? {
        let earlier = cues.filter { $0.range.upperBound <= position }
        for c in earlier.reversed() {
            switch c.form {
            case .year(let y), .until(let y, _), .month(let y, _), .months(let y, _, _), .yearRange(_, let y):
                let y = c.reportYear ? y - 1 : y
                return min(y, published?.year ?? y)
            default: continue
            }
        }
        guard let published else { return nil }
        return published.month <= 2 ? published.year - 1 : published.year
    }

    /// A year followed by a start word earlier in the sentence (2022年6月启动，提出5年…).
    private func startYear(before position: Int, in s: [Unicode.Scalar], cues: [Cue]) -> Int? {
        for c in cues.reversed() where c.range.upperBound <= position {
            let y: Int
            switch c.form {
            case .year(let v), .month(let v, _): y = v
            default: continue
            }
            var k = c.range.upperBound
            while k < position, k - c.range.upperBound < 3, s[k] == " " || s[k] == "," || s[k] == "，" { k += 1 }
            if TextCues.startWords.contains(where: { ScalarText.hasWord($0, in: s, at: k) }) { return y }
        }
        return nil
    }

    // MARK: - Finding cues

    /// The time words inside `range`, left to right.
    func cues(in s: [Unicode.Scalar], _ range: Range<Int>) -> [Cue] {
        var out: [Cue] = []
        var i = range.lowerBound
        let end = min(range.upperBound, s.count)
        while i < end {
            if let c = cue(at: i, in: s, limit: end, earlier: out) {
                out.append(c)
                i = max(c.range.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    private static let namedPlans: [(String, Int)] = [("十一五", 2006), ("十二五", 2011), ("十三五", 2016), ("十四五", 2021), ("十五五", 2026)]
    private static let relatives: [(String, Int)] = [("今年", 0), ("本年", 0), ("明年", 1), ("去年", -1), ("上年", -1)]
    private static let halves: [(String, Int, Int)] = [
        ("上半年", 1, 6), ("下半年", 7, 12), ("前三季度", 1, 9), ("第一季度", 1, 3), ("一季度", 1, 3), ("第二季度", 4, 6),
        ("二季度", 4, 6), ("第三季度", 7, 9), ("三季度", 7, 9), ("第四季度", 10, 12), ("四季度", 10, 12),
    ]

    private func cue(at i: Int, in s: [Unicode.Scalar], limit: Int, earlier: [Cue]) -> Cue? {
        for (name, start) in Self.namedPlans where ScalarText.hasWord(name, in: s, at: i) {
            return Cue(form: .namedPlan(start: start), range: i..<(i + 3))
        }
        if s[i] == "第", let (n, after) = Self.ordinalFiveYearPlan(in: s, at: i) {
            // From the third plan (1966–1970) on, each plan follows the one before.
            return Cue(form: .namedPlan(start: 1966 + 5 * (n - 3)), range: i..<after)
        }
        if ScalarText.isDigit(s[i]), i == 0 || !ScalarText.isDigit(s[i - 1]),
           let c = yearCue(at: i, in: s, limit: limit) ?? monthCue(at: i, in: s, limit: limit, earlier: earlier) {
            return c
        }
        for (word, offset) in Self.relatives where ScalarText.hasWord(word, in: s, at: i) {
            // 去年以来: from the start of last year to the time of writing.
            if offset < 0, let published, ScalarText.hasWord("以来", in: s, at: i + 2) {
                return Cue(form: .since(year: published.year + offset, month: 1), range: i..<(i + 4))
            }
            return Cue(form: .relative(offset: offset), range: i..<(i + 2))
        }
        if ScalarText.hasWord("全年", in: s, at: i) { return Cue(form: .wholeYear, range: i..<(i + 2)) }
        for (word, a, b) in Self.halves where ScalarText.hasWord(word, in: s, at: i) {
            let n = word.unicodeScalars.count
            // 2023年上半年 is read with its year; 三季度 inside 前三季度 was taken whole.
            guard let year = inferredYear(month: b, earlier: earlier) else { return nil }
            return Cue(form: .months(year: year, from: a, to: b), range: i..<(i + n))
        }
        return spanCue(at: i, in: s, limit: limit)
    }

    /// 2024年, 2024年底, 2024年10月(底), 2017年1-3月份, 2023年至2025年, 2020-2022年, with 截至/到 before.
    private func yearCue(at i: Int, in s: [Unicode.Scalar], limit: Int) -> Cue? {
        guard let (year, afterYear) = Self.fourDigitYear(in: s, at: i) else { return nil }
        let until = Self.untilMarker(before: i, in: s)
        // 2020-2022年, 2023—2025年
        if afterYear < s.count, "-—–~至到".unicodeScalars.contains(s[afterYear]),
           let (second, after2) = Self.fourDigitYear(in: s, at: afterYear + 1), second >= year, after2 < s.count, s[after2] == "年" {
            return Cue(form: .yearRange(year, second), range: i..<(after2 + 1))
        }
        guard afterYear < s.count, s[afterYear] == "年" else { return nil }
        var j = afterYear + 1
        // 1987年至2016年底
        if j < s.count, "至到-—".unicodeScalars.contains(s[j]), let (second, after2) = Self.fourDigitYear(in: s, at: j + 1),
           second >= year, after2 < s.count, s[after2] == "年" {
            var k = after2 + 1
            if k < s.count, s[k] == "底" || s[k] == "末" { k += 1 }
            return withReport(Cue(form: .yearRange(year, second), range: i..<k), s)
        }
        if let (m, after) = Self.month(in: s, at: j) {
            if s[after - 1] != "月" {
                // 2017年1-3月份
                if let (m2, after2) = Self.month(in: s, at: after + 1), m2 >= m, s[after2 - 1] == "月" {
                    var k = after2
                    if k < s.count, s[k] == "份" { k += 1 }
                    return Cue(form: .months(year: year, from: m, to: m2), range: i..<k)
                }
                return withReport(Cue(form: until ? .until(year: year, month: nil) : .year(year), range: i..<j), s)
            }
            var k = after
            if ScalarText.hasWord("以来", in: s, at: k) { return Cue(form: .since(year: year, month: m), range: i..<(k + 2)) }
            let endOfMonth = k < s.count && (s[k] == "底" || s[k] == "末")
            if endOfMonth { k += 1 }
            return Cue(form: until || endOfMonth ? .until(year: year, month: m) : .month(year, m), range: i..<k)
        }
        if ScalarText.hasWord("以来", in: s, at: j) { return Cue(form: .since(year: year, month: 1), range: i..<(j + 2)) }
        if j < s.count, s[j] == "底" || s[j] == "末" {
            j += 1
            return withReport(Cue(form: until ? .until(year: year, month: nil) : .year(year), range: i..<j), s)
        }
        return withReport(Cue(form: until ? .until(year: year, month: nil) : .year(year), range: i..<j), s)
    }

    private func withReport(_ c: Cue, _ s: [Unicode.Scalar]) -> Cue {
        var c = c
        let window = c.range.upperBound..<min(s.count, c.range.upperBound + 12)
        c.reportYear = TextCues.reportWords.contains { !ScalarText.occurrences(of: $0, in: s, within: window).isEmpty }
        return c
    }

    /// 截至9月底, 1至6月, 1-3月份: months of the year named before them, else of the publication year.
    private func monthCue(at i: Int, in s: [Unicode.Scalar], limit: Int, earlier: [Cue]) -> Cue? {
        guard i == 0 || s[i - 1] != "年", let (m, after) = Self.month(in: s, at: i) else { return nil }
        if s[after - 1] != "月", after < s.count, "-—至到".unicodeScalars.contains(s[after]), let (m2, after2) = Self.month(in: s, at: after + 1),
           m2 >= m, s[after2 - 1] == "月" {
            var k = after2
            if k < s.count, s[k] == "份" { k += 1 }
            return inferredYear(month: m2, earlier: earlier).map { Cue(form: .months(year: $0, from: m, to: m2), range: i..<k) }
        }
        guard s[after - 1] == "月", Self.untilMarker(before: i, in: s) else { return nil }
        var k = after
        if k < s.count, s[k] == "底" || s[k] == "末" || s[k] == "份" { k += 1 }
        return inferredYear(month: m, earlier: earlier).map { Cue(form: .until(year: $0, month: m), range: i..<k) }
    }

    /// The year of a date written without one: the year named last before it, else the publication
    /// year (the year before, when the month has not come yet at publication). Nil when the text
    /// names no year before it and has no publication date: such a month dates nothing.
    private func inferredYear(month: Int, earlier: [Cue]) -> Int? {
        for c in earlier.reversed() {
            switch c.form {
            case .year(let y), .month(let y, _), .until(let y, _): return y
            default: continue
            }
        }
        guard let published else { return nil }
        return month > published.month ? published.year - 1 : published.year
    }

    /// 三年, 5年, 两年 as a span: looking back (4年来, 近三年, 3年累计) or ahead (确保5年…). Not after 个:
    /// 两个十年 counts decades, 第二个十年 names one.
    private func spanCue(at i: Int, in s: [Unicode.Scalar], limit: Int) -> Cue? {
        guard i + 1 < s.count, s[i + 1] == "年", let n = Self.smallNumber(s[i]) ?? (ScalarText.isDigit(s[i]) ? Int(s[i].value - 48) : nil), n > 0,
              i == 0 || (Self.smallNumber(s[i - 1]) == nil && !ScalarText.isDigit(s[i - 1]) && s[i - 1] != "第" && s[i - 1] != "个") else { return nil }
        let next = i + 2 < s.count ? s[i + 2] : " "
        if "级前后底末度代内初中轻".unicodeScalars.contains(next) { return nil }
        let back = TextCues.lookBackAfterSpan.contains { ScalarText.hasWord($0, in: s, at: i + 2) }
            || TextCues.lookBackBeforeSpan.contains { ScalarText.hasWord($0, in: s, endingAt: i) }
        return Cue(form: back ? .lookBack(years: n) : .ahead(years: n), range: i..<(i + 2))
    }

    /// 第十四个五年 (the fourteenth five-year plan, 十四五 written out): the plan's number, from the
    /// third on, and the index after 五年.
    static func ordinalFiveYearPlan(in s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        var j = i + 1
        guard j < s.count, let first = smallNumber(s[j]) else { return nil }
        var n = first
        j += 1
        if j < s.count, s[j] == "十", first < 10 {
            n = first * 10
            j += 1
        }
        if n % 10 == 0, j < s.count, let unit = smallNumber(s[j]), unit < 10 {
            n += unit
            j += 1
        }
        guard (3...20).contains(n), ScalarText.hasWord("个五年", in: s, at: j) else { return nil }
        return (n, j + 3)
    }

    // MARK: - Digits

    static func smallNumber(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "一": 1
        case "两", "二": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "七": 7
        case "八": 8
        case "九": 9
        case "十": 10
        default: nil
        }
    }

    /// The words that make a date the end of a count (截至2024年底).
    static let untilMarkers = ["截至", "截止", "到", "至"]

    /// One of `untilMarkers` right before `i` (at most one scalar such as 于 between).
    static func untilMarker(before i: Int, in s: [Unicode.Scalar]) -> Bool {
        for marker in untilMarkers {
            if ScalarText.hasWord(marker, in: s, endingAt: i) { return true }
            if i > 0, s[i - 1] == "于" || s[i - 1] == " ", ScalarText.hasWord(marker, in: s, endingAt: i - 1) { return true }
        }
        return false
    }

    /// Four digits from 1900 to 2100 not followed by another digit: the year and the index after it.
    static func fourDigitYear(in s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        guard i + 4 <= s.count else { return nil }
        var year = 0
        for k in 0..<4 {
            guard ScalarText.isDigit(s[i + k]) else { return nil }
            year = year * 10 + Int(s[i + k].value - 48)
        }
        guard (1900...2100).contains(year), i + 4 == s.count || !ScalarText.isDigit(s[i + 4]) else { return nil }
        return (year, i + 4)
    }

    /// One or two digits of a month (1–12) at `i`, and the index after them and a following 月.
    static func month(in s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        var m = 0
        var j = i
        while j < s.count, j - i < 2, ScalarText.isDigit(s[j]) {
            m = m * 10 + Int(s[j].value - 48)
            j += 1
        }
        guard j > i, (1...12).contains(m), j == s.count || !ScalarText.isDigit(s[j]) else { return nil }
        if j < s.count, s[j] == "月" { return (m, j + 1) }
        // 1-3月: the first month has no 月 of its own.
        if j < s.count, "-—至到".unicodeScalars.contains(s[j]) { return (m, j) }
        return nil
    }
}

/// A decision of a fact rule: the value, the rule that decided it and the words it read.
struct Decision<Value> {
    var value: Value
    var rule: String
    /// The cue's span in the normalized text.
    var cue: Range<Int>?
}
