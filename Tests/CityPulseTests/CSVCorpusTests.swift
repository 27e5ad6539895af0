@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// Every CSV file of the shared corpus loads with the source's numbers, scaled to the metric's unit.
/// Expected values are typed from the files (Inner Mongolia's row where the file has regions).
@Suite(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) struct CSVCorpusTests {
    static let nbs = """
    layout: nbs
    regions: [内蒙古自治区]
    indicators:
      - {match: 私营企业和个体就业人员, metric: private_employment}
      - {match: 城镇单位就业人员, metric: urban_employment}
      - {match: 城镇单位就业人员平均工资, metric: average_wage}
      - {match: 年末常住人口, metric: resident_population}
      - {match: 地区生产总值, metric: regional_gdp}
      - {match: 专业技术人员, metric: professional_staff}
    """

    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var metric: String
        var year: Int
        var value: String
        var unitWritten: String
        var unit: String
        var testDescription: String { "\(file) \(year)" }
    }

    static let provincial: [Expectation] = [
        .init(file: "nbs_prov_private_and_selfemployed_GBK.csv", metric: "private_employment", year: 2019, value: "6195000", unitWritten: "万人", unit: "人"),
        .init(file: "nbs_prov_private_and_selfemployed_GBK.csv", metric: "private_employment", year: 2006, value: "1614000", unitWritten: "万人", unit: "人"),
        .init(file: "nbs_prov_urban_unit_employment_GBK.csv", metric: "urban_employment", year: 2024, value: "2843000", unitWritten: "万人", unit: "人"),
        .init(file: "nbs_prov_urban_unit_employment_GBK.csv", metric: "urban_employment", year: 2008, value: "2448000", unitWritten: "万人", unit: "人"),
        .init(file: "nbs_prov_avg_wage_urban_units_GBK.csv", metric: "average_wage", year: 2018, value: "73835", unitWritten: "元", unit: "元"),
        .init(file: "nbs_prov_avg_wage_urban_units_GBK.csv", metric: "average_wage", year: 2006, value: "18382", unitWritten: "元", unit: "元"),
        .init(file: "nbs_prov_yearend_resident_population_GBK.csv", metric: "resident_population", year: 2024, value: "23880000", unitWritten: "万人", unit: "人"),
        .init(file: "nbs_prov_yearend_resident_population_GBK.csv", metric: "resident_population", year: 2015, value: "24400000", unitWritten: "万人", unit: "人"),
        .init(file: "nbs_prov_gdp_2006_2024_with_note_GBK.csv", metric: "regional_gdp", year: 2024, value: "2633700000000", unitWritten: "亿元", unit: "元"),
        .init(file: "nbs_prov_gdp_2006_2024_with_note_GBK.csv", metric: "regional_gdp", year: 2006, value: "421230000000", unitWritten: "亿元", unit: "元"),
        .init(file: "nbs_prov_public_sector_professional_technical_staff_GBK.csv", metric: "professional_staff", year: 2011, value: "495875", unitWritten: "人", unit: "人"),
        .init(file: "nbs_prov_public_sector_professional_technical_staff_GBK.csv", metric: "professional_staff", year: 2006, value: "470959", unitWritten: "人", unit: "人"),
    ]

    @Test(arguments: provincial)
    func provincialExportsGiveInnerMongoliasValues(_ x: Expectation) throws {
        let e = try CSVTestSupport.extract(CSVTestSupport.corpusFile(x.file), csv: Self.nbs)
        #expect(e.encoding == "GB18030")
        #expect(e.rejects.isEmpty)
        #expect(e.rowsAddUp)
        #expect(e.rowsUsed == 1, "only Inner Mongolia is kept")
        #expect(e.rowsFiltered == 30)
        let fact = try #require(e.facts.first { $0.metric == x.metric && $0.period == .year(x.year) })
        #expect(fact.region == "inner-mongolia")
        #expect(fact.value == ExactDecimal(x.value)!)
        #expect(fact.unit == x.unit)
        #expect(fact.unitAsWritten == x.unitWritten)
        #expect(fact.kind == .observation)
        #expect(e.metadata["数据库"] == "分省年度数据")
        #expect(e.notes.last == "数据来源：国家统计局")
        #expect(e.notes.first?.hasPrefix("注：") == true)
        #expect(e.facts.allSatisfy { $0.sources.first?.line != nil && $0.sources.first?.column?.hasSuffix("年") == true })
    }

    @Test func emptyCellsAreMissingNotZero() throws {
        let e = try CSVTestSupport.extract(CSVTestSupport.corpusFile("nbs_prov_private_and_selfemployed_GBK.csv"), csv: Self.nbs)
        // 2020–2025 are empty for every region: no fact at all, and certainly not a zero.
        #expect(e.facts.count == 14)
        #expect(!e.facts.contains { $0.period == .year(2020) || $0.period == .year(2025) })
        #expect(!e.facts.contains { $0.value == .zero })
        // The footnote's continuation lines stay with it.
        try #require(e.notes.count == 2, "\(e.notes)")
        #expect(e.notes[0].contains("\n2.城镇单位数据不含私营单位。\n3.2012年"))
        let line = try #require(e.facts.first { $0.period == .year(2019) }?.sources.first?.line)
        #expect(line == 9, "Inner Mongolia is on the file's ninth line")
    }

    @Test func regionsOutsideTheGazetteerKeepTheirNames() throws {
        let csv = Self.nbs.replacingOccurrences(of: "regions: [内蒙古自治区]\n", with: "")
        let e = try CSVTestSupport.extract(CSVTestSupport.corpusFile("nbs_prov_yearend_resident_population_GBK.csv"), csv: csv)
        #expect(e.rowsUsed == 31)
        #expect(e.rowsAddUp)
        #expect(CSVTestSupport.value(e, metric: "resident_population", region: "北京市", year: 2024) == ExactDecimal(21_830_000))
        #expect(CSVTestSupport.value(e, metric: "resident_population", region: "inner-mongolia", year: 2024) == ExactDecimal(23_880_000))
    }

    @Test func unmappedIndicatorRowsAreFilteredWithANote() throws {
        let csv = """
        layout: nbs
        indicators:
          - {match: 年末常住人口, metric: resident_population}
        """
        let e = try CSVTestSupport.extract(CSVTestSupport.corpusFile("nbs_prov_avg_wage_urban_units_GBK.csv"), csv: csv)
        #expect(e.facts.isEmpty)
        #expect(e.rowsFiltered == e.rowsRead)
        #expect(e.rowsRead == 31)
        #expect(e.diagnostics.contains { $0.message.contains("城镇单位就业人员平均工资") })
    }

    @Test func nationalIndicatorsAsRowsCarryTheirOwnUnits() throws {
        let csv = """
        layout: nbs
        orientation: indicators
        indicators:
          - {match: 国内生产总值, metric: national_gdp}
          - {match: 人均国内生产总值, metric: gdp_per_capita}
          - {match: 国民总收入, metric: gross_national_income}
        """
        let e = try CSVTestSupport.extract(CSVTestSupport.corpusFile("nbs_national_gdp_indicators_2015_2024_UTF8_CRLF.csv"), csv: csv)
        #expect(e.encoding == "UTF-8")
        #expect(e.rowsRead == 6)
        #expect(e.rowsUsed == 3)
        #expect(e.rowsFiltered == 3)
        #expect(e.rowsAddUp)
        #expect(CSVTestSupport.value(e, metric: "national_gdp", region: "全国", year: 2024) == ExactDecimal("134908350000000"))
        #expect(CSVTestSupport.value(e, metric: "national_gdp", region: "全国", year: 2016) == ExactDecimal("76119300000000"))
        #expect(CSVTestSupport.value(e, metric: "gdp_per_capita", region: "全国", year: 2024) == ExactDecimal(95749))
        #expect(CSVTestSupport.value(e, metric: "gross_national_income", region: "全国", year: 2015) == ExactDecimal("69922450000000"))
        #expect(e.facts.first { $0.metric == "gdp_per_capita" }?.unit == "元")
    }

    @Test func derivedEnterprisePanelLoadsAsRecordsWithAYearColumn() throws {
        let csv = """
        layout: records
        metric: enterprise_units
        date: year
        region: province
        value: enterprise_legal_person_units
        regions: [内蒙古自治区]
        """
        let e = try CSVTestSupport.extract(CSVTestSupport.corpusFile("nbs_derived_enterprise_units_by_province_UTF8BOM.csv"), csv: csv)
        #expect(e.encoding == "UTF-8 (BOM)")
        #expect(e.rejects.isEmpty)
        #expect(e.rowsAddUp)
        #expect(e.rowsRead == 217)
        #expect(e.rowsUsed == 7)
        #expect(CSVTestSupport.value(e, metric: "enterprise_units", region: "inner-mongolia", year: 2016) == ExactDecimal(183_081))
        #expect(CSVTestSupport.value(e, metric: "enterprise_units", region: "inner-mongolia", year: 2024) == ExactDecimal(403_434))
        #expect(CSVTestSupport.value(e, metric: "enterprise_units", region: "inner-mongolia", year: 2018) == nil, "2018 is not in the source")
        #expect(e.facts.allSatisfy { $0.unit == "个" })
    }

    @Test func derivedGraduatePanelScalesItsUnitColumn() throws {
        let csv = """
        layout: records
        metric: graduate_supply
        date: year
        value: graduate_total
        """
        let e = try CSVTestSupport.extract(CSVTestSupport.corpusFile("nbs_derived_graduate_supply_2011_2025_UTF8BOM.csv"), csv: csv)
        #expect(e.rejects.isEmpty)
        #expect(e.rowsRead == 15)
        #expect(e.rowsUsed == 15)
        #expect(CSVTestSupport.value(e, metric: "graduate_supply", region: nil, year: 2011) == ExactDecimal(6_511_994))
        #expect(CSVTestSupport.value(e, metric: "graduate_supply", region: nil, year: 2025) == ExactDecimal(12_218_000))
        #expect(e.facts.first?.unit == "人")
        #expect(e.facts.first?.unitAsWritten == "万人")
    }
}
