@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// Record logs: every kind of bad row becomes a reject with a reason, and the rows always add up.
@Suite struct CSVRecordLogTests {
    static let mapping = CSVTestSupport.retentionRecords(category: "高校毕业生留呼就业")
    static let header = "日期,区县,学历,类别,人数"

    struct Malformation: Sendable, CustomTestStringConvertible {
        var name: String
        var row: String
        var reason: String
        var column: String?
        var testDescription: String { name }
    }

    static let malformations: [Malformation] = [
        .init(name: "extra column", row: "2024-05-01,新城区,本科,高校毕业生留呼就业,3,备注", reason: "expected 5 columns, found 6"),
        .init(name: "missing column", row: "2024-05-01,新城区,本科,高校毕业生留呼就业", reason: "expected 5 columns, found 4"),
        .init(name: "Chinese numeral", row: "2024-05-01,新城区,本科,高校毕业生留呼就业,十二", reason: "not a number", column: "人数"),
        .init(name: "N/A", row: "2024-05-01,新城区,本科,高校毕业生留呼就业,N/A", reason: "not a number", column: "人数"),
        .init(name: "number with a counter", row: "2024-05-01,新城区,本科,高校毕业生留呼就业,3人", reason: "not a number", column: "人数"),
        .init(name: "about five", row: "2024-05-01,新城区,本科,高校毕业生留呼就业,约5", reason: "not a number", column: "人数"),
        .init(name: "dash", row: "2024-05-01,新城区,本科,高校毕业生留呼就业,-", reason: "not a number", column: "人数"),
        .init(name: "empty value", row: "2024-05-01,新城区,本科,高校毕业生留呼就业,", reason: "not a number", column: "人数"),
        .init(name: "30 February", row: "2024-02-30,新城区,本科,高校毕业生留呼就业,3", reason: "impossible date", column: "日期"),
        .init(name: "month 13", row: "2023-13-07,新城区,本科,高校毕业生留呼就业,3", reason: "impossible date", column: "日期"),
        .init(name: "month 0", row: "2022-00-15,新城区,本科,高校毕业生留呼就业,3", reason: "impossible date", column: "日期"),
        .init(name: "29 February of a common year", row: "2023-02-29,新城区,本科,高校毕业生留呼就业,3", reason: "impossible date", column: "日期"),
        .init(name: "all zeros", row: "0000-00-00,新城区,本科,高校毕业生留呼就业,3", reason: "impossible date", column: "日期"),
        .init(name: "year out of range", row: "1024-05-01,新城区,本科,高校毕业生留呼就业,3", reason: "date out of range", column: "日期"),
        .init(name: "Excel serial", row: "45413,新城区,本科,高校毕业生留呼就业,3", reason: "looks like an Excel date serial", column: "日期"),
        .init(name: "not a date", row: "上周三,新城区,本科,高校毕业生留呼就业,3", reason: "not a date", column: "日期"),
        .init(name: "unknown region", row: "2024-05-01,火星区,本科,高校毕业生留呼就业,3", reason: "unknown region \"火星区\"", column: "区县"),
        .init(name: "empty region", row: "2024-05-01,,本科,高校毕业生留呼就业,3", reason: "the region is empty", column: "区县"),
        .init(name: "unterminated quote", row: "2024-05-01,\"新城区,本科,高校毕业生留呼就业,3", reason: "unterminated quote", column: "区县"),
        .init(name: "text after a quote", row: "2024-05-01,\"新城\"区,本科,高校毕业生留呼就业,3", reason: "text after a closing quote", column: "区县"),
    ]

    @Test(arguments: malformations)
    func malformedRowIsRejectedWithAReason(_ m: Malformation) throws {
        let text = [Self.header, "2024-05-01,新城区,本科,高校毕业生留呼就业,2", m.row, "2024-05-02,新城区,本科,高校毕业生留呼就业,5", ""].joined(separator: "\r\n")
        let e = try CSVTestSupport.extract(try CSVTestSupport.write(text, bom: [0xEF, 0xBB, 0xBF]), csv: Self.mapping)
        #expect(e.rowsRead == 3)
        #expect(e.rowsRejected == 1)
        #expect(e.rowsUsed == 2)
        #expect(e.rowsAddUp)
        let reject = try #require(e.rejects.first)
        #expect(reject.line == 3)
        #expect(reject.reason.contains(m.reason), "\(reject.reason)")
        #expect(reject.column == m.column)
        #expect(reject.file == "t.csv")
        #expect(!reject.excerpt.isEmpty)
        // The good rows around it are summed into one observation.
        #expect(e.facts.count == 1)
        #expect(e.facts.first?.value == ExactDecimal(7))
        #expect(e.rowCounts == [2])
    }

    struct DateCase: Sendable, CustomTestStringConvertible {
        var text: String
        var period: Period
        var testDescription: String { text }
    }

    static let dates: [DateCase] = [
        .init(text: "2024-05", period: .month(2024, 5)),
        .init(text: "2024-05-01", period: .month(2024, 5)),
        .init(text: "2024年5月", period: .month(2024, 5)),
        .init(text: "2024年5月1日", period: .month(2024, 5)),
        .init(text: "2024/5/1", period: .month(2024, 5)),
        .init(text: "2024/05", period: .month(2024, 5)),
        .init(text: "2024-05-31 18:30", period: .month(2024, 5)),
        .init(text: " 2024-5-1 ", period: .month(2024, 5)),
        .init(text: "2024", period: .year(2024)),
        .init(text: "2024年", period: .year(2024)),
    ]

    @Test(arguments: dates)
    func acceptedDateForms(_ d: DateCase) throws {
        let text = "\(Self.header)\n\(d.text),新城区,本科,高校毕业生留呼就业,4\n"
        let e = try CSVTestSupport.extract(try CSVTestSupport.write(text), csv: Self.mapping)
        #expect(e.rejects.isEmpty, "\(e.rejects.map(\.reason))")
        #expect(e.facts.first?.period == d.period)
    }

    @Test func filtersAndRegionsAreCountedApartFromRejects() throws {
        let text = """
        \(Self.header)
        2024-05-01,新城区,本科,高校毕业生留呼就业,2
        2024-05-01,新城区,本科,毕业生落户登记,9
        2024-05-03,赛罕区,硕士研究生,高校毕业生留呼就业,1
        2024-06-01,新城区,本科,高校毕业生留呼就业,3
        2024-06-01,火星区,本科,高校毕业生留呼就业,3

        """
        let e = try CSVTestSupport.extract(try CSVTestSupport.write(text), csv: Self.mapping)
        #expect(e.rowsRead == 5)
        #expect(e.rowsFiltered == 1)
        #expect(e.rowsRejected == 1)
        #expect(e.rowsUsed == 3)
        #expect(e.rowsAddUp)
        // Ordered by period, then region id.
        try #require(e.facts.map(\.value) == [ExactDecimal(1), ExactDecimal(2), ExactDecimal(3)])
        #expect(e.facts.map(\.region) == ["saihan", "xincheng", "xincheng"])
        #expect(e.facts[0].dimensions == ["学历": "硕士研究生"])
        #expect(e.facts[1].sources.first?.line == 2)
        #expect(e.facts[2].sources.first?.line == 5)
        #expect(e.facts.allSatisfy { $0.kind == .observation && $0.unit == "人" })
    }

    @Test func withoutAValueColumnEachRowCountsOne() throws {
        let text = """
        日期,区县,类别,点位名称
        2024-05-01,新城区,早夜市,新华大街早夜市
        2024-05-09,新城区,早夜市,"新华大街,中山西路交口早夜市"
        2024-05-09,新城区,集市,昭君路集市
        """
        let csv = """
        layout: records
        metric: market_openings
        date: 日期
        region: 区县
        filters: {类别: [早夜市, 集市]}
        unit: 处
        """
        let e = try CSVTestSupport.extract(try CSVTestSupport.write(text), csv: csv)
        #expect(e.facts.count == 1)
        #expect(e.facts.first?.value == ExactDecimal(3))
        #expect(e.facts.first?.sources.map(\.line) == [2, 3, 4])
        #expect(e.rowCounts == [3])
    }

    @Test func missingColumnIsADiagnosticNotACrash() throws {
        let e = try CSVTestSupport.extract(try CSVTestSupport.write("日期,地方,人数\n2024-05-01,新城区,2\n"), csv: Self.mapping)
        #expect(e.facts.isEmpty)
        #expect(e.diagnostics.contains { $0.severity == .error && $0.message.contains("区县") })
    }

    @Test func rejectsAreCappedButCounted() throws {
        var text = Self.header + "\n"
        for _ in 0..<50 { text += "2024-05-01,新城区,本科,高校毕业生留呼就业,N/A\n" }
        let e = try CSVTestSupport.extract(try CSVTestSupport.write(text), csv: Self.mapping, maxRejects: 10)
        #expect(e.rejects.count == 10)
        #expect(e.rejectsTotal == 50)
        #expect(e.rowsRejected == 50)
        #expect(e.diagnostics.contains { $0.message.contains("50 rows rejected") })
    }
}
