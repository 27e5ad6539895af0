import CityPulseQuantities
import Testing

/// The conventions in `Sources/CityPulseQuantities/README.md`, one test per section of its table, so the
/// README and the scanner cannot drift apart.
@Suite struct ConventionTests {
    static func check(_ rows: [(String, [String])]) {
        for (input, readings) in rows {
            #expect(QuantityScanner().readings(input) == readings, "\(input)")
        }
    }

    /// 以上, 不少于, 至少 are at_least; 超过, 逾, 突破 more_than; 以下, 不超过, 最多, 以内 at_most; 不到, 不足,
    /// 少于 less_than; 近 nearly (an upper bound); 约, 左右, 上下 approximately (no bound).
    @Test func boundsAreStatedNotFlattened() {
        Self.check([
            ("100名以上", ["quantity 100名以上 100 [100..] at_least 名/person"]),
            ("不少于100人", ["quantity 不少于100人 100 [100..] at_least 人/person"]),
            ("至少100人", ["quantity 至少100人 100 [100..] at_least 人/person"]),
            ("超过100人", ["quantity 超过100人 100 [100..] more_than 人/person"]),
            ("逾100人", ["quantity 逾100人 100 [100..] more_than 人/person"]),
            ("突破100人", ["quantity 突破100人 100 [100..] more_than 人/person"]),
            ("近5万人", ["quantity 近5万人 50000 [..50000] nearly 万人/person"]),
            ("100人以下", ["quantity 100人以下 100 [..100] at_most 人/person"]),
            ("不超过100人", ["quantity 不超过100人 100 [..100] at_most 人/person"]),
            ("最多100人", ["quantity 最多100人 100 [..100] at_most 人/person"]),
            ("100人以内", ["quantity 100人以内 100 [..100] at_most 人/person"]),
            ("不到100人", ["quantity 不到100人 100 [..100] less_than 人/person"]),
            ("不足100人", ["quantity 不足100人 100 [..100] less_than 人/person"]),
            ("少于100人", ["quantity 少于100人 100 [..100] less_than 人/person"]),
            ("约100人", ["quantity 约100人 100 approximately 人/person"]),
            ("100人左右", ["quantity 100人左右 100 approximately 人/person"]),
            ("100人上下", ["quantity 100人上下 100 approximately 人/person"]),
        ])
    }

    /// 多, 余, 几 run from the number to one step in its last written place; 几十万 and 数百 to ten times.
    @Test func moreAndSomeRunToTheNextStep() {
        Self.check([
            ("100多人", ["quantity 100多人 100 [100..200] more_than 人/person"]),
            ("100余人", ["quantity 100余人 100 [100..200] more_than 人/person"]),
            ("十几人", ["quantity 十几人 10 [10..20] more_than 人/person"]),
            ("3500多人", ["quantity 3500多人 3500 [3500..3600] more_than 人/person"]),
            ("100多万人", ["quantity 100多万人 1000000 [1000000..2000000] more_than 万人/person"]),
            ("几十万人", ["quantity 几十万人 100000 [100000..1000000] more_than 万人/person"]),
            ("数百家", ["quantity 数百家 100 [100..1000] more_than 家/organisation"]),
        ])
    }

    /// a range's value is its lower end; the first number takes the second's multipliers.
    @Test func rangesKeepBothEnds() {
        Self.check([
            ("10-20家", ["quantity 10-20家 10 [10..20] range 家/organisation"]),
            ("8000至10000人", ["quantity 8000至10000人 8000 [8000..10000] range 人/person"]),
            ("七八万", ["quantity 七八万 70000 [70000..80000] range"]),
            ("两到三万人", ["quantity 两到三万人 20000 [20000..30000] range 万人/person"]),
            ("十八至三十万人", ["quantity 十八至三十万人 180000 [180000..300000] range 万人/person"]),
            ("八到九百亿元", ["quantity 八到九百亿元 80000000000 [80000000000..90000000000] range 亿元/money"]),
            ("五元六角-五元七角八分", ["quantity 五元六角-五元七角八分 5.6 [5.6..5.78] range 元/money"]),
        ])
    }

    /// the cue before the number wins, except 多/余/几.
    @Test func cuesThatDisagree() {
        Self.check([
            ("至少九千块钱以上", ["quantity 至少九千块钱以上 9000 [9000..] at_least 块钱/money"]),
            ("大约十多人", ["quantity 大约十多人 10 [10..20] more_than 人/person"]),
        ])
    }

    /// 万/亿 ending the numeral belong to the unit when a counter follows; 个亿 scales; 千克 and 千米 read 千
    /// as a multiplier.
    @Test func unitsTakeTheMultiplier() {
        Self.check([
            ("5萬人", ["quantity 5萬人 50000 萬人/person"]),
            ("16.4亿元", ["quantity 16.4亿元 1640000000 亿元/money"]),
            ("十萬大學生", ["quantity 十萬 100000"]),
            ("两个亿元", ["quantity 两个亿元 200000000 亿元/money"]),
            ("1.5千克", ["quantity 1.5千克 1500 克/measure"]),
            ("两千米", ["quantity 两千米 2000 米/measure"]),
            ("三百万", ["quantity 三百万 3000000"]),
        ])
    }

    /// 百分之, 成, ‰ and 千分之 are percent; 个百分点 is its own class.
    @Test func percentAndPoints() {
        Self.check([
            ("百分之五十", ["quantity 百分之五十 50 百分之/percent"]),
            ("三成", ["quantity 三成 30 成/percent"]),
            ("5‰", ["quantity 5‰ 0.5 ‰/percent"]),
            ("千分之三", ["quantity 千分之三 0.3 千分之/percent"]),
            ("3个百分点", ["quantity 3个百分点 3 个百分点/percentage_point"]),
        ])
    }

    /// 年 after a year-like number is a year, otherwise a duration.
    @Test func yearsAndDurations() {
        Self.check([
            ("2024年", ["year 2024年 2024"]),
            ("三年", ["quantity 三年 3 年/duration"]),
            ("10年", ["quantity 10年 10 年/duration"]),
            ("2.5亿年", ["quantity 2.5亿年 250000000 亿年/duration"]),
        ])
    }

    /// the yuan tail folds into the value; digits after 电话/编号 are a code; a trailing 零 is a word.
    @Test func moneyTailsAndCodes() {
        Self.check([
            ("123元1角1分", ["quantity 123元1角1分 123.11 元/money"]),
            ("编号-01", ["identifier -01 -"]),
            ("电话零零三", ["identifier 零零三 -"]),
            ("十万零售", ["quantity 十万 100000"]),
        ])
    }

    /// A space that text extraction left between digits and 万/亿, 年/月/日 or 周年 is read through.
    @Test func spacesLeftByExtraction() {
        Self.check([
            ("新台币 177.1 亿元", ["quantity 177.1 亿元 17710000000 亿元/money"]),
            ("共 1 万人", ["quantity 1 万人 10000 万人/person"]),
            ("2024 年", ["year 2024 年 2024"]),
            ("6 月", ["date 6 月 6"]),
            ("30 周年", ["anniversary 30 周年 30 周年/none"]),
        ])
    }
}
