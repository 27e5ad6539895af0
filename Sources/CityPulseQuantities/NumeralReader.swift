/// One numeral read from a run of scalars, with what the scanner needs to classify it.
struct NumeralReading: Sendable {
    /// First scalar of the numeral.
    var start: Int
    /// One past the last scalar of the numeral.
    var end: Int
    /// The value, multipliers applied (1.5万 is 15000).
    var value: ExactDecimal
    /// Multipliers written after the last digit, in order (十, 万 in 三十万); empty when the numeral
    /// ends on a digit.
    var trailingMultipliers: [Int64] = []
    /// Where that trailing run of multipliers begins.
    var trailingStart: Int
    var hasChinese = false
    var hasArabic = false
    var hasMultiplier = false
    var hasFraction = false
    /// Written with a power of ten (3.5e4); `hasFraction` is set too.
    var hasExponent = false
    /// Number of Chinese digit scalars (零 included).
    var chineseDigitCount = 0
    /// Chinese digits only, at least two, no multiplier: 二〇二四, 五一, 一一.
    var isDigitString = false
    /// When the numeral is a bare run of Arabic digits (no separator, point or multiplier): how many.
    var plainArabicDigits = 0
    /// The Arabic run begins with 0 and has more digits after it (0471, 010000).
    var leadingZero = false

    /// The value of the trailing multipliers' product that ends the numeral, e.g. 10⁴ for 三十万.
    var scalarCount: Int { end - start }
}

/// Reads Chinese, Arabic and mixed numerals: 三万四千, 3万4千, 1.5万, 一百二 (120), 二〇二四, 零点五.
///
/// The reader is greedy but never consumes a scalar that does not fit: 十一十二 reads as 十一 and
/// stops, so the caller can tell a numeral from a run of numeral-looking characters.
struct NumeralReader: Sendable {
    /// Accept forms that only make sense for a whole string known to be a number: a leading 百, 千 or
    /// 万 (百二萬 is 1,200,000), a leading point (.77), M and G suffixes, and an Arabic integer part
    /// before 点 (一百点123 and 1点5 alike).
    var lenient: Bool

    private enum Previous { case none, chineseDigit, zero, arabic, multiplier, fraction }

    // MARK: - Arabic numbers

    struct ArabicToken {
        var value: ExactDecimal?
        var end: Int
        var digits: Int
        var separated: Bool
        var hasPoint: Bool
        var leadingZero: Bool
        /// Written with an exponent: 3.5e4, 1.5E-2.
        var scientific = false
    }

    /// An Arabic number at `start`: digits (ASCII or full-width), optional thousands separators
    /// between groups of three, optional decimal part, optional exponent (3.5e4, １．５Ｅ－２). The value
    /// is nil when it does not fit in 64 bits (a long code), but the extent is still reported.
    static func readArabic(
        _ u: [UInt32], from start: Int, allowLeadingPoint: Bool = false, allowExponent: Bool = true
    ) -> ArabicToken? {
        let n = u.count
        var i = start
        var significand: Int64 = 0
        var exponent = 0
        var overflow = false
        var digits = 0
        var groupLength = 0
        var separated = false
        var hasPoint = false
        let firstDigit = i < n ? NumeralScalar.arabicDigit(u[i]) : nil

        @inline(__always) func push(_ d: Int64) {
            let (m, o1) = significand.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { overflow = true } else { significand = a }
        }

        while i < n {
            if let d = NumeralScalar.arabicDigit(u[i]) {
                push(d)
                digits += 1
                groupLength += 1
                i += 1
            } else if NumeralScalar.isGroupSeparator(u[i]), digits > 0,
                separated ? groupLength == 3 : (groupLength <= 3 && firstDigit != 0),
                Self.threeDigitsThenStop(u, at: i + 1)
            {
                separated = true
                groupLength = 0
                i += 1
            } else {
                break
            }
        }
        if separated, groupLength != 3 { return nil }
        if i < n, NumeralScalar.isArabicPoint(u[i]), i + 1 < n, NumeralScalar.arabicDigit(u[i + 1]) != nil,
            digits > 0 || allowLeadingPoint
        {
            hasPoint = true
            i += 1
            while i < n, let d = NumeralScalar.arabicDigit(u[i]) {
                push(d)
                if !overflow { exponent -= 1 }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        var scientific = false
        if allowExponent, !overflow, i < n, NumeralScalar.isExponentMark(u[i]), let (power, end) = Self.exponent(u, at: i + 1) {
            exponent += power
            i = end
            scientific = true
        }
        let value = overflow ? nil : ExactDecimal(significand: significand, exponent: exponent)
        return ArabicToken(
            value: value, end: i, digits: digits, separated: separated, hasPoint: hasPoint,
            leadingZero: firstDigit == 0 && digits > 1 && !hasPoint && !scientific, scientific: scientific)
    }

    /// The power of ten after an exponent mark at `k` (an optional sign, one to three digits) and where
    /// it ends; nil when the mark starts a word or a code instead (1e5a, 2e3f, 3em).
    private static func exponent(_ u: [UInt32], at start: Int) -> (Int, Int)? {
        let n = u.count
        var k = start
        var negative = false
        if k < n, let sign = NumeralScalar.sign(u[k]) {
            negative = sign < 0
            k += 1
        }
        var power = 0
        let first = k
        while k < n, k - first < 3, let d = NumeralScalar.arabicDigit(u[k]) {
            power = power * 10 + Int(d)
            k += 1
        }
        guard k > first, power <= 30 else { return nil }
        if k < n {
            let c = u[k]
            if NumeralScalar.arabicDigit(c) != nil || NumeralScalar.isASCIILetter(c) || NumeralScalar.isFullWidthLetter(c)
                || c == 0x5F || c == 0x40
            {
                return nil
            }
            if NumeralScalar.isArabicPoint(c), k + 1 < n, NumeralScalar.arabicDigit(u[k + 1]) != nil { return nil }
        }
        return (negative ? -power : power, k)
    }

    private static func threeDigitsThenStop(_ u: [UInt32], at i: Int) -> Bool {
        guard i + 2 < u.count else { return false }
        for k in i..<(i + 3) where NumeralScalar.arabicDigit(u[k]) == nil { return false }
        return i + 3 >= u.count || NumeralScalar.arabicDigit(u[i + 3]) == nil
    }

    // MARK: - Numerals

    /// The longest numeral starting at `start`, or nil when none starts there.
    ///
    /// `leadingPoint` accepts a decimal written without its zero (.75) even when not lenient: the scanner
    /// asks for it only where the point cannot end a sentence or join a code.
    func read(_ u: [UInt32], from start: Int, leadingPoint: Bool = false) -> NumeralReading? {
        let n = u.count
        if start < n, let word = Self.wordNumeral(u, at: start) { return word }
        var i = start
        // The parts at 兆 (10¹²), 亿 (10⁸) and 万 (10⁴) level, and the section below 万.
        var zhao = ExactDecimal.zero
        var total = ExactDecimal.zero
        var wan = ExactDecimal.zero
        var section = ExactDecimal.zero
        var pending: ExactDecimal? = nil
        var abbreviationScale: Int64 = 0
        var lastSmall: Int64 = 10_000
        var lastMultiplier: Int64 = 0
        var previous = Previous.none
        var seenWanInSection = false
        var scaledFraction = false
        var digitString = 0
        var reading = NumeralReading(start: start, end: start, value: .zero, trailingStart: start)
        var arabicOnly = true
        var arabicDigits = 0
        var beforeZero: NumeralReading? = nil

        /// The pending digit, with 一百二's abbreviation applied (二 after 百 is 20).
        func pendingValue(before multiplier: Int64) -> ExactDecimal? {
            guard let p = pending else { return .zero }
            if previous == .chineseDigit, abbreviationScale > 0, lastMultiplier < multiplier {
                return p.multiplied(by: ExactDecimal(significand: abbreviationScale))
            }
            return p
        }

        tokens: while i < n {
            let c = u[i]
            let tokenStart = i
            if let d = NumeralScalar.chineseDigit(c) {
                if scaledFraction || reading.hasFraction { break }
                switch previous {
                case .none:
                    pending = ExactDecimal(significand: d)
                    digitString = 1
                    previous = .chineseDigit
                case .chineseDigit:
                    if reading.hasMultiplier { break tokens }
                    guard let p = pending?.multiplied(by: ExactDecimal(10)),
                        let q = p.adding(ExactDecimal(significand: d))
                    else { break tokens }
                    pending = q
                    digitString += 1
                case .multiplier:
                    if d == 0 {
                        beforeZero = reading
                        previous = .zero
                        lastMultiplier = 0
                    } else {
                        pending = ExactDecimal(significand: d)
                        abbreviationScale = lastMultiplier >= 100 ? lastMultiplier / 10 : 0
                        previous = .chineseDigit
                    }
                case .zero:
                    if d != 0 {
                        pending = ExactDecimal(significand: d)
                        abbreviationScale = 0
                        previous = .chineseDigit
                    }
                case .arabic, .fraction:
                    break tokens
                }
                i += 1
                reading.hasChinese = true
                reading.chineseDigitCount += 1
                arabicOnly = false
                reading.trailingMultipliers = []
                reading.trailingStart = i
            } else if NumeralScalar.arabicDigit(c) != nil
                || ((lenient || leadingPoint) && previous == .none && NumeralScalar.isArabicPoint(c))
            {
                guard previous == .none || previous == .multiplier || previous == .zero,
                    !scaledFraction,
                    let token = Self.readArabic(u, from: i, allowLeadingPoint: (lenient || leadingPoint) && previous == .none),
                    let value = token.value
                else { break }
                pending = value
                abbreviationScale = 0
                // An exponent ends the numeral as a fraction does: nothing scales 3.5e4 again.
                previous = token.hasPoint || token.scientific ? .fraction : .arabic
                if token.hasPoint || token.scientific { reading.hasFraction = true }
                if token.scientific { reading.hasExponent = true }
                if token.separated || token.hasPoint || token.scientific { arabicOnly = false }
                arabicDigits += token.digits
                if tokenStart == start { reading.leadingZero = token.leadingZero }
                i = token.end
                reading.hasArabic = true
                reading.trailingMultipliers = []
                reading.trailingStart = i
            } else if NumeralScalar.isSpace(c),
                spaceJoins(u, at: i, after: previous, pending: pending, inMultiplied: reading.hasMultiplier, lastMultiplier: lastMultiplier)
            {
                // Read through without moving the end: if nothing joins after all, the space stays out.
                i += 1
                continue
            } else if let m = NumeralScalar.smallMultiplier(c) ?? NumeralScalar.compoundTens(c) {
                let compound = NumeralScalar.compoundTens(c) != nil
                if previous == .chineseDigit, digitString >= 2, !reading.hasMultiplier { break }
                if scaledFraction || reading.hasFraction && previous != .fraction { break }
                if compound {
                    guard pending == nil, lastSmall > 10 else { break }
                } else {
                    guard m < lastSmall else { break }
                    if previous == .none, m != 10, !lenient { break }
                }
                let multiplicand = compound ? ExactDecimal(1) : (pending ?? ExactDecimal(1))
                guard let product = multiplicand.multiplied(by: ExactDecimal(significand: m)),
                    let sum = section.adding(product)
                else { break }
                if previous == .fraction { scaledFraction = true }
                section = sum
                pending = nil
                lastSmall = compound ? 10 : m
                lastMultiplier = compound ? 10 : m
                if previous == .multiplier {
                    reading.trailingMultipliers.append(m)
                } else {
                    reading.trailingMultipliers = [m]
                    reading.trailingStart = tokenStart
                }
                if compound {
                    reading.trailingMultipliers = []
                    reading.trailingStart = i + 1
                }
                previous = .multiplier
                reading.hasMultiplier = true
                reading.hasChinese = true
                arabicOnly = false
                i += 1
            } else if let m = NumeralScalar.bigMultiplier(c) {
                if previous == .chineseDigit, digitString >= 2, !reading.hasMultiplier { break }
                if scaledFraction, lastMultiplier >= m { break }
                if previous == .none, !lenient { break }
                if previous == .zero { break }
                // 兆瓦, 兆赫, 千兆光网: before a unit 兆 is the prefix mega, not the multiplier; so it is in
                // talk of networks and storage (宽带提速至1000兆).
                if m == NumeralScalar.zhao, !lenient,
                    (i + 1 < n && NumeralScalar.isMegaUnitStart(u[i + 1]))
                        || (UnitCatalog.unit(in: u, at: i + 1)?.1.unitClass != .money && Self.megaContext(u, around: start, i))
                {
                    break
                }
                guard let p = pendingValue(before: m), var x = section.adding(p) else { break }
                let M = ExactDecimal(significand: m)
                if m == 10_000, previous == .multiplier, lastMultiplier >= 10_000, lastMultiplier < NumeralScalar.zhao,
                    NumeralScalar.bigMultiplier(u[i - 1]) == lastMultiplier
                {
                    // 三万万 (3×10⁸), 三亿万 (3×10¹²): 万 right after 万 or 亿 multiplies what is written so far.
                    if lastMultiplier == 10_000 {
                        guard total == .zero, let scaled = wan.multiplied(by: M) else { break }
                        total = scaled
                        wan = .zero
                        seenWanInSection = false
                    } else {
                        guard zhao == .zero, let scaled = total.multiplied(by: M) else { break }
                        zhao = scaled
                        total = .zero
                    }
                    lastMultiplier *= 10_000
                    reading.trailingMultipliers.append(m)
                    i += 1
                    reading.end = i
                    continue
                }
                if m == 10_000 {
                    if seenWanInSection { break }
                    if x == .zero {
                        guard previous == .none else { break }
                        x = ExactDecimal(1)
                    }
                    guard let scaled = x.multiplied(by: M) else { break }
                    wan = scaled
                    seenWanInSection = true
                } else if m == NumeralScalar.zhao {
                    // 3兆2000亿: everything written so far is scaled, and 亿 and 万 may follow again.
                    guard zhao == .zero, let withWan = x.adding(wan), let withYi = withWan.adding(total) else { break }
                    x = withYi
                    if x == .zero {
                        guard previous == .none else { break }
                        x = ExactDecimal(1)
                    }
                    guard let scaled = x.multiplied(by: M) else { break }
                    zhao = scaled
                    total = .zero
                    wan = .zero
                    seenWanInSection = false
                } else {
                    guard let withWan = x.adding(wan) else { break }
                    x = withWan
                    if x == .zero {
                        guard previous == .none else { break }
                        x = ExactDecimal(1)
                    }
                    guard let scaled = x.multiplied(by: M) else { break }
                    if total == .zero {
                        total = scaled
                    } else {
                        // 亿 after 万亿-level parts: the whole so far is scaled (3千万亿).
                        break
                    }
                    wan = .zero
                    seenWanInSection = false
                }
                if previous == .fraction || (pending != nil && reading.hasFraction) { scaledFraction = true }
                section = .zero
                pending = nil
                lastSmall = 10_000
                lastMultiplier = m
                if previous == .multiplier {
                    reading.trailingMultipliers.append(m)
                } else {
                    reading.trailingMultipliers = [m]
                    reading.trailingStart = tokenStart
                }
                previous = .multiplier
                reading.hasMultiplier = true
                reading.hasChinese = true
                arabicOnly = false
                i += 1
            } else if NumeralScalar.isChinesePoint(c) {
                guard !reading.hasFraction, previous != .none,
                    lenient || previous == .chineseDigit || previous == .multiplier || previous == .zero,
                    i + 1 < n
                else { break }
                let next = u[i + 1]
                var fraction = ExactDecimal.zero
                var j = i + 1
                if NumeralScalar.chineseDigit(next) != nil {
                    var significand: Int64 = 0
                    var places = 0
                    while j < n, let d = NumeralScalar.chineseDigit(u[j]), places < 18 {
                        significand = significand * 10 + d
                        places += 1
                        j += 1
                    }
                    fraction = ExactDecimal(significand: significand, exponent: -places)
                } else if NumeralScalar.arabicDigit(next) != nil, lenient || reading.hasChinese {
                    guard let token = Self.readArabic(u, from: j, allowExponent: false), !token.separated, !token.hasPoint,
                        let v = token.value
                    else { break }
                    fraction = ExactDecimal(significand: v.significand, exponent: -token.digits)
                    j = token.end
                } else {
                    break
                }
                // 五千八点五 is 5800.5: a digit after 千 (百, 万…) keeps its abbreviated place before the
                // point, as it does at the end of the numeral (三千二 is 3200).
                guard let p = pendingValue(before: Int64.max), let z = zhao.adding(total), let a = z.adding(wan),
                    let b = a.adding(section), let whole = b.adding(p), let withFraction = whole.adding(fraction)
                else { break }
                pending = withFraction
                zhao = .zero
                total = .zero
                wan = .zero
                section = .zero
                seenWanInSection = false
                lastMultiplier = 10
                previous = .fraction
                reading.hasFraction = true
                reading.hasChinese = true
                arabicOnly = false
                i = j
                reading.trailingMultipliers = []
                reading.trailingStart = i
            } else if previous == .arabic || previous == .fraction,
                let factor = Self.letterMultiplier(c, lenient: lenient),
                i + 1 >= n || !NumeralScalar.isASCIILetter(u[i + 1]),
                let p = pending, let scaled = p.multiplied(by: ExactDecimal(significand: factor))
            {
                // 10k, 30w, 1.2M: the letter ends the numeral.
                pending = scaled
                previous = .multiplier
                lastMultiplier = factor
                reading.hasMultiplier = true
                arabicOnly = false
                reading.trailingMultipliers = [factor]
                reading.trailingStart = i
                i += 1
                reading.end = i
                break
            } else {
                break
            }
            reading.end = i
        }
        // A 零 that nothing follows is not part of the numeral (十万零售 is 十万 and 零售).
        if previous == .zero, let kept = beforeZero { reading = kept }
        guard reading.end > start else { return nil }
        // Tokens refused after the last good one never touched the state, so the value is complete.
        guard let p = pendingValue(before: Int64.max), let z = zhao.adding(total), let a = z.adding(wan),
            let b = a.adding(section), let value = b.adding(p)
        else { return nil }
        reading.value = value
        reading.isDigitString =
            digitString >= 2 && !reading.hasMultiplier && !reading.hasArabic && !reading.hasFraction
        if arabicOnly, reading.hasArabic, !reading.hasChinese { reading.plainArabicDigits = arabicDigits }
        return reading
    }

    /// Whether the space at `i` sits inside a numeral, as text extraction leaves them: between digits
    /// and their multiplier (177.1 亿元, 1 万, 6 万 2 千 3 百) or between a multiplier and digits that
    /// take a smaller multiplier (the 2 of 6 万 2 千). Two numbers side by side (3 5, 2020 2021) stay two,
    /// and so do a year and a month in Chinese (2016 十月): before 万, 亿 and 兆 any digits join, but 百
    /// and 千 only take one digit, and 十 only inside a numeral that already has a multiplier.
    private func spaceJoins(
        _ u: [UInt32], at i: Int, after previous: Previous, pending: ExactDecimal?, inMultiplied: Bool, lastMultiplier: Int64
    ) -> Bool {
        let n = u.count
        guard i + 1 < n else { return false }
        let next = u[i + 1]
        switch previous {
        case .arabic, .fraction, .chineseDigit:
            if NumeralScalar.bigMultiplier(next) != nil { return true }
            guard let m = NumeralScalar.smallMultiplier(next) else { return false }
            if inMultiplied { return true }
            guard m >= 100, let p = pending else { return false }
            return p.exponent == 0 && p.significand >= 1 && p.significand <= 9
        case .multiplier:
            var k = i + 1
            while k < n, NumeralScalar.arabicDigitOrPoint(u[k]) || NumeralScalar.chineseDigit(u[k]) != nil { k += 1 }
            guard k > i + 1 else { return false }
            if k + 1 < n, NumeralScalar.isSpace(u[k]) { k += 1 }
            guard k < n, let m = NumeralScalar.smallMultiplier(u[k]) ?? NumeralScalar.bigMultiplier(u[k]) else {
                return false
            }
            return m < lastMultiplier
        case .none, .zero:
            return false
        }
    }

    /// Words near a number that make its 兆 the prefix mega (Mbps, MB): bandwidth, networks, storage.
    static let megaWords: PatternTable<Void> = PatternTable([
        ("宽带", ()), ("寬帶", ()), ("寬頻", ()), ("带宽", ()), ("帶寬", ()), ("頻寬", ()), ("网速", ()), ("網速", ()),
        ("光纤", ()), ("光纖", ()), ("提速", ()), ("流量", ()), ("内存", ()), ("記憶體", ()), ("像素", ()), ("网络", ()),
        ("網路", ()), ("網絡", ()), ("下载", ()), ("下載", ()), ("上传", ()), ("上傳", ()), ("千兆", ()), ("百兆", ()),
        ("万兆", ()), ("萬兆", ()),
    ])

    /// Whether a network or storage word stands within a few scalars of the numeral at `start` whose
    /// 兆 is at `zhaoAt`: at most 16 before and 6 after, so the look costs a bounded amount per 兆.
    static func megaContext(_ u: [UInt32], around start: Int, _ zhaoAt: Int) -> Bool {
        let from = max(0, start - 16)
        let to = min(u.count, zhaoAt + 7)
        for k in from..<to where k < start || k > zhaoAt {
            if megaWords.longest(in: u, at: k) != nil { return true }
        }
        return false
    }

    /// Words that are a whole numeral and take nothing after them: 半百 (50) and 俩 倆 (two, with its
    /// counter inside: 俩人, 哥倆).
    static func wordNumeral(_ u: [UInt32], at start: Int) -> NumeralReading? {
        let c = u[start]
        if NumeralScalar.isFusedTwo(c) {
            var r = NumeralReading(start: start, end: start + 1, value: ExactDecimal(2), trailingStart: start + 1)
            r.hasChinese = true
            r.chineseDigitCount = 1
            return r
        }
        if c == 0x534A, start + 1 < u.count, NumeralScalar.smallMultiplier(u[start + 1]) == 100 {  // 半百 半佰
            var r = NumeralReading(start: start, end: start + 2, value: ExactDecimal(50), trailingStart: start + 2)
            r.hasChinese = true
            r.hasMultiplier = true
            return r
        }
        return nil
    }

    /// k, K (10³), w, W (10⁴), and when lenient M (10⁶), G (10⁹).
    private static func letterMultiplier(_ c: UInt32, lenient: Bool) -> Int64? {
        switch c {
        case 0x6B, 0x4B: return 1_000
        case 0x77, 0x57: return 10_000
        case 0x4D: return lenient ? 1_000_000 : nil
        case 0x47: return lenient ? 1_000_000_000 : nil
        default: return nil
        }
    }
}
