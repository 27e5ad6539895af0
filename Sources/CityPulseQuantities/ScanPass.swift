/// One left-to-right pass of the scanner over one string.
///
/// `floor` is the end of the last reported span: cues are never looked for behind it, so a scalar
/// belongs to at most one reported quantity.
struct ScanPass {
    /// The scalar values of the text: the only copy of it the pass keeps.
    let u: [UInt32]
    var found: [Quantity] = []
    var floor = 0
    let reader = NumeralReader(lenient: false)

    init(_ text: String) {
        u = text.unicodeScalars.map(\.value)
    }

    var n: Int { u.count }

    mutating func run() {
        var i = 0
        while i < n {
            if Self.mayStart(u[i]), let next = number(at: i) {
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
    }

    /// Scalars at which a number (or a cue that owns the number after it) can begin.
    @inline(__always)
    static func mayStart(_ c: UInt32) -> Bool {
        NumeralScalar.arabicDigit(c) != nil || NumeralScalar.chineseDigit(c) != nil
            || NumeralScalar.isMultiplier(c) || NumeralScalar.compoundTens(c) != nil
            || QualifierCues.isVagueLead(c) || NumeralScalar.isFusedTwo(c) || c == 0x534A  // 半 (半百)
            || NumeralScalar.isArabicPoint(c)  // .75
    }

    // MARK: - Emitting

    /// The text of scalars `a..<b`, encoded straight to UTF-8 (the generic scalar-view initializer is
    /// several times slower, and every reported span pays for it).
    func string(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        return String(unsafeUninitializedCapacity: (b - a) * 4) { buffer in
            var k = 0
            for i in a..<b {
                UTF8.encode(Unicode.Scalar(u[i]).unsafelyUnwrapped) { byte in
                    buffer[k] = byte
                    k += 1
                }
            }
            return k
        }
    }

    mutating func emit(
        _ kind: QuantityKind, _ start: Int, _ end: Int, value: ExactDecimal?, lower: ExactDecimal? = nil,
        upper: ExactDecimal? = nil, qualifier: Qualifier? = nil, unit: String = "", unitClass: UnitClass = .none
    ) {
        found.append(
            Quantity(
                kind: kind, text: string(start, end), value: value, lower: lower, upper: upper,
                qualifier: qualifier, unit: unit, unitClass: unitClass, start: start, end: end))
        floor = end
    }

    // MARK: - Entry

    /// Reads whatever starts at `i`; returns where scanning resumes, or nil when nothing starts here.
    mutating func number(at i: Int) -> Int? {
        let c = u[i]
        if NumeralScalar.isArabicPoint(c) { return leadingPointDecimal(at: i) }
        if NumeralScalar.arabicDigit(c) != nil {
            if i > 0, i - 1 >= floor, Self.isCodeScalar(u[i - 1]), !NumeralScalar.arabicDigitOrPoint(u[i - 1]) {
                return identifierToken(around: i)
            }
            // The digits of an address: name@163.com, www.163.com.
            if i > 1, i - 2 >= floor, u[i - 1] == 0x40 || u[i - 1] == 0x2E, Self.isCodeScalar(u[i - 2]) {
                return identifierToken(around: i)
            }
            if let end = numericCalendar(at: i) { return end }
            if let end = phoneNumber(at: i) { return end }
        }
        if let m = NumeralScalar.smallMultiplier(c) ?? NumeralScalar.bigMultiplier(c), m != 10 {
            return leadingMultiplier(at: i, multiplier: m)
        }
        if QualifierCues.isVagueLead(c) { return vagueCount(at: i) }
        if let end = adjacentDigitRange(at: i) { return end }
        guard let reading = reader.read(u, from: i) else {
            // A run of digits too long for any amount (a serial, a hash) is one identifier, read once:
            // retrying it from each of its digits would make the scan quadratic.
            if NumeralScalar.arabicDigit(c) != nil, let token = NumeralReader.readArabic(u, from: i), token.value == nil {
                emit(.identifier, i, token.end, value: nil)
                return token.end
            }
            return nil
        }
        return classify(reading)
    }

    /// .75, ．７５: a decimal written without its zero, where the point follows no digit, letter, point,
    /// numeral or 第 (so 1.2.3, v.75 and a list marker stay as they were), and no calendar word follows (in
    /// 家.5月 the point ends a sentence).
    mutating func leadingPointDecimal(at i: Int) -> Int? {
        guard i + 1 < n, NumeralScalar.arabicDigit(u[i + 1]) != nil else { return nil }
        if i > 0 {
            // Looked at even behind the floor: in 1.2.3 the second point follows the 2 of 1.2.
            let before = u[i - 1]
            if Self.isNumeralOrCode(before) || NumeralScalar.isArabicPoint(before) || NumeralScalar.isFullWidthLetter(before)
                || before == 0x40 || before == 0x7B2C  // @ 第
            {
                return nil
            }
        }
        guard let reading = reader.read(u, from: i, leadingPoint: true), reading.hasFraction else { return nil }
        if reading.end < n, [0x5E74, 0x6708, 0x65E5, 0x53F7, 0x865F].contains(u[reading.end]) { return nil }  // 年 月 日 号 號
        return classify(reading)
    }

    /// 百分之五十, 千分之三 (percent), and 百人计划 (a plan's name); anything else led by 百, 千, 万 is a
    /// word (百姓, 千家万户, 万众).
    mutating func leadingMultiplier(at i: Int, multiplier: Int64) -> Int? {
        let fen: UInt32 = 0x5206
        let zhi: UInt32 = 0x4E4B
        if i + 3 < n, u[i + 1] == fen, u[i + 2] == zhi, multiplier == 100 || multiplier == 1000 {
            let scale = multiplier == 100 ? ExactDecimal(1) : ExactDecimal(significand: 1, exponent: -1)
            if NumeralScalar.smallMultiplier(u[i + 3]) == 100, multiplier == 100,
                i + 4 >= n || !NumeralScalar.isChineseNumeral(u[i + 4])
            {
                // 百分之百
                var r = NumeralReading(start: i + 3, end: i + 4, value: ExactDecimal(100), trailingStart: i + 4)
                r.hasChinese = true
                r.hasMultiplier = true
                return classify(r, lead: Lead(start: i, unit: string(i, i + 3), unitClass: .percent, scale: scale))
            }
            guard let r = reader.read(u, from: i + 3) else { return nil }
            return classify(r, lead: Lead(start: i, unit: string(i, i + 3), unitClass: .percent, scale: scale))
        }
        if i + 2 < n, u[i + 1] == 0x4EBA, Self.plan.matches(u, at: i + 2) || Self.planTraditional.matches(u, at: i + 2) {
            emit(.name, i, i + 4, value: ExactDecimal(significand: multiplier), unit: string(i + 1, i + 2),
                unitClass: .person)
            return i + 4
        }
        return nil
    }

    static let plan = ScalarPattern("计划")
    static let planTraditional = ScalarPattern("計劃")

    /// 几十万, 数百家, 數千人: a vague count from the multiplier to ten times it.
    mutating func vagueCount(at i: Int) -> Int? {
        var j = i + 1
        var value = ExactDecimal(1)
        var multipliers: [Int64] = []
        while j < n, let m = NumeralScalar.smallMultiplier(u[j]) ?? NumeralScalar.bigMultiplier(u[j]) {
            if let last = multipliers.last, last <= m, m < 10_000 { break }
            guard let v = value.multiplied(by: ExactDecimal(significand: m)) else { break }
            value = v
            multipliers.append(m)
            j += 1
        }
        guard !multipliers.isEmpty else { return nil }
        var r = NumeralReading(start: i, end: j, value: value, trailingStart: i + 1)
        r.trailingMultipliers = multipliers
        r.hasChinese = true
        r.hasMultiplier = true
        return classify(r, vague: true)
    }

    /// 七八万 (70,000–80,000), 三四十 (30–40), 两三家, 三五百: two digits, the second larger, sharing
    /// the multipliers or the counter after them.
    mutating func adjacentDigitRange(at i: Int) -> Int? {
        guard i + 1 < n, let a = NumeralScalar.chineseDigit(u[i]), a > 0,
            let b = NumeralScalar.chineseDigit(u[i + 1]), b > a,
            let second = reader.read(u, from: i + 1), !second.isDigitString, !second.hasFraction
        else { return nil }
        var product = ExactDecimal(1)
        for m in second.trailingMultipliers {
            guard let p = product.multiplied(by: ExactDecimal(significand: m)) else { return nil }
            product = p
        }
        guard second.value == ExactDecimal(significand: b).multiplied(by: product),
            let lower = ExactDecimal(significand: a).multiplied(by: product)
        else { return nil }
        if second.trailingMultipliers.isEmpty, UnitCatalog.unit(in: u, at: second.end) == nil { return nil }
        var r = second
        r.start = i
        r.value = lower
        r.chineseDigitCount += 1
        return classify(r, presetUpper: second.value)
    }
}
