/// Reads the day a feed item was published from the forms feeds use: RFC 822 (`pubDate`, with or
/// without the weekday, numeric or named zones, two- or four-digit years), ISO 8601 (Atom `published`
/// and `updated`, `dc:date`) and Chinese dates (`2024年5月21日`, also in full-width digits).
///
/// The day is the one written in the publisher's own zone: `Wed, 22 May 2024 23:30:00 +0800` is
/// 2024-05-22 whatever the time in Greenwich, because that is the date of the release as its readers
/// saw it.
enum FeedDate {
    /// Years accepted as publication years, as for pages.
    static let years = 1990...2100

    /// The day in `text`, or nil.
    static func day(in text: String) -> Day? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var folded = false
        for s in text.unicodeScalars {
            // Full-width digits and punctuation as in ASCII: ２０２４－０５－２１.
            if s.value >= 0xFF01 && s.value <= 0xFF5E, let ascii = Unicode.Scalar(s.value - 0xFEE0) {
                scalars.append(ascii)
                folded = true
            } else {
                scalars.append(s)
            }
        }
        if let day = rfc822(scalars) { return day }
        if let chinese = foldingChineseNumerals(scalars) {
            scalars = chinese
            folded = true
        }
        let numeric = folded ? String(String.UnicodeScalarView(scalars)) : text
        if let day = DateFinder.firstDay(in: numeric), years.contains(day.year) { return day }
        return nil
    }

    // MARK: - Chinese numerals

    private static let chineseDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// `二〇二四年五月二十一日` as `2024年5月21日`: a year written digit by digit, a month or day with 十.
    /// Nil when the text has no Chinese numeral before 年, 月, 日 or 号.
    static func foldingChineseNumerals(_ s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        var changed = false
        var i = 0
        while i < s.count {
            let start = i
            while i < s.count, chineseDigits[s[i]] != nil || s[i] == "十" { i += 1 }
            guard i > start else {
                out.append(s[i])
                i += 1
                continue
            }
            let run = s[start..<i]
            let next: Unicode.Scalar = i < s.count ? s[i] : " "
            var value: Int?
            if next == "年", !run.contains("十"), run.count == 4 {
                value = run.reduce(0) { $0 * 10 + chineseDigits[$1]! }
            } else if next == "月" || next == "日" || next == "号" || next == "號" {
                value = smallNumber(run)
            }
            if let value {
                out.append(contentsOf: String(value).unicodeScalars)
                changed = true
            } else {
                out.append(contentsOf: run)
            }
        }
        return changed ? out : nil
    }

    /// 一 … 九, 十, 十一 … 十九, 二十 … 三十一.
    private static func smallNumber(_ run: ArraySlice<Unicode.Scalar>) -> Int? {
        let chars = Array(run)
        switch chars.count {
        case 1:
            return chars[0] == "十" ? 10 : chineseDigits[chars[0]].flatMap { $0 > 0 ? $0 : nil }
        case 2:
            if chars[0] == "十", let unit = chineseDigits[chars[1]], unit > 0 { return 10 + unit }
            if chars[1] == "十", let tens = chineseDigits[chars[0]], tens > 1 { return tens * 10 }
            return nil
        case 3:
            guard chars[1] == "十", let tens = chineseDigits[chars[0]], tens > 1, let unit = chineseDigits[chars[2]], unit > 0 else { return nil }
            return tens * 10 + unit
        default:
            return nil
        }
    }

    // MARK: - RFC 822

    private struct Token {
        enum Kind { case word, number }
        var kind: Kind
        var start: Int
        var end: Int
        var value: Int
        /// A number next to `:` (a time of day) or after a sign (a zone offset) is not part of the date.
        var isDatePart: Bool
    }

    /// `[Wed, ]22 May 2024[ 16:00:00 +0800]`, and the `May 22, 2024` order some feeds write.
    static func rfc822(_ s: [Unicode.Scalar]) -> Day? {
        let tokens = tokenize(s)
        var monthToken = -1
        var monthNumber = 0
        for (k, t) in tokens.enumerated() where t.kind == .word {
            if let m = month(s, t) {
                monthToken = k
                monthNumber = m
                break
            }
        }
        guard monthToken >= 0 else { return nil }
        let monthStart = tokens[monthToken].start
        // The numbers of the date stand within two tokens of the month name.
        var numbers: [Token] = []
        for t in tokens[max(0, monthToken - 2)..<min(tokens.count, monthToken + 3)] where t.kind == Token.Kind.number && t.isDatePart {
            numbers.append(t)
        }
        let fourDigits = numbers.first { $0.end - $0.start == 4 }
        let twoDigitsAfterMonth = numbers.last { $0.end - $0.start == 2 && $0.start > monthStart }
        guard let year = fourDigits ?? twoDigitsAfterMonth else { return nil }
        guard let dayToken = numbers.first(where: { $0.start != year.start && $0.end - $0.start <= 2 && $0.value >= 1 && $0.value <= 31 }) else {
            return nil
        }
        let twoDigitYear = year.end - year.start == 2
        let fullYear = twoDigitYear ? (year.value < 50 ? 2000 + year.value : 1900 + year.value) : year.value
        guard years.contains(fullYear) else { return nil }
        return Day(year: fullYear, month: monthNumber, day: dayToken.value)
    }

    private static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < s.count {
            let v = s[i].value
            if isLetter(v) {
                let start = i
                while i < s.count, isLetter(s[i].value) { i += 1 }
                tokens.append(Token(kind: .word, start: start, end: i, value: 0, isDatePart: false))
            } else if isDigit(v) {
                let start = i
                var value = 0
                while i < s.count, isDigit(s[i].value) {
                    if i - start < 9 { value = value * 10 + Int(s[i].value - 0x30) }
                    i += 1
                }
                let before = start > 0 ? s[start - 1] : " "
                let after = i < s.count ? s[i] : " "
                // `+0800`, `-0500`; but `22-May-2024` keeps its year.
                let signed = before == "+" || (before == "-" && (start < 2 || !isLetter(s[start - 2].value)))
                let isDatePart = before != ":" && after != ":" && !signed && i - start <= 4
                tokens.append(Token(kind: .number, start: start, end: i, value: value, isDatePart: isDatePart))
            } else {
                i += 1
            }
        }
        return tokens
    }

    private static let monthNames: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }
    private static let fullMonthNames: [String] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// The month an English month name (three letters, `Sept`, or in full) stands for.
    private static func month(_ s: [Unicode.Scalar], _ t: Token) -> Int? {
        let length = t.end - t.start
        guard length >= 3 else { return nil }
        var prefix: [UInt8] = []
        for k in 0..<3 { prefix.append(UInt8(s[t.start + k].value) | 0x20) }
        guard let index = monthNames.firstIndex(of: prefix) else { return nil }
        if length == 3 { return index + 1 }
        var word = ""
        for k in t.start..<t.end { word.unicodeScalars.append(Unicode.Scalar(UInt8(s[k].value) | 0x20)) }
        if word == fullMonthNames[index] || word == "sept" { return index + 1 }
        return nil
    }

    private static func isLetter(_ v: UInt32) -> Bool { (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
    private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
}
