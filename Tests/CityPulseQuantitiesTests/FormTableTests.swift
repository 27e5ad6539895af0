import CityPulseQuantities
import Testing

/// Every form the scanner reads, in Simplified and Traditional script, with the reading it must give:
/// `kind text value [lower..upper] qualifier unit/unit_class` (see `Quantity.rendered`). Numbers that
/// are not quantities are set aside with the reason in `kind`.
@Suite struct FormTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var input: String
        var readings: [String]
        var testDescription: String { input }
        init(_ input: String, _ readings: String...) {
            self.input = input
            self.readings = readings
        }
    }

    /// Arabic numbers with thousands separators and decimals; full-width digits.
    static let arabic: [Row] = [
        Row("共有1,234,567人参加", "quantity 1,234,567人 1234567 人/person"),
        Row("增长12.5%", "quantity 12.5% 12.5 %/percent"),
        Row("1,000.5元", "quantity 1,000.5元 1000.5 元/money"),
        Row("１２３４５名学生", "quantity １２３４５名学生 12345 名学生/person"),
        Row("增长１２．５％", "quantity １２．５％ 12.5 ％/percent"),
        Row("１，２３４家企业", "quantity １，２３４家 1234 家/organisation"),
        Row("５０％", "quantity ５０％ 50 ％/percent"),
    ]

    /// Chinese numerals: 零〇, 两兩, 十百千万萬亿億, in both scripts.
    static let chinese: [Row] = [
        Row("一百零五家企业", "quantity 一百零五家 105 家/organisation"),
        Row("二千零五人", "quantity 二千零五人 2005 人/person"),
        Row("一千零一家", "quantity 一千零一家 1001 家/organisation"),
        Row("两千人", "quantity 两千人 2000 人/person"),
        Row("兩千人", "quantity 兩千人 2000 人/person"),
        Row("三百五十萬人", "quantity 三百五十萬人 3500000 萬人/person"),
        Row("十二亿元", "quantity 十二亿元 1200000000 亿元/money"),
        Row("十二億元", "quantity 十二億元 1200000000 億元/money"),
        Row("零点五亿元", "quantity 零点五亿元 50000000 亿元/money"),
        Row("〇点五", "quantity 〇点五 0.5"),
        Row("两家", "quantity 两家 2 家/organisation"),
        Row("兩家", "quantity 兩家 2 家/organisation"),
        Row("三年", "quantity 三年 3 年/duration"),
    ]

    /// 大写 numerals, Simplified and Traditional.
    static let daxie: [Row] = [
        Row("壹仟贰佰叁拾肆元", "quantity 壹仟贰佰叁拾肆元 1234 元/money"),
        Row("壹仟貳佰參拾肆元", "quantity 壹仟貳佰參拾肆元 1234 元/money"),
    ]

    /// Mixed Arabic and Chinese.
    static let mixed: [Row] = [
        Row("1.5万人", "quantity 1.5万人 15000 万人/person"),
        Row("1.5萬人", "quantity 1.5萬人 15000 萬人/person"),
        Row("3万4千人", "quantity 3万4千人 34000 人/person"),
        Row("3萬4千人", "quantity 3萬4千人 34000 人/person"),
        Row("2万6千名", "quantity 2万6千名 26000 名/person"),
        Row("2萬6千名", "quantity 2萬6千名 26000 名/person"),
        Row("一万三", "quantity 一万三 13000"),
        Row("一萬三", "quantity 一萬三 13000"),
        Row("1.5亿人次", "quantity 1.5亿人次 150000000 亿人次/person_time"),
    ]

    /// Percentages; 个百分点 is its own unit.
    static let percentages: [Row] = [
        Row("百分之五十", "quantity 百分之五十 50 百分之/percent"),
        Row("50%", "quantity 50% 50 %/percent"),
        Row("三成", "quantity 三成 30 成/percent"),
        Row("近三成企业", "quantity 近三成 30 [..30] nearly 成/percent"),
        Row("提高2个百分点", "quantity 2个百分点 2 个百分点/percentage_point"),
        Row("提高2個百分點", "quantity 2個百分點 2 個百分點/percentage_point"),
    ]

    /// Ranges.
    static let ranges: [Row] = [
        Row("10-20家", "quantity 10-20家 10 [10..20] range 家/organisation"),
        Row("8000至10000人", "quantity 8000至10000人 8000 [8000..10000] range 人/person"),
        Row("七八万人", "quantity 七八万人 70000 [70000..80000] range 万人/person"),
        Row("七八萬人", "quantity 七八萬人 70000 [70000..80000] range 萬人/person"),
        Row("两到三万人", "quantity 两到三万人 20000 [20000..30000] range 万人/person"),
        Row("三五百家", "quantity 三五百家 300 [300..500] range 家/organisation"),
        Row("十八至三十萬人", "quantity 十八至三十萬人 180000 [180000..300000] range 萬人/person"),
        Row("1万元--5万元", "quantity 1万元--5万元 10000 [10000..50000] range 万元/money"),
    ]

    /// Approximations and bounds: kept as lower/upper with the qualifier, never flattened.
    static let bounds: [Row] = [
        Row("近5万人", "quantity 近5万人 50000 [..50000] nearly 万人/person"),
        Row("近5萬人", "quantity 近5萬人 50000 [..50000] nearly 萬人/person"),
        Row("将近1万人次", "quantity 将近1万人次 10000 [..10000] nearly 万人次/person_time"),
        Row("约300家", "quantity 约300家 300 approximately 家/organisation"),
        Row("約300家", "quantity 約300家 300 approximately 家/organisation"),
        Row("大约200處", "quantity 大约200處 200 approximately 處/site"),
        Row("逾100家", "quantity 逾100家 100 [100..] more_than 家/organisation"),
        Row("超过5000人", "quantity 超过5000人 5000 [5000..] more_than 人/person"),
        Row("超過5000人", "quantity 超過5000人 5000 [5000..] more_than 人/person"),
        Row("100名以上", "quantity 100名以上 100 [100..] at_least 名/person"),
        Row("引进高层次人才100名以上", "quantity 100名以上 100 [100..] at_least 名/person"),
        Row("50人以下", "quantity 50人以下 50 [..50] at_most 人/person"),
        Row("不少于20家", "quantity 不少于20家 20 [20..] at_least 家/organisation"),
        Row("不少於20家", "quantity 不少於20家 20 [20..] at_least 家/organisation"),
        Row("至少3处", "quantity 至少3处 3 [3..] at_least 处/site"),
        Row("至少3處", "quantity 至少3處 3 [3..] at_least 處/site"),
        Row("不超过30个", "quantity 不超过30个 30 [..30] at_most 个/item"),
        Row("不足10家", "quantity 不足10家 10 [..10] less_than 家/organisation"),
        Row("50万元（含）以上", "quantity 50万元（含）以上 500000 [500000..] at_least 万元/money"),
        Row("2000余人", "quantity 2000余人 2000 [2000..3000] more_than 人/person"),
        Row("2000餘人", "quantity 2000餘人 2000 [2000..3000] more_than 人/person"),
        Row("300多家", "quantity 300多家 300 [300..400] more_than 家/organisation"),
        Row("几十万人", "quantity 几十万人 100000 [100000..1000000] more_than 万人/person"),
        Row("幾十萬人", "quantity 幾十萬人 100000 [100000..1000000] more_than 萬人/person"),
        Row("十几家", "quantity 十几家 10 [10..20] more_than 家/organisation"),
        Row("十幾家", "quantity 十幾家 10 [10..20] more_than 家/organisation"),
    ]

    /// Units and unit classes.
    static let units: [Row] = [
        Row("50人次", "quantity 50人次 50 人次/person_time"),
        Row("10个", "quantity 10个 10 个/item"),
        Row("10個", "quantity 10個 10 個/item"),
        Row("5万人", "quantity 5万人 50000 万人/person"),
        Row("5萬人", "quantity 5萬人 50000 萬人/person"),
        Row("3亿元", "quantity 3亿元 300000000 亿元/money"),
        Row("3億元", "quantity 3億元 300000000 億元/money"),
        Row("100元", "quantity 100元 100 元/money"),
        Row("三年十萬大學生留呼", "quantity 三年 3 年/duration", "quantity 十萬 100000"),
    ]

    /// Exact decimals: scaled without binary drift.
    static let exactDecimals: [Row] = [
        Row("16.4亿", "quantity 16.4亿 1640000000"),
        Row("16.4億", "quantity 16.4億 1640000000"),
        Row("35.1亿元", "quantity 35.1亿元 3510000000 亿元/money"),
        Row("0.1万人", "quantity 0.1万人 1000 万人/person"),
        Row("3.3億元", "quantity 3.3億元 330000000 億元/money"),
    ]

    /// Set aside, with the reason in kind: years and dates.
    static let calendar: [Row] = [
        Row("2024年", "year 2024年 2024"),
        Row("6月", "date 6月 6"),
        Row("5月21日", "date 5月21日 5"),
        Row("二〇二四年", "year 二〇二四年 2024"),
        Row("二〇二四年七月", "date 二〇二四年七月 2024"),
        Row("2022年6月", "date 2022年6月 2022"),
    ]

    /// Set aside: ordinals and anniversaries.
    static let ordinals: [Row] = [
        Row("第一支", "ordinal 第一支 1 支/item"),
        Row("第十届", "ordinal 第十届 10 届/item"),
        Row("第十屆", "ordinal 第十屆 10 屆/item"),
        Row("第二十八次", "ordinal 第二十八次 28 次/item"),
        Row("70周年", "anniversary 70周年 70 周年/none"),
        Row("70週年", "anniversary 70週年 70 週年/none"),
    ]

    /// Set aside: names of policies and programmes, slogans, phone numbers and codes.
    static let namesAndCodes: [Row] = [
        Row("“人才新政10條”", "name 10條 10 條/item"),
        Row("“人才新政10条”", "name 10条 10 条/item"),
        Row("“引人留人18條”", "name 18條 18 條/item"),
        Row("百人计划", "name 百人计划 100 人/person"),
        Row("百人計劃", "name 百人計劃 100 人/person"),
        Row("1+1>2", "formula 1+1>2 -"),
        Row("0471-1234567", "identifier 0471-1234567 -"),
        Row("13800138000", "identifier 13800138000 -"),
        Row("邮编010000", "identifier 010000 -"),
        Row("郵編010000", "identifier 010000 -"),
        Row("编号123456", "identifier 123456 -"),
    ]

    static let all = arabic + chinese + daxie + mixed + percentages + ranges + bounds + units + exactDecimals
        + calendar + ordinals + namesAndCodes

    @Test(arguments: all)
    func readsEveryForm(_ row: Row) { Self.check(row) }

    /// The scanner's readings of a row's input are the row's, and each reading's offsets span its text.
    static func check(_ row: Row) {
        let found = QuantityScanner().scan(row.input)
        #expect(found.map(\.rendered) == row.readings)
        let scalars = Array(row.input.unicodeScalars)
        for q in found {
            #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text, "offsets of \(q.text)")
        }
    }

    /// 16.4亿 is 1640000000 exactly, as a value and as printed, never 1639999999.9999998.
    @Test(arguments: [("16.4亿", "1640000000"), ("35.1亿元", "3510000000"), ("0.1万人", "1000"), ("3.3億元", "330000000"),
                      ("47.264287亿元", "4726428700"), ("0.07万", "700")])
    func scaledDecimalsAreExact(_ input: String, _ printed: String) throws {
        let q = try #require(QuantityScanner().scan(input).first)
        #expect(q.value?.description == printed)
        #expect(q.value == ExactDecimal(printed))
    }

    /// The table reaches every reason a number is set aside, every qualifier and the unit classes the
    /// metric rules use.
    @Test func tableCoversEveryKindQualifierAndClass() {
        let found = Self.all.flatMap { QuantityScanner().scan($0.input) }
        #expect(Set(found.map(\.kind)) == Set(QuantityKind.allCases))
        #expect(Set(found.compactMap(\.qualifier)) == Set(Qualifier.allCases))
        let classes: Set<UnitClass> = [.none, .person, .personTime, .organisation, .site, .item, .money, .percent,
                                       .percentagePoint, .duration]
        #expect(classes.isSubset(of: Set(found.map(\.unitClass))))
    }

    /// Each Traditional row reads like its Simplified twin: same kind, value, bounds and class.
    @Test func traditionalReadsLikeSimplified() {
        let pairs = [
            ("十二亿元", "十二億元"), ("1.5万人", "1.5萬人"), ("近5万人", "近5萬人"), ("约300家", "約300家"),
            ("超过5000人", "超過5000人"), ("不少于20家", "不少於20家"), ("至少3处", "至少3處"), ("2000余人", "2000餘人"),
            ("几十万人", "幾十萬人"), ("十几家", "十幾家"), ("10个", "10個"), ("3亿元", "3億元"), ("第十届", "第十屆"),
            ("70周年", "70週年"), ("百人计划", "百人計劃"), ("提高2个百分点", "提高2個百分點"), ("七八万人", "七八萬人"),
            ("壹仟贰佰叁拾肆元", "壹仟貳佰參拾肆元"), ("邮编010000", "郵編010000"), ("两千人", "兩千人"),
        ]
        for (simplified, traditional) in pairs {
            let a = QuantityScanner().scan(simplified), b = QuantityScanner().scan(traditional)
            #expect(a.map(\.kind) == b.map(\.kind), "\(simplified) / \(traditional)")
            #expect(a.map(\.value) == b.map(\.value))
            #expect(a.map(\.lower) == b.map(\.lower) && a.map(\.upper) == b.map(\.upper))
            #expect(a.map(\.qualifier) == b.map(\.qualifier) && a.map(\.unitClass) == b.map(\.unitClass))
        }
    }
}
