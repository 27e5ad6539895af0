import CityPulseQuantities

/// What CityPulse must do with a peer's case.
enum PeerVerdict: Sendable {
    /// The product reads it; the check must hold.
    case inScope(PeerCheck)
    /// The product deliberately does not read it; the reason says why.
    case outOfScope(String)
    /// The peers disagree or the product chose differently; the check holds CityPulse's choice, which
    /// `Sources/CityPulseQuantities/README.md` documents.
    case convention(String, PeerCheck)
}

/// How a case is checked against CityPulse.
enum PeerCheck: Sendable {
    /// `ChineseNumeral.parse(input)` is exactly this value.
    case parses(ExactDecimal)
    /// `ChineseNumeral.parse(input)` refuses the input.
    case refuses
    /// The scanner's readings of the input, rendered, are exactly these (see `Quantity.rendered`).
    case reads([String])
    /// The scanner reads the input as one reading covering all of it.
    case sole(kind: QuantityKind, value: ExactDecimal, unitClass: UnitClass)
    /// The scanner reads one amount with this value, these bounds, one of these qualifiers and this class.
    case amount(value: ExactDecimal, lower: ExactDecimal?, upper: ExactDecimal?, qualifiers: Set<Qualifier?>, unitClass: UnitClass)
    /// The scanner's money quantities are exactly these spans, offsets included.
    case moneySpans([PeerSpan])
}

/// Each peer case, classified. Whole lists follow one rule; single cases that differ are named with
/// their reason, and `PeerSuiteTests.everyNamedCaseExists` keeps these names honest.
enum PeerScope {
    // MARK: - Reasons

    static let fraction = "fractions and halves (1/2, 二分之一, 一半, 十份十一) are not counts in releases"
    static let pairCounter = "a pair counter keeps the number written (五對 is 5 對, not 10); only 打 (dozen) multiplies"
    static let cents = "cents alone (5分, 两毛, 五仙): 分 in releases is points or minutes far more often than money"
    static let colloquialMoney = "spoken money without 角 (一块二, 三块零四, 五块七毛八), Cantonese 蚊/毫/仙 and 個半"
    static let conversion = "unit conversion (斤, 两, 公斤, 毫克 to grams): the unit is kept as written"
    static let notADate = "零年零月肆拾日 is no calendar date; cn2an only transliterates it"

    static let article = "a lone 一 or 零 before a counter is the article or a word (一个, 零个), never a count"
    static let digitValue = "a digit string's value drops leading zeros (零一 is 1); in text after 电话/编号 it is a code"
    static let labelledCode = "digits after 电话/编号 are a code (identifier), even with a sign or read out in Chinese"
    static let wholeStringDigits = "a whole string of Chinese digits is a number (一一 is 11, cn2an's normal mode)"
    static let leadingMultiplier = "a whole string may start with 百/千/万 (百十一 = 111, Duckling's 百二萬)"
    static let kiloAsMultiplier = "千 after a numeral is a multiplier, so 1.5千克 is 1500 克 (cn2an: 两千米 = 2000米)"
    static let noCurrencyAssumed = "no currency is assumed: 三百万 is a bare number (JioNLP assumes 元)"
    static let exactValue = "values are exact, never rounded to cents (JioNLP rounds 434.344 to 434.34)"
    static let rangeScaling = "八到九百亿 is 800亿–900亿: the first number takes the second's 百亿"
    static let firstUnit = "the unit is what follows the number (三万元欧元 → 万元); a second currency word is not read"
    static let moreAndSome =
        "多/余/几/数 are more_than, from the number to the next step in its last place "
        + "(JioNLP's range; cn2an and Duckling state no bounds)"
    static let inclusiveBounds = "以上/以下 are inclusive bounds, at_least / at_most, the number kept as lower / upper"
    static let bareSalary = "10k~15k names no currency, so it is a bare range, not money"

    // MARK: - Verdicts

    static func verdict(_ c: PeerCase) -> PeerVerdict {
        if let v = named[c.key] { return v }
        switch (c.group, c.expected) {
        case (let g, .value(let v)) where g.hasPrefix("cn2an."):
            return .inScope(.parses(v))
        case (let g, .error) where g.hasPrefix("cn2an.error"):
            return .inScope(.refuses)
        case ("cn2an.direct_data_dict", .text(let digits)):
            return .convention(digitValue, .parses(ExactDecimal(digits)!))
        case ("Numeral_ZH_Corpus", .value(let v)):
            return .inScope(.parses(v))
        case ("Ordinal_ZH_Corpus", .value(let v)):
            return .inScope(.sole(kind: .ordinal, value: v, unitClass: .none))
        case ("AmountOfMoney_ZH_Corpus", .duckling(let d)):
            return ducklingMoney(d)
        case ("Quantity_ZH_Corpus", .duckling):
            return .outOfScope(conversion)
        case ("test_money_extractor:money_string_list", .spans(let spans)):
            return .inScope(.moneySpans(spans))
        case ("test_money_parser:money_string_list", .money(let m)):
            return .inScope(amount(m, unitClass: .money))
        default:
            return .outOfScope("no rule for \(c.group)")  // PeerSuiteTests fails on this reason
        }
    }

    static func ducklingMoney(_ d: PeerDuckling) -> PeerVerdict {
        switch (d.relation, d.unit) {
        case (_, "Cent"): return .outOfScope(cents)
        case ("simple", _): return .inScope(.sole(kind: .quantity, value: d.numbers[0], unitClass: .money))
        case ("under", _):
            return .inScope(.amount(value: d.numbers[0], lower: nil, upper: d.numbers[0], qualifiers: [.atMost], unitClass: .money))
        case ("above", _):
            return .inScope(.amount(value: d.numbers[0], lower: d.numbers[0], upper: nil, qualifiers: [.atLeast], unitClass: .money))
        default:
            return .inScope(.amount(value: d.numbers[0], lower: d.numbers[0], upper: d.numbers[1], qualifiers: [.range], unitClass: .money))
        }
    }

    /// JioNLP's definitions: accurate (no qualifier), blur (about, or a range), blur- (below), blur+ (at least).
    static func amount(_ m: PeerMoney, unitClass: UnitClass) -> PeerCheck {
        if let upper = m.upper {
            return .amount(value: m.lower, lower: m.lower, upper: upper, qualifiers: [.range, .moreThan], unitClass: unitClass)
        }
        switch m.definition {
        case "accurate": return .amount(value: m.lower, lower: nil, upper: nil, qualifiers: [nil], unitClass: unitClass)
        case "blur-":
            return .amount(value: m.lower, lower: nil, upper: m.lower, qualifiers: [.nearly, .lessThan, .atMost], unitClass: unitClass)
        case "blur+":
            return .amount(value: m.lower, lower: m.lower, upper: nil, qualifiers: [.atLeast, .moreThan], unitClass: unitClass)
        default: return .amount(value: m.lower, lower: nil, upper: nil, qualifiers: [.approximately], unitClass: unitClass)
        }
    }

    static func d(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

    // MARK: - Named cases

    /// Cases that leave their list's rule, keyed `group input`.
    static let named: [String: PeerVerdict] = {
        var t: [String: PeerVerdict] = [:]

        // cn2an: its strict mode refuses what its normal mode reads; CityPulse reads whole strings as
        // the normal and smart modes do.
        t["cn2an.error_strict_datas 一一"] = .convention(wholeStringDigits, .parses(d("11")))
        t["cn2an.error_strict_datas 壹壹"] = .convention(wholeStringDigits, .parses(d("11")))
        t["cn2an.error_strict_datas 百十一"] = .convention(leadingMultiplier, .parses(d("111")))

        // cn2an transform: numbers inside sentences. The peer rewrites the sentence; CityPulse reads the
        // same numbers with the values the rewrite states.
        let s = "transform.strict_data_dict "
        t[s + "小王捡了100块钱"] = .inScope(.reads(["quantity 100块钱 100 块钱/money"]))
        t[s + "用户增长最快的3个城市"] = .inScope(.reads(["quantity 3个 3 个/item"]))
        t[s + "小王的生日是2001年3月4日"] = .inScope(.reads(["date 2001年3月4日 2001"]))
        t[s + "小王的生日是2012年12月12日"] = .inScope(.reads(["date 2012年12月12日 2012"]))
        t[s + "今天股价上涨了8%"] = .inScope(.reads(["quantity 8% 8 %/percent"]))
        t[s + "第2天股价下降了-3.8%"] = .inScope(.reads(["ordinal 第2天 2 天/duration", "quantity -3.8% -3.8 %/percent"]))
        t[s + "抛出去的硬币为正面的概率是1/2"] = .outOfScope(fraction)
        t[s + "现在室内温度为39℃，很热啊！"] = .inScope(.reads(["quantity 39℃ 39 ℃/measure"]))
        t[s + "创业板指9月9日早盘低开1.57%"] = .inScope(.reads(["date 9月9日 9", "quantity 1.57% 1.57 %/percent"]))
        let m = "transform.smart_data_dict "
        t[m + "约2.5亿年~6500万年"] = .inScope(.reads([
            "quantity 约2.5亿年 250000000 approximately 亿年/duration", "quantity 6500万年 65000000 万年/duration",
        ]))
        t[m + "廿二日，日出东方"] = .inScope(.reads(["date 廿二日 22"]))
        t[m + "大陆"] = .inScope(.reads([]))
        t[m + "半岛"] = .inScope(.reads([]))
        t[m + "两岸关系"] = .inScope(.reads([]))
        t[m + "半斤"] = .outOfScope(fraction)
        t[m + "两个"] = .inScope(.reads(["quantity 两个 2 个/item"]))
        t[m + "两千米"] = .inScope(.reads(["quantity 两千米 2000 米/measure"]))
        t[m + "巅峰赛两千分"] = .inScope(.reads(["quantity 两千 2000"]))
        t[m + "一个大西瓜切两半"] = .convention(article, .reads([]))
        t[m + "二〇〇二年的第一场雪"] = .inScope(.reads(["year 二〇〇二年 2002", "ordinal 第一场 1 场/item"]))
        t[m + "零年零月肆拾日"] = .outOfScope(notADate)
        t[m + "零年貳月"] = .convention(article, .reads(["date 貳月 2"]))
        t[m + "支票上金额应写为：伍仟元整"] = .inScope(.reads(["quantity 伍仟元整 5000 元/money"]))
        t[m + "零下四摄氏度"] = .inScope(.reads(["quantity 零下四摄氏度 -4 摄氏度/measure"]))
        let dc = "transform.direct_cn2an_data_dict "
        t[dc + "电话零零三，数量十二个，二〇〇二年"] = .convention(labelledCode, .reads([
            "identifier 零零三 -", "quantity 十二个 12 个/item", "year 二〇〇二年 2002",
        ]))
        t[dc + "编号负零一，数值一二点三零"] = .convention(labelledCode, .reads(["identifier 负零一 -", "quantity 一二点三零 12.3"]))
        let da = "transform.direct_an2cn_data_dict "
        t[da + "电话012，1-2个月，金额101元"] = .inScope(.reads([
            "identifier 012 -", "quantity 1-2个月 1 [1..2] range 个月/duration", "quantity 101元 101 元/money",
        ]))
        t[da + "编号-01，数值12.30"] = .convention(labelledCode, .reads(["identifier -01 -", "quantity 12.30 12.3"]))

        // Duckling numerals: counters, fractions and halves.
        let n = "Numeral_ZH_Corpus "
        for input in ["零个", "一个"] { t[n + input] = .convention(article, .reads([])) }
        t[n + "0个"] = .inScope(.sole(kind: .quantity, value: d("0"), unitClass: .item))
        t[n + "1个"] = .inScope(.sole(kind: .quantity, value: d("1"), unitClass: .item))
        for input in ["二個", "二个"] { t[n + input] = .inScope(.sole(kind: .quantity, value: d("2"), unitClass: .item)) }
        for input in ["一對", "一雙", "五對", "五雙"] { t[n + input] = .outOfScope(pairCounter) }
        // 五打, 八打 (dozens) follow the list's rule: in scope, 60 and 96.
        for input in ["十份十一", "一又十分一", "一半", "一半半", "1半", "半个", "半個", "二分之一", "二份一"] {
            t[n + input] = .outOfScope(fraction)
        }

        // Duckling money: colloquial and Cantonese forms.
        let a = "AmountOfMoney_ZH_Corpus "
        for input in [
            "五個半", "個半", "一個半", "個九", "港幣三個一毫四", "最多一块二", "至少三块零四", "起碼三蚊零四",
            "五块六到五块七毛八", "五蚊六毫至五蚊七毫八",
        ] {
            t[a + input] = .outOfScope(colloquialMoney)
        }

        // Duckling weights: the ones written in grams are read as written.
        let q = "Quantity_ZH_Corpus "
        for input in ["2克", "二克", "两克", "2g", "2.0g"] {
            t[q + input] = .inScope(.sole(kind: .quantity, value: d("2"), unitClass: .measure))
        }
        t[q + "1500g"] = .inScope(.sole(kind: .quantity, value: d("1500"), unitClass: .measure))
        t[q + "1.5千克"] = .convention(kiloAsMultiplier, .sole(kind: .quantity, value: d("1500"), unitClass: .measure))
        t[q + "1.75千克"] = .convention(kiloAsMultiplier, .sole(kind: .quantity, value: d("1750"), unitClass: .measure))

        // JioNLP.
        let e = "test_money_extractor:money_string_list "
        t[e + "我们薪酬能给到10k~15k。"] = .convention(bareSalary, .reads(["quantity 10k~15k 10000 [10000..15000] range"]))
        let p = "test_money_parser:money_string_list "
        t[p + "233,333，333,434.344元"] = .convention(exactValue, .sole(kind: .quantity, value: d("233333333434.344"), unitClass: .money))
        t[p + "八到九百亿泰铢"] = .convention(rangeScaling, .amount(
            value: d("80000000000"), lower: d("80000000000"), upper: d("90000000000"), qualifiers: [.range], unitClass: .money))
        let bare: [(String, String, Qualifier?)] = [
            ("三百万", "3000000", nil), ("肆佰叁拾萬", "4300000", nil), ("15k左右", "15000", .approximately),
            ("30w上下", "300000", .approximately), ("小于40万", "400000", .lessThan),
        ]
        for (input, value, qualifier) in bare {
            t[p + input] = .convention(noCurrencyAssumed, .amount(
                value: d(value), lower: nil, upper: qualifier == .lessThan ? d(value) : nil, qualifiers: [qualifier],
                unitClass: .none))
        }
        let some: [(String, String, String)] = [
            ("3000多欧元", "3000", "4000"), ("几十万块", "100000", "1000000"), ("人民币数十亿元", "1000000000", "10000000000"),
            ("数十亿元人民币", "1000000000", "10000000000"), ("十几块钱", "10", "20"), ("大约十多欧元", "10", "20"),
        ]
        for (input, lower, upper) in some {
            t[p + input] = .convention(moreAndSome, .amount(
                value: d(lower), lower: d(lower), upper: d(upper), qualifiers: [.moreThan], unitClass: .money))
        }
        t[p + "至少九千块钱以上"] = .convention(inclusiveBounds, .amount(
            value: d("9000"), lower: d("9000"), upper: nil, qualifiers: [.atLeast], unitClass: .money))
        t[p + "50万元（含）以上"] = .convention(inclusiveBounds, .amount(
            value: d("500000"), lower: d("500000"), upper: nil, qualifiers: [.atLeast], unitClass: .money))
        t[a + "1.2元以下"] = .convention(inclusiveBounds, .amount(
            value: d("1.2"), lower: nil, upper: d("1.2"), qualifiers: [.atMost], unitClass: .money))
        t[a + "3.04块以上"] = .convention(inclusiveBounds, .amount(
            value: d("3.04"), lower: d("3.04"), upper: nil, qualifiers: [.atLeast], unitClass: .money))
        t[p + "三万元欧元"] = .convention(firstUnit, .reads(["quantity 三万元 30000 万元/money"]))
        t[p + "9000元日币"] = .convention(firstUnit, .reads(["quantity 9000元 9000 元/money"]))
        return t
    }()
}
