/// Numbers that are recognised and set aside: calendar (years, dates, holidays), list markers,
/// anniversaries, formulas, phone numbers and codes.
extension ScanPass {
    // MARK: - Calendar

    /// 2024年 (year); 2022年6月, 5月21日, 6月, 二〇二四年七月四日, 廿二日 (date).
    ///
    /// A year followed by its month (and day) is reported as one `date` span, valued at the year: the
    /// release means a point in time, not a year and a separate month.
    mutating func calendar(_ r: NumeralReading) -> Int? {
        var e = r.end
        guard e < n else { return nil }
        // 2024 年, 6 月: a space left between the number and its calendar word.
        if e + 1 < n, NumeralScalar.isSpace(u[e]), u[e + 1] == 0x5E74 || u[e + 1] == 0x6708 || u[e + 1] == 0x65E5 {
            e += 1
        }
        // 俩月, 俩年 are lengths of time, never February or a year.
        if NumeralScalar.isFusedTwo(u[r.start]) { return nil }
        let integer = !r.hasFraction && r.value.exponent >= 0 && r.value.significand >= 0
        let whole = integer ? Int(r.value.significand) : -1
        switch u[e] {
        case 0x5E74:  // 年
            let yearLike =
                (r.plainArabicDigits == 4 && (1000...2999).contains(whole))
                || (r.isDigitString && r.chineseDigitCount == 4)
            guard yearLike else { return nil }
            var k = e + 1
            if k < n, u[k] == 0x5EA6 { k += 1 }  // 年度
            if k == e + 1, let dateEnd = monthAndDay(from: k) {
                emit(.date, r.start, dateEnd, value: r.value)
                return dateEnd
            }
            emit(.year, r.start, k, value: r.value)
            return k
        case 0x6708:  // 月
            guard (1...12).contains(whole), r.start == 0 || !(u[r.start - 1] == 0x4E2A || u[r.start - 1] == 0x500B)
            else { return nil }
            var k = e + 1
            if k < n, u[k] == 0x4EFD { k += 1 }  // 月份
            if let dayEnd = day(from: k) { k = dayEnd }
            emit(.date, r.start, k, value: r.value)
            return k
        case 0x65E5:  // 日
            guard (1...31).contains(whole) else { return nil }
            emit(.date, r.start, e + 1, value: r.value)
            return e + 1
        default:
            return nil
        }
    }

    /// The month (and day) after a year: 6月, 七月四日. Returns the end, or nil when no month follows.
    func monthAndDay(from k: Int) -> Int? {
        guard k < n, let m = reader.read(u, from: k), m.end < n, u[m.end] == 0x6708, Self.wholeValue(m, in: 1...12)
        else { return nil }
        var end = m.end + 1
        if end < n, u[end] == 0x4EFD { end += 1 }
        return day(from: end) ?? end
    }

    /// A day of the month at `k`: 21日, 四日, 1号.
    func day(from k: Int) -> Int? {
        guard k < n, let d = reader.read(u, from: k), d.end < n, Self.wholeValue(d, in: 1...31),
            u[d.end] == 0x65E5 || u[d.end] == 0x53F7 || u[d.end] == 0x865F
        else { return nil }
        return d.end + 1
    }

    static func wholeValue(_ r: NumeralReading, in range: ClosedRange<Int64>) -> Bool {
        !r.hasFraction && !r.isDigitString && r.value.exponent >= 0 && range.contains(r.value.significand)
    }

    /// Dates and times in digits: 2024-05-21, 2024/5/21, 2024.05.21, 14:30, 14:30:00.
    mutating func numericCalendar(at i: Int) -> Int? {
        guard let (y, yc, e1) = digits(at: i, max: 4) else { return nil }
        if yc == 4, (1000...2999).contains(y), e1 < n, [0x2D, 0x2F, 0x2E, 0xFF0D, 0xFF0F].contains(u[e1]),
            let (m, mc, e2) = digits(at: e1 + 1, max: 2), mc >= 1, (1...12).contains(m), e2 < n, u[e2] == u[e1],
            let (d, _, e3) = digits(at: e2 + 1, max: 2), (1...31).contains(d),
            e3 >= n || NumeralScalar.arabicDigit(u[e3]) == nil
        {
            emit(.date, i, e3, value: ExactDecimal(y))
            return e3
        }
        if yc <= 2, y <= 24, e1 < n, u[e1] == 0x3A || u[e1] == 0xFF1A,
            let (mm, mmc, e2) = digits(at: e1 + 1, max: 2), mmc == 2, mm <= 59,
            e2 >= n || NumeralScalar.arabicDigit(u[e2]) == nil
        {
            var end = e2
            if end < n, u[end] == u[e1], let (ss, ssc, e3) = digits(at: end + 1, max: 2), ssc == 2, ss <= 59 {
                end = e3
            }
            emit(.date, i, end, value: ExactDecimal(y))
            return end
        }
        return nil
    }

    /// Up to `max` Arabic digits at `i` (failing if more follow): their value, count and end.
    func digits(at i: Int, max: Int) -> (Int, Int, Int)? {
        var k = i
        var v = 0
        while k < n, k - i < max, let d = NumeralScalar.arabicDigit(u[k]) {
            v = v * 10 + Int(d)
            k += 1
        }
        guard k > i, k >= n || NumeralScalar.arabicDigit(u[k]) == nil else { return nil }
        return (v, k - i, k)
    }

    /// “五一”, 十一黄金周: the May Day and National Day holidays.
    mutating func holiday(_ r: NumeralReading, runEnd: Int) -> Int? {
        guard runEnd == r.end, r.scalarCount == 2, !r.hasArabic, u[r.start + 1] == 0x4E00,
            u[r.start] == 0x4E94 || u[r.start] == 0x5341
        else { return nil }
        guard isQuoted(r.start, r.end) || Self.holidayWords.longest(in: u, at: r.end) != nil else { return nil }
        emit(.date, r.start, r.end, value: nil)
        return r.end
    }

    static let holidayWords: PatternTable<Void> = PatternTable([
        ("节", ()), ("節", ()), ("假", ()), ("黄金周", ()), ("黃金週", ()), ("黃金周", ()), ("长假", ()), ("長假", ()),
        ("小长假", ()), ("小長假", ()), ("劳动节", ()), ("勞動節", ()), ("国庆", ()), ("國慶", ()), ("期间", ()),
        ("期間", ()), ("前后", ()), ("前後", ()),
    ])

    /// 双11, 双十一, 雙12 and 618大促, 520购物节, 1111狂欢节: shopping festivals named after their date are
    /// names, not counts.
    ///
    /// 双 names the festival when it stands before 11 or 12 and no number counts it (一双12码的鞋 is a
    /// pair); digits that read as a month and a day (618 is June 18, 1111 is November 11) name one only
    /// when a festival word follows them, so 618家 stays a count.
    mutating func shoppingFestival(_ r: NumeralReading, runEnd: Int) -> Int? {
        guard runEnd == r.end, !r.hasFraction, !r.isDigitString, r.value.exponent == 0 else { return nil }
        let whole = r.value.significand
        let s = r.start
        if s - 1 >= floor, u[s - 1] == 0x53CC || u[s - 1] == 0x96D9, whole == 11 || whole == 12,  // 双 雙
            r.plainArabicDigits == 2 || (!r.hasArabic && r.scalarCount == 2),
            s - 2 < 0 || !(Self.isNumeralOrCode(u[s - 2]) || u[s - 2] == 0x7B2C)  // not 一双, 两双, 第
        {
            emit(.name, s - 1, r.end, value: r.value)
            return r.end
        }
        let month = whole / 100
        let day = whole % 100
        let dated = (r.plainArabicDigits == 3 && (1...9).contains(month)) || (r.plainArabicDigits == 4 && (10...12).contains(month))
        // “520”活动: the quotes may stand between the number and the word.
        let wordAt = isQuoted(s, r.end) ? r.end + 1 : r.end
        guard dated, (1...31).contains(day), Self.festivalWords.longest(in: u, at: wordAt) != nil else { return nil }
        emit(.name, s, r.end, value: r.value)
        return r.end
    }

    static let festivalWords: PatternTable<Void> = PatternTable([
        ("大促", ()), ("年中大促", ()), ("购物节", ()), ("購物節", ()), ("当天", ()), ("當天", ()), ("狂欢节", ()),
        ("狂歡節", ()), ("活动", ()), ("活動", ()), ("促销", ()), ("促銷", ()), ("购物季", ()), ("購物季", ()),
        ("电商节", ()), ("電商節", ()), ("晚会", ()), ("晚會", ()), ("大促销", ()), ("大促銷", ()),
    ])

    /// Whether the span sits alone between quotation marks.
    func isQuoted(_ start: Int, _ end: Int) -> Bool {
        start >= 1 && end < n && NumeralScalar.isOpeningQuote(u[start - 1]) && NumeralScalar.isClosingQuote(u[end])
    }

    // MARK: - Ordinals, anniversaries, formulas

    /// List markers: 1. at the start of a line or after a full stop, 一、, (1), （一）.
    mutating func enumerator(_ r: NumeralReading) -> Int? {
        let small =
            (1...2).contains(r.plainArabicDigits)
            || (r.hasChinese && !r.hasArabic && !r.hasFraction && !r.isDigitString && r.scalarCount <= 2)
        guard small, r.end < n else { return nil }
        let before: UInt32 = r.start > 0 ? u[r.start - 1] : 0x0A
        let after = u[r.end]
        if (before == 0x28 && after == 0x29) || (before == 0xFF08 && after == 0xFF09) {
            guard r.start - 1 >= floor else { return nil }
            emit(.ordinal, r.start - 1, r.end + 1, value: r.value)
            return r.end + 1
        }
        let marker = after == 0x3001 || (r.hasArabic && (after == 0x2E || after == 0xFF0E))
        let lineStart = [0x0A, 0x0D, 0x20, 0x3000, 0x3002, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0x09, 0xFF01, 0xFF1F].contains(before)
        guard marker, lineStart else { return nil }
        emit(.ordinal, r.start, r.end + 1, value: r.value)
        return r.end + 1
    }

    /// 70周年, 30 周年.
    mutating func anniversary(_ r: NumeralReading) -> Int? {
        var k = r.end
        while k < n, NumeralScalar.isSpace(u[k]) { k += 1 }
        guard Self.anniversaryWord.matches(u, at: k) || Self.anniversaryWordTraditional.matches(u, at: k) else {
            return nil
        }
        emit(.anniversary, r.start, k + 2, value: r.value, unit: string(k, k + 2))
        return k + 2
    }

    static let anniversaryWord = ScalarPattern("周年")
    static let anniversaryWordTraditional = ScalarPattern("週年")

    /// 1+1>2: numbers joined by arithmetic signs.
    mutating func formula(_ r: NumeralReading) -> Int? {
        var k = r.end
        var terms = 1
        while k + 1 < n, Self.isOperator(u[k]), NumeralScalar.arabicDigit(u[k + 1]) != nil || NumeralScalar.chineseDigit(u[k + 1]) != nil,
            let next = reader.read(u, from: k + 1)
        {
            k = next.end
            terms += 1
        }
        guard terms > 1 else { return nil }
        emit(.formula, r.start, k, value: nil)
        return k
    }

    static func isOperator(_ c: UInt32) -> Bool {
        [0x2B, 0xFF0B, 0x3D, 0xFF1D, 0x3E, 0xFF1E, 0x3C, 0xFF1C, 0xD7, 0xF7].contains(c)
    }

    // MARK: - Codes

    /// Phone numbers with an area code: 0471-1234567.
    mutating func phoneNumber(at i: Int) -> Int? {
        guard NumeralScalar.arabicDigit(u[i]) == 0, let (_, ac, e1) = digits(at: i, max: 4), (3...4).contains(ac),
            e1 < n, u[e1] == 0x2D || u[e1] == 0xFF0D, let (_, lc, e2) = digits(at: e1 + 1, max: 8), (7...8).contains(lc)
        else { return nil }
        emit(.identifier, i, e2, value: nil)
        return e2
    }

    /// Digit strings that are codes, not amounts: a leading zero (010000), eight digits or more with
    /// no unit (13800138000), or a label before them (邮编, 电话, 编号).
    mutating func identifier(_ r: NumeralReading) -> Int? {
        guard r.plainArabicDigits > 0 else { return nil }
        let unitFollows = UnitCatalog.unit(in: u, at: r.end) != nil
        let labelStart = labelledCodeStart(r.start)
        guard (r.leadingZero && r.plainArabicDigits >= 3) || (r.plainArabicDigits >= 8 && !unitFollows)
            || labelStart != nil
        else { return nil }
        emit(.identifier, labelStart ?? r.start, r.end, value: nil)
        return r.end
    }

    /// Where a labelled code begins: at `start` after 电话, 编号…, or at the sign between label and
    /// digits (编号-01, 编号负零一), which is part of the code, not a minus.
    func labelledCodeStart(_ start: Int) -> Int? {
        if hasCodeLabel(before: start) { return start }
        if start - 1 >= floor, [0x2D, 0xFF0D, 0x8D1F, 0x8CA0].contains(u[start - 1]), hasCodeLabel(before: start - 1) {
            return start - 1
        }
        return nil
    }

    func hasCodeLabel(before start: Int) -> Bool {
        var k = start
        while k - 1 >= floor, NumeralScalar.isSpace(u[k - 1]) || u[k - 1] == 0x3A || u[k - 1] == 0xFF1A { k -= 1 }
        return Self.codeLabels.longest(in: u, endingAt: k, floor: floor) != nil
    }

    static let codeLabels: PatternTable<Void> = PatternTable([
        ("邮编", ()), ("郵編", ()), ("邮政编码", ()), ("郵政編碼", ()), ("电话", ()), ("電話", ()), ("编号", ()),
        ("編號", ()), ("代码", ()), ("代碼", ()), ("号码", ()), ("號碼", ()), ("热线", ()), ("熱線", ()), ("传真", ()),
        ("傳真", ()), ("手机", ()), ("手機", ()), ("QQ", ()), ("微信", ()), ("账号", ()), ("帳號", ()), ("工号", ()),
        ("工號", ()), ("学号", ()), ("學號", ()), ("身份证", ()), ("身份證", ()), ("No.", ()), ("NO.", ()),
    ])

    /// The whole run of code scalars around `i` (iPhone11, 64GB, A380-800, name234@163.com), reported as
    /// an identifier.
    mutating func identifierToken(around i: Int) -> Int {
        var s = i
        while s - 1 >= floor {
            if Self.isCodeScalar(u[s - 1]) {
                s -= 1
            } else if u[s - 1] == 0x40 || u[s - 1] == 0x2E, s - 2 >= floor, Self.isCodeScalar(u[s - 2]) {
                s -= 1  // back across the @ or . of an address
            } else {
                break
            }
        }
        var e = i
        while e < n {
            if Self.isCodeScalar(u[e]) {
                e += 1
            } else if u[e] == 0x2D || u[e] == 0x2E || u[e] == 0x40, e + 1 < n, Self.isCodeScalar(u[e + 1]) {
                e += 1
            } else {
                break
            }
        }
        emit(.identifier, s, e, value: nil)
        return e
    }
}
