import CityPulseQuantities
import Testing

/// Forms people write beside the textbook numeral (a colloquial tail before 点), each in Simplified and
/// Traditional script and in full-width, with the reading it must give (see `Quantity.rendered`) and,
/// for whole strings, the value `ChineseNumeral.parse` gives. Negative rows keep the neighbours of each
/// form as they were.
@Suite struct SpokenFormTableTests {
    typealias Row = FormTableTests.Row

    /// A whole string and the value it parses to (nil: not a numeral).
    struct ParseRow: Sendable, CustomTestStringConvertible {
        var input: String
        var value: ExactDecimal?
        var testDescription: String { input }
        init(_ input: String, _ value: String?) {
            self.input = input
            self.value = value.map { ExactDecimal($0)! }
        }
    }

    // MARK: - A colloquial tail before 点

    /// 三千二 is 3200: a digit after 千, 百 or 万 is the next-lower place's digit. It stays so before 点,
    /// and the decimals follow: 五千八点五 is 5800.5 (not 5008.5).
    static let colloquialTail: [Row] = [
        Row("五千八点五", "quantity 五千八点五 5800.5"),
        Row("五千八點五", "quantity 五千八點五 5800.5"),
        Row("五千八点五元", "quantity 五千八点五元 5800.5 元/money"),
        Row("伍仟捌點伍元", "quantity 伍仟捌點伍元 5800.5 元/money"),
        Row("三百二点五米", "quantity 三百二点五米 320.5 米/measure"),
        Row("一万二点五", "quantity 一万二点五 12000.5"),
        Row("一萬二點五", "quantity 一萬二點五 12000.5"),
        Row("三千二", "quantity 三千二 3200"),
        // No tail: the digit after 零 or 十 is a unit digit, as before.
        Row("一百零二点五", "quantity 一百零二点五 102.5"),
        Row("十二点五", "quantity 十二点五 12.5"),
        Row("一千二百点五", "quantity 一千二百点五 1200.5"),
        Row("一百二十三", "quantity 一百二十三 123"),
        Row("3.5", "quantity 3.5 3.5"),
        Row("３．５", "quantity ３．５ 3.5"),
    ]

    static let colloquialTailParses: [ParseRow] = [
        ParseRow("五千八点五", "5800.5"), ParseRow("五千八點五", "5800.5"), ParseRow("伍仟捌点伍", "5800.5"),
        ParseRow("三千二", "3200"), ParseRow("一万二点五", "12000.5"), ParseRow("一百零二点五", "102.5"),
        ParseRow("一百二十三", "123"), ParseRow("五千八点", nil),
    ]

    // MARK: - 兆, 万万, 亿万, 半百, 俩

    /// 兆 is 10¹² (万亿), as Taiwan and Hong Kong write it; before a unit (兆瓦, 兆赫, 千兆光网) it is the
    /// prefix mega and no multiplier. 万 right after 万 or 亿 multiplies: 三万万 is 3×10⁸, 三亿万 3×10¹².
    static let largeMultipliers: [Row] = [
        Row("三兆元", "quantity 三兆元 3000000000000 兆元/money"),
        Row("3兆2000亿元", "quantity 3兆2000亿元 3200000000000 亿元/money"),
        Row("3兆2000億元", "quantity 3兆2000億元 3200000000000 億元/money"),
        Row("1.5兆新台幣", "quantity 1.5兆新台幣 1500000000000 兆新台幣/money"),
        Row("１．５兆元", "quantity １．５兆元 1500000000000 兆元/money"),
        Row("3万亿元", "quantity 3万亿元 3000000000000 万亿元/money"),
        Row("台灣GDP達22兆", "quantity 22兆 22000000000000"),
        Row("出口总额达3兆元，宽带", "quantity 3兆元 3000000000000 兆元/money"),
        Row("100兆瓦", "quantity 100兆瓦 100 兆瓦/measure"),
        Row("宽带提速至1000兆", "quantity 1000 1000"),
        Row("寬頻提速至1000兆", "quantity 1000 1000"),
        Row("4兆像素", "quantity 4 4"),
        Row("建成千兆光网"),
        Row("征兆"),
        Row("三万万人", "quantity 三万万人 300000000 万万人/person"),
        Row("三萬萬人", "quantity 三萬萬人 300000000 萬萬人/person"),
        Row("３万万", "quantity ３万万 300000000"),
        Row("三万万五千万", "quantity 三万万五千万 350000000"),
        Row("三亿万", "quantity 三亿万 3000000000000"),
        Row("三億萬", "quantity 三億萬 3000000000000"),
        Row("万万不可"),
        Row("千千万万"),
        Row("亿万人民"),
    ]

    /// 半百 is 50; 俩 and 倆 are two with the counter inside (俩人, 哥倆); 兩 is two in both scripts.
    static let wordNumerals: [Row] = [
        Row("年过半百", "quantity 半百 50"),
        Row("年過半百", "quantity 半百 50"),
        Row("半百人", "quantity 半百人 50 人/person"),
        Row("下降了半个百分点"),
        Row("俩人", "quantity 俩人 2 人/person"),
        Row("倆人", "quantity 倆人 2 人/person"),
        Row("哥俩", "quantity 俩 2"),
        Row("哥倆", "quantity 倆 2"),
        Row("兩人", "quantity 兩人 2 人/person"),
        Row("两人", "quantity 两人 2 人/person"),
        Row("伎俩"),
        Row("伎倆"),
        Row("两市"),
    ]

    /// 打 after a number is a dozen: the value counts the items (三打 is 36). The verb 打 is no counter.
    static let dozens: [Row] = [
        Row("三打鸡蛋", "quantity 三打 36 打/item"),
        Row("三打雞蛋", "quantity 三打 36 打/item"),
        Row("一打", "quantity 一打 12 打/item"),
        Row("3打", "quantity 3打 36 打/item"),
        Row("３打", "quantity ３打 36 打/item"),
        Row("十打啤酒", "quantity 十打 120 打/item"),
        Row("全力打造3个中心", "quantity 3个 3 个/item"),
        Row("全力打造3個中心", "quantity 3個 3 個/item"),
        Row("一打卡"),
        Row("上班打卡"),
        Row("三打白骨精"),
        Row("我们三打一"),
        Row("一打开"),
        Row("一打開"),
        Row("一打就是三年", "quantity 三年 3 年/duration"),
        Row("這一打就是三年", "quantity 三年 3 年/duration"),
    ]

    static let largeAndWordParses: [ParseRow] = [
        ParseRow("3兆", "3000000000000"), ParseRow("三兆", "3000000000000"), ParseRow("三万万", "300000000"),
        ParseRow("三萬萬", "300000000"), ParseRow("三亿万", "3000000000000"), ParseRow("半百", "50"),
        ParseRow("俩", "2"), ParseRow("倆", "2"), ParseRow("兩", "2"), ParseRow("五打", "60"), ParseRow("八打", "96"),
        ParseRow("一打", "12"), ParseRow("３打", "36"), ParseRow("打造", nil), ParseRow("打", nil),
    ]

    // MARK: - Spaces

    /// A space text extraction left inside a numeral is read through: between digits and their multiplier,
    /// and between a multiplier and digits that take a smaller one. Two numbers side by side stay two.
    static let spaces: [Row] = [
        Row("6 万 2 千 3 百", "quantity 6 万 2 千 3 百 62300"),
        Row("6 萬 2 千 3 百人", "quantity 6 萬 2 千 3 百人 62300 人/person"),
        Row("６ 万 ２ 千 ３ 百", "quantity ６ 万 ２ 千 ３ 百 62300"),
        Row("６\u{3000}万\u{3000}２\u{3000}千", "quantity ６\u{3000}万\u{3000}２\u{3000}千 62000"),
        Row("六 万 二 千", "quantity 六 万 二 千 62000"),
        Row("达 到 2500 余家", "quantity 2500 余家 2500 [2500..2600] more_than 家/organisation"),
        Row("達 到 2500 餘家", "quantity 2500 餘家 2500 [2500..2600] more_than 家/organisation"),
        Row("达 到 ２５００ 多家", "quantity ２５００ 多家 2500 [2500..2600] more_than 家/organisation"),
        Row("177.1 亿元", "quantity 177.1 亿元 17710000000 亿元/money"),
        Row("2024 年", "year 2024 年 2024"),
        Row("3 5", "quantity 3 3", "quantity 5 5"),
        Row("2020 2021", "quantity 2020 2020", "quantity 2021 2021"),
        Row("6 万 2 万", "quantity 6 万 60000", "quantity 2 万 20000"),
        Row("1 2 万", "quantity 1 1", "quantity 2 万 20000"),
        Row("6 百 5 十", "quantity 6 百 5 十 650"),
        Row("2 千米", "quantity 2 千米 2000 米/measure"),
        Row("2016 十月 (1)", "quantity 2016 2016", "date 十月 10", "ordinal (1) 1"),
        Row("2015 十二月", "quantity 2015 2015", "date 十二月 12"),
    ]

    static let spaceParses: [ParseRow] = [
        ParseRow("6 万 2 千 3 百", "62300"), ParseRow("６ 萬 ２ 千 ３ 百", "62300"), ParseRow("六 万 二 千", "62000"),
        ParseRow("3 5", nil),
    ]

    // MARK: - Scientific notation and leading-dot decimals

    /// 3.5e4 and .75, half-width and full-width. An exponent glued to more letters or digits is a code
    /// (1e5a), and an address is one identifier, never a number.
    static let notation: [Row] = [
        Row("3.5e4", "quantity 3.5e4 35000"),
        Row("３．５ｅ４", "quantity ３．５ｅ４ 35000"),
        Row("1.5E-2", "quantity 1.5E-2 0.015"),
        Row("１．５Ｅ－２", "quantity １．５Ｅ－２ 0.015"),
        Row("2.5e+3元", "quantity 2.5e+3元 2500 元/money"),
        Row("约1e5人", "quantity 约1e5人 100000 approximately 人/person"),
        Row("約1e5人", "quantity 約1e5人 100000 approximately 人/person"),
        Row(".75", "quantity .75 0.75"),
        Row("．７５", "quantity ．７５ 0.75"),
        Row("增长.75%", "quantity .75% 0.75 %/percent"),
        Row("增長．７５％", "quantity ．７５％ 0.75 ％/percent"),
        Row("负3.5e4元", "quantity 负3.5e4元 -35000 元/money"),
        Row("負３．５ｅ４元", "quantity 負３．５ｅ４元 -35000 元/money"),
        Row("1e5a", "identifier 1e5a -"),
        Row("型号MX-2E-3", "identifier MX-2E-3 -"),
        Row("2e3f", "identifier 2e3f -"),
        Row("srzxglc234@163.com", "identifier srzxglc234@163.com -"),
        Row("联系12345@qq.com", "identifier 12345@qq.com -"),
        Row("www.163.com", "identifier www.163.com -"),
        Row("v.75", "identifier v.75 -"),
        Row("第.5", "quantity 5 5"),
        Row("1.2.3", "quantity 1.2 1.2", "quantity 3 3"),
        Row("共3家.5月份", "quantity 3家 3 家/organisation", "date 5月份 5"),
        Row("2020-2022", "quantity 2020-2022 2020 [2020..2022] range"),
        Row("2020-2022年", "year 2020-2022年 2020 [2020..2022] range"),
        Row("2024年", "year 2024年 2024"),
        Row("1. 要求", "ordinal 1. 1"),
    ]

    static let notationParses: [ParseRow] = [
        ParseRow("3.5e4", "35000"), ParseRow("３．５ｅ４", "35000"), ParseRow("1.5E-2", "0.015"),
        ParseRow("１．５Ｅ－２", "0.015"), ParseRow(".75", "0.75"), ParseRow("．７５", "0.75"), ParseRow("1e5a", nil),
        ParseRow("3.5e", nil), ParseRow("srzxglc234@163.com", nil),
    ]

    // MARK: - Shopping festivals

    /// 双11, 双十一, 双12, 双十二 and a month-day number before a festival word (618大促, 520购物节) name a
    /// festival: kind `name`, never a quantity. Without the cue the number counts as before.
    static let festivals: [Row] = [
        Row("618大促", "name 618 618"),
        Row("618年中大促", "name 618 618"),
        Row("６１８大促", "name ６１８ 618"),
        Row("520购物节", "name 520 520"),
        Row("520購物節", "name 520 520"),
        Row("315晚会", "name 315 315"),
        Row("315晚會", "name 315 315"),
        Row("1111狂欢节", "name 1111 1111"),
        Row("开展“520”活动", "name 520 520"),
        Row("開展「520」活動", "name 520 520"),
        Row("“618”", "quantity 618 618"),
        Row("双11当天", "name 双11 11"),
        Row("雙11當天", "name 雙11 11"),
        Row("双１１当天", "name 双１１ 11"),
        Row("双十一", "name 双十一 11"),
        Row("雙十一", "name 雙十一 11"),
        Row("双十一期间", "name 双十一 11"),
        Row("“双十一”", "name 双十一 11"),
        Row("双12", "name 双12 12"),
        Row("雙12", "name 雙12 12"),
        Row("双十二", "name 双十二 12"),
        Row("雙十二", "name 雙十二 12"),
        Row("双11购物节销售额达5403亿元", "name 双11 11", "quantity 5403亿元 540300000000 亿元/money"),
        Row("618家", "quantity 618家 618 家/organisation"),
        Row("618", "quantity 618 618"),
        Row("300活动", "quantity 300 300"),
        Row("一双12码的鞋", "quantity 12 12"),
        Row("双10", "quantity 10 10"),
        Row("“十一”", "date 十一 -"),
    ]

    // MARK: - Tests

    static let all = colloquialTail + largeMultipliers + wordNumerals + dozens + spaces + notation + festivals

    static let allParses = colloquialTailParses + largeAndWordParses + spaceParses + notationParses

    @Test(arguments: all)
    func readsEveryForm(_ row: Row) { FormTableTests.check(row) }

    /// Each Simplified form reads like its Traditional and full-width twins: same kinds, values, bounds and
    /// classes.
    @Test(arguments: [
        ["五千八点五", "五千八點五", "伍仟捌點伍"], ["三万万人", "三萬萬人", "３万万人"], ["3兆2000亿元", "3兆2000億元"],
        ["俩人", "倆人", "兩人"], ["三打鸡蛋", "三打雞蛋", "３打雞蛋"], ["6 万 2 千 3 百", "６ 萬 ２ 千 ３ 百"],
        ["达 到 2500 余家", "達 到 ２５００ 餘家"], ["3.5e4", "３．５ｅ４"], ["增长.75%", "增長．７５％"],
        ["双十一当天", "雙十一當天"], ["双11", "雙１１"], ["618大促", "６１８大促"], ["520购物节", "520購物節"],
    ])
    func twinsReadAlike(_ forms: [String]) {
        let readings = forms.map { QuantityScanner().scan($0) }
        for (form, r) in zip(forms.dropFirst(), readings.dropFirst()) {
            let first = readings[0]
            #expect(r.map(\.kind) == first.map(\.kind), "\(forms[0]) / \(form)")
            #expect(r.map(\.value) == first.map(\.value) && r.map(\.lower) == first.map(\.lower))
            #expect(r.map(\.upper) == first.map(\.upper) && r.map(\.unitClass) == first.map(\.unitClass))
        }
        #expect(!readings[0].isEmpty)
    }

    @Test(arguments: allParses)
    func parsesWholeStrings(_ row: ParseRow) {
        #expect(ChineseNumeral.parse(row.input) == row.value)
    }
}
