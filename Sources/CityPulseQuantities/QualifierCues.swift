/// The words that bound a number, before it (近, 约, 超过, 不少于, 不到…) or after it (以上, 以下,
/// 左右…), each with the qualifier it stands for.
enum QualifierCues {
    /// Cues written before the number. Longest first, so 不超过 wins over 超过.
    static let prefixes: PatternTable<Qualifier> = PatternTable([
        ("近", .nearly), ("将近", .nearly), ("將近", .nearly), ("接近", .nearly), ("近乎", .nearly), ("逼近", .nearly),
        ("约", .approximately), ("約", .approximately), ("大约", .approximately), ("大約", .approximately),
        ("大概", .approximately), ("约为", .approximately), ("約為", .approximately), ("约合", .approximately),
        ("約合", .approximately), ("估计", .approximately), ("估計", .approximately),
        ("超过", .moreThan), ("超過", .moreThan), ("逾", .moreThan), ("超", .moreThan), ("多于", .moreThan),
        ("多於", .moreThan), ("高于", .moreThan), ("高於", .moreThan), ("大于", .moreThan), ("大於", .moreThan),
        ("突破", .moreThan),
        ("不少于", .atLeast), ("不少於", .atLeast), ("至少", .atLeast), ("不低于", .atLeast), ("不低於", .atLeast),
        ("起码", .atLeast), ("起碼", .atLeast), ("最少", .atLeast), ("最低", .atLeast), ("不下", .atLeast),
        ("不小于", .atLeast), ("不小於", .atLeast),
        ("不超过", .atMost), ("不超過", .atMost), ("至多", .atMost), ("最多", .atMost), ("不高于", .atMost),
        ("不高於", .atMost), ("不多于", .atMost), ("不多於", .atMost), ("不大于", .atMost), ("不大於", .atMost),
        ("最高", .atMost),
        ("不到", .lessThan), ("不足", .lessThan), ("少于", .lessThan), ("少於", .lessThan), ("低于", .lessThan),
        ("低於", .lessThan), ("小于", .lessThan), ("小於", .lessThan), ("未满", .lessThan), ("未滿", .lessThan),
        ("不满", .lessThan), ("不滿", .lessThan),
    ])

    /// Cues written after the number and its unit. `(含)` marks an inclusive bound and is kept in the
    /// span: 50万元（含）以上.
    static let suffixes: PatternTable<Qualifier> = PatternTable([
        ("以上", .atLeast), ("及以上", .atLeast), ("(含)以上", .atLeast), ("（含）以上", .atLeast),
        ("以下", .atMost), ("及以下", .atMost), ("以内", .atMost), ("以內", .atMost), ("(含)以下", .atMost),
        ("（含）以下", .atMost), ("之内", .atMost), ("之內", .atMost),
        ("左右", .approximately), ("上下", .approximately), ("前后", .approximately), ("前後", .approximately),
    ])

    /// Written between a number and its unit, meaning "and some": 3000多, 2000余元, 十几.
    @inline(__always)
    static func isApproximateTail(_ c: UInt32) -> Bool {
        c == 0x591A || c == 0x4F59 || c == 0x9918 || c == 0x51E0 || c == 0x5E7E  // 多 余 餘 几 幾
    }

    /// 几, 數, 数 written before a multiplier: 几十万, 数百家, 數千人.
    @inline(__always)
    static func isVagueLead(_ c: UInt32) -> Bool {
        c == 0x51E0 || c == 0x5E7E || c == 0x6570 || c == 0x6578
    }

    /// Range connectors between two numbers: - － — – ~ ～ 〜 至 到.
    static let connectors: PatternTable<Void> = PatternTable([
        ("-", ()), ("－", ()), ("—", ()), ("——", ()), ("--", ()), ("–", ()), ("~", ()), ("～", ()), ("〜", ()),
        ("至", ()), ("到", ()), ("－－", ()), ("-－", ()),
    ])

    /// Currency names written before an amount: 人民币3.14, 港幣3.14.
    static let currencyPrefixes: PatternTable<Void> = PatternTable([
        ("人民币", ()), ("人民幣", ()), ("港币", ()), ("港幣", ()), ("新台币", ()), ("新台幣", ()), ("美元", ()),
        ("￥", ()), ("¥", ()), ("$", ()), ("HK$", ()), ("US$", ()),
    ])
}
