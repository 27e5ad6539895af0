/// A cue that comes before the numeral and gives it its unit: 百分之 (percent), 千分之 (per mille).
struct Lead {
    var start: Int
    var unit: String
    var unitClass: UnitClass
    var scale: ExactDecimal
}

extension ScanPass {
    // MARK: - Classifying one numeral

    /// Decides what the numeral `r` is, with its cues, range, unit and bounds, and reports it (or not).
    /// Returns where scanning resumes.
    mutating func classify(
        _ r: NumeralReading, lead: Lead? = nil, vague: Bool = false, presetUpper: ExactDecimal? = nil
    ) -> Int? {
        let plain = lead == nil && !vague && presetUpper == nil

        // A Chinese numeral followed by numeral characters it could not take (十四五, 一二三百): the
        // whole run is one word, a name when quoted or followed by 规划, otherwise not a number.
        var runEnd = r.end
        if r.hasChinese, plain {
            while runEnd < n, NumeralScalar.isChineseNumeral(u[runEnd]) { runEnd += 1 }
            // A lone 零 after the numeral joins nothing (10.1万零100, 十万零售): the numeral stands.
            if runEnd == r.end + 1, NumeralScalar.chineseDigit(u[r.end]) == 0 { runEnd = r.end }
        }
        if plain {
            if let end = shoppingFestival(r, runEnd: runEnd) { return end }
            if let end = holiday(r, runEnd: runEnd) { return end }
            if r.hasChinese, !r.hasArabic, r.scalarCount + (runEnd - r.end) >= 2, isQuoted(r.start, runEnd) {
                emit(.name, r.start, runEnd, value: runEnd == r.end ? r.value : nil)
                return runEnd
            }
            if runEnd > r.end {
                if let (p, _) = Self.periodWords.longest(in: u, at: runEnd) {
                    emit(.name, r.start, runEnd + p.count, value: nil)
                    return runEnd + p.count
                }
                return runEnd
            }
        }

        // Arabic digits glued to letters: a model number or code (64GB, A380), unless the letters are a unit.
        if r.hasArabic, r.end < n, NumeralScalar.isASCIILetter(u[r.end]), UnitCatalog.unit(in: u, at: r.end) == nil {
            return identifierToken(around: r.start)
        }
        // MX-2E-3: an exponent after letters and a hyphen is the tail of a model code.
        if r.hasExponent, r.start - 2 >= floor, u[r.start - 1] == 0x2D || u[r.start - 1] == 0x5F,
            NumeralScalar.isASCIILetter(u[r.start - 2])
        {
            return identifierToken(around: r.start - 2)
        }
        // 12345@qq.com, 163.com: digits before the @ or the dot of an address.
        if r.hasArabic, r.end + 1 < n, u[r.end] == 0x40 || u[r.end] == 0x2E, NumeralScalar.isASCIILetter(u[r.end + 1]) {
            return identifierToken(around: r.start)
        }

        var start = lead?.start ?? r.start
        var ordinal = false
        if start - 1 >= floor, u[start - 1] == 0x7B2C {  // 第
            ordinal = true
            start -= 1
        }
        if !ordinal, plain, let end = enumerator(r) { return end }
        if !ordinal, plain, let end = calendar(r) { return end }
        if r.isDigitString, !ordinal {
            // 电话零零三, 编号负零一: digits read out one by one after a label are a code.
            if let codeStart = labelledCodeStart(r.start) {
                emit(.identifier, codeStart, r.end, value: nil)
                return r.end
            }
            return runEnd
        }
        if !ordinal, plain, let end = anniversary(r) { return end }
        if !ordinal, plain, let end = formula(r) { return end }
        if !ordinal, plain, let end = identifier(r) { return end }

        // Cues before the number: currency, sign, qualifier.
        var negative = false
        var prefixQualifier: Qualifier? = nil
        var currency: String? = nil
        if !ordinal {
            if let (p, _) = QualifierCues.currencyPrefixes.longest(in: u, endingAt: start, floor: floor) {
                currency = string(start - p.count, start)
                start -= p.count
            }
            if start - 1 >= floor, u[start - 1] == 0x8D1F || u[start - 1] == 0x8CA0 {  // 负 負
                negative = true
                start -= 1
            } else if Self.belowZero.matches(u, endingAt: start, floor: floor) {
                negative = true
                start -= 2
            } else if start - 1 >= floor, u[start - 1] == 0x2D || u[start - 1] == 0xFF0D,
                start - 2 < floor || !Self.isNumeralOrCode(u[start - 2]),
                // A hyphen right after the previous amount joins the two (五元六角-五元七角); it is no sign.
                found.isEmpty || floor != start - 1
            {
                negative = true
                start -= 1
            }
            if let (p, q) = QualifierCues.prefixes.longest(in: u, endingAt: start, floor: floor) {
                prefixQualifier = q
                start -= p.count
            }
        }

        var value = r.value
        var lower: ExactDecimal? = nil
        var upper: ExactDecimal? = nil
        var qualifier: Qualifier? = nil
        var bigStart = trailingBigStart(r)
        var j = r.end
        var yearRange = false
        var scaledByWord = false
        var tailRead = false

        // 2500 余家: a space left before 多/余/几.
        if !ordinal, !vague, presetUpper == nil, j + 1 < n, NumeralScalar.isSpace(u[j]),
            QualifierCues.isApproximateTail(u[j + 1]), approximateTailAllowed(r, at: j + 1)
        {
            j += 1
        }
        if vague {
            lower = value
            upper = value.multiplied(by: ExactDecimal(10))
            qualifier = .moreThan
        } else if let up = presetUpper {
            lower = value
            upper = up
            qualifier = .range
        } else if !ordinal, lead == nil, let (scaled, end) = multiplierAfterCounter(r, at: j) {
            // 两个亿, 十二个亿元: the counter sits between the digits and their multiplier.
            value = scaled
            bigStart = j + 1
            j = end
            scaledByWord = true
        } else if !ordinal, j < n, QualifierCues.isApproximateTail(u[j]), approximateTailAllowed(r, at: j) {
            // 3000多, 2000余元, 十几, 100多万: from the value up to one step in its last place.
            var step = value.lastPlaceStep
            j += 1
            var firstBig: Int? = nil
            while j < n, let m = NumeralScalar.bigMultiplier(u[j]),
                let v = value.multiplied(by: ExactDecimal(significand: m)),
                let s = step.multiplied(by: ExactDecimal(significand: m))
            {
                value = v
                step = s
                if firstBig == nil { firstBig = j }
                j += 1
            }
            bigStart = firstBig
            lower = value
            upper = value.adding(step)
            qualifier = .moreThan
        } else if !ordinal, lead == nil, let (second, scaledFirst) = rangeSecond(after: j, first: r) {
            value = scaledFirst
            lower = scaledFirst
            upper = second.value
            qualifier = .range
            bigStart = trailingBigStart(second)
            j = second.end
            yearRange = r.plainArabicDigits == 4 && second.plainArabicDigits == 4
        }

        // The unit: from a lead (百分之), after the number, or from a currency written before it.
        var unit = ""
        var unitClass = UnitClass.none
        var scale: ExactDecimal? = nil
        var unitPattern: ScalarPattern? = nil
        if let lead {
            unit = lead.unit
            unitClass = lead.unitClass
            scale = lead.scale
        } else if let (p, entry) = UnitCatalog.unit(in: u, at: j) {
            let unitEnd = j + p.count
            unit = string(bigStart ?? j, unitEnd)
            unitClass = entry.unitClass
            scale = entry.scale
            unitPattern = p
            j = unitEnd
            if entry.unitClass == .money, MoneyTail.isYuan(u[unitEnd - 1]), qualifier != .range {
                let (added, tailEnd) = MoneyTail.read(u, from: unitEnd)
                if tailEnd > unitEnd, let sum = value.adding(added) {
                    value = sum
                    if lower != nil { lower = sum }
                    j = tailEnd
                    tailRead = true
                }
                if qualifier == nil, let (second, end) = amountRangeSecond(after: j), value <= second {
                    // 五元六角-五元七角八分: two amounts with their tails.
                    lower = value
                    upper = second
                    qualifier = .range
                    j = end
                }
            }
        } else if let currency {
            unit = currency
            unitClass = .money
        }
        if let scale, scale != ExactDecimal(1) {
            value = value.multiplied(by: scale) ?? value
            lower = lower.flatMap { $0.multiplied(by: scale) }
            upper = upper.flatMap { $0.multiplied(by: scale) }
        }
        if yearRange, unit == "年" {
            emit(.year, start, j, value: value, lower: lower, upper: upper, qualifier: .range)
            return j
        }

        // A count that names a policy or a plan: 人才新政10條”, 三百人计划.
        var kind = QuantityKind.quantity
        if let p = unitPattern, !ordinal {
            if p.count == 1, p.scalars[0] == 0x6761 || p.scalars[0] == 0x689D, j < n, NumeralScalar.isClosingQuote(u[j]) {
                kind = .name
            } else if p.count == 1, p.scalars[0] == 0x4EBA,
                Self.plan.matches(u, at: j) || Self.planTraditional.matches(u, at: j)
            {
                kind = .name
                j += 2
            }
        }

        // Cues after the number and its unit.
        var postQualifier: Qualifier? = nil
        if !ordinal, kind == .quantity, let (p, q) = QualifierCues.suffixes.longest(in: u, at: j) {
            postQualifier = q
            j += p.count
        }

        // A lone Chinese digit is a word unless something makes it a count: 三年, 两家, 近三成. A lone
        // 一 is the article (一个包, 一批, 一刻钟) and 零 alone is 零售, 零距离.
        if plain, r.hasChinese, !r.hasArabic, r.scalarCount == 1, !ordinal {
            if NumeralScalar.isFusedTwo(u[r.start]) {
                // 俩 carries its counter (俩人, 哥俩); 伎俩 is a word.
                if r.start - 1 >= 0, u[r.start - 1] == 0x4F0E { return r.end }
            }
            let counted = NumeralScalar.isFusedTwo(u[r.start]) || !unit.isEmpty || scaledByWord || prefixQualifier != nil || postQualifier != nil || qualifier != nil
            // 一成 and 一打 count: their unit scales the number.
            let article = r.value == ExactDecimal(1) && unitClass != .percent && scale == nil && !tailRead && !scaledByWord
            if r.value == .zero || article || !counted {
                return r.end
            }
        }

        if qualifier == nil, !ordinal, let q = prefixQualifier ?? postQualifier {
            qualifier = q
            switch q {
            case .nearly, .atMost, .lessThan: upper = value
            case .atLeast, .moreThan: lower = value
            case .approximately, .range: break
            }
        }
        if negative {
            value = value.negated
            let l = lower
            lower = upper?.negated
            upper = l?.negated
        }
        emit(
            ordinal ? .ordinal : kind, start, j, value: value, lower: lower, upper: upper, qualifier: qualifier,
            unit: unit, unitClass: unitClass)
        return j
    }

    static let belowZero = ScalarPattern("零下")

    /// 个 or 個 between a numeral and 万/亿 (两个亿, 十二个亿元): the value scaled, and where the
    /// multipliers end.
    func multiplierAfterCounter(_ r: NumeralReading, at j: Int) -> (ExactDecimal, Int)? {
        guard j + 1 < n, u[j] == 0x4E2A || u[j] == 0x500B, !r.hasFraction, r.trailingMultipliers.last ?? 0 < 10_000
        else { return nil }
        var value = r.value
        var k = j + 1
        while k < n, let m = NumeralScalar.bigMultiplier(u[k]), let v = value.multiplied(by: ExactDecimal(significand: m)) {
            value = v
            k += 1
        }
        return k > j + 1 ? (value, k) : nil
    }

    /// The second amount of a range of yuan amounts with tails (五元六角-五元七角八分): its value and end.
    func amountRangeSecond(after j: Int) -> (ExactDecimal, Int)? {
        guard let (c, _) = QualifierCues.connectors.longest(in: u, at: j), let second = reader.read(u, from: j + c.count),
            let (p, entry) = UnitCatalog.unit(in: u, at: second.end), entry.unitClass == .money,
            MoneyTail.isYuan(u[second.end + p.count - 1])
        else { return nil }
        let unitEnd = second.end + p.count
        let (added, tailEnd) = MoneyTail.read(u, from: unitEnd)
        guard let total = second.value.adding(added) else { return nil }
        return (total, tailEnd)
    }

    /// Words after a numeral run that make it the name of a plan period: 十四五规划.
    static let periodWords: PatternTable<Void> = PatternTable([
        ("规划", ()), ("規劃", ()), ("时期", ()), ("時期", ()), ("期间", ()), ("期間", ()),
    ])

    /// Where the unit's share of the numeral starts: the run of 万/亿 ending the numeral, so 5萬人 has
    /// the unit 萬人 and 16.4亿元 the unit 亿元.
    func trailingBigStart(_ r: NumeralReading) -> Int? {
        let ms = r.trailingMultipliers
        var idx = ms.count
        while idx > 0, ms[idx - 1] >= 10_000, r.trailingStart + idx - 1 < n,
            NumeralScalar.bigMultiplier(u[r.trailingStart + idx - 1]) != nil
        {
            idx -= 1
        }
        return idx < ms.count ? r.trailingStart + idx : nil
    }

    /// Whether 多, 余, 几 at `j` extends the number rather than starting a word (多措并举, 余额).
    func approximateTailAllowed(_ r: NumeralReading, at j: Int) -> Bool {
        let c = u[j]
        let next: UInt32 = j + 1 < n ? u[j + 1] : 0
        switch c {
        case 0x51E0, 0x5E7E:  // 几 幾: only after a multiplier, 十几 and 二十几万
            return r.hasChinese && !r.trailingMultipliers.isEmpty
        case 0x591A:  // 多
            if [0x63AA, 0x6837, 0x6A23, 0x65B9, 0x5F69, 0x5143, 0x4E48, 0x9EBC, 0x5C11].contains(next) { return false }
            return !r.hasFraction
        default:  // 余 餘
            if [0x989D, 0x984D, 0x4E0B, 0x70ED, 0x71B1].contains(next) { return false }
            return !r.hasFraction
        }
    }

    /// The second number of a range (10-20家, 8000至10000人, 1万元--5万元, 两到三万), with the first
    /// number scaled by the second's trailing multipliers when it was written without them.
    func rangeSecond(after end: Int, first: NumeralReading) -> (NumeralReading, ExactDecimal)? {
        var k = end
        if let (p, _) = UnitCatalog.unit(in: u, at: k), QualifierCues.connectors.longest(in: u, at: k + p.count) != nil {
            k += p.count
        }
        if Self.inclusive.matches(u, at: k) || Self.inclusiveWide.matches(u, at: k) { k += 3 }
        guard let (c, _) = QualifierCues.connectors.longest(in: u, at: k) else { return nil }
        let m = k + c.count
        guard m < n else { return nil }
        if c.count == 1, c.scalars[0] == 0x81F3, [0x5C11, 0x4ECA, 0x591A].contains(u[m]) { return nil }  // 至少 至今 至多
        let s = u[m]
        guard NumeralScalar.arabicDigit(s) != nil || NumeralScalar.chineseDigit(s) != nil
            || NumeralScalar.smallMultiplier(s) == 10,
            let second = reader.read(u, from: m), !second.isDigitString
        else { return nil }
        if second.hasChinese, !second.hasArabic, second.scalarCount == 1, second.value == .zero { return nil }
        var lower = first.value
        let secondLast = second.trailingMultipliers.last ?? 0
        if secondLast > 0, first.trailingMultipliers.isEmpty || (first.trailingMultipliers.last ?? 0) < secondLast {
            let ms = second.trailingMultipliers
            for s in 0..<ms.count {
                var product = ExactDecimal(1)
                for f in ms[s...] { product = product.multiplied(by: ExactDecimal(significand: f)) ?? product }
                if let scaled = first.value.multiplied(by: product), scaled <= second.value {
                    lower = scaled
                    break
                }
            }
        }
        guard lower <= second.value else { return nil }
        return (second, lower)
    }

    static let inclusive = ScalarPattern("(含)")
    static let inclusiveWide = ScalarPattern("（含）")

    static func isNumeralOrCode(_ c: UInt32) -> Bool {
        NumeralScalar.arabicDigit(c) != nil || NumeralScalar.isChineseNumeral(c) || isCodeScalar(c)
    }

    /// ASCII letters, digits and `_`: the scalars of codes and model numbers.
    static func isCodeScalar(_ c: UInt32) -> Bool {
        NumeralScalar.isASCIILetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x5F
    }
}
