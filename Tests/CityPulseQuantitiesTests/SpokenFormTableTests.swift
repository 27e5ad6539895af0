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

    // MARK: - Tests

    static let all = colloquialTail

    static let allParses = colloquialTailParses

    @Test(arguments: all)
    func readsEveryForm(_ row: Row) {
        let found = QuantityScanner().scan(row.input)
        #expect(found.map(\.rendered) == row.readings)
        let scalars = Array(row.input.unicodeScalars)
        for q in found {
            #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text, "offsets of \(q.text)")
        }
    }

    @Test(arguments: allParses)
    func parsesWholeStrings(_ row: ParseRow) {
        #expect(ChineseNumeral.parse(row.input) == row.value)
    }
}
