@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

@Suite struct SeriesBuilderTests {
    static let pipeline: PipelineDefinition = try! CSVTestSupport.pipeline(csv: "layout: records\nmetric: graduate_retention\ndate: 日期")

    static func fact(_ metric: String, _ value: Int, _ region: String?, _ period: Period, file: String = "a.csv", line: Int = 1,
                     published: Day? = nil, kind: Fact.Kind = .observation) -> Fact {
        Fact(metric: metric, kind: kind, value: ExactDecimal(value), unit: "人", unitAsWritten: "人", period: period, region: region,
             sources: [Provenance(file: file, contentHash: "h", published: published, line: line)])
    }

    @Test func sumsAndRollsDistrictsUpToTheCity() {
        let may = Period.month(2024, 5)
        let facts = [
            Self.fact("graduate_retention", 2, "xincheng", may, line: 2),
            Self.fact("graduate_retention", 3, "xincheng", may, line: 3),
            Self.fact("graduate_retention", 4, "saihan", may, line: 4),
            Self.fact("graduate_retention", 7, "saihan", .month(2024, 6), line: 5),
            Self.fact("graduate_retention", 100, "saihan", may, kind: .target),
        ]
        let points = SeriesBuilder(pipeline: Self.pipeline).build(facts)
        let rows = points.map { "\($0.region) \($0.period.start) \($0.value) \($0.count)" }
        #expect(rows == [
            "hohhot 2024-05-01 9 3",
            "hohhot 2024-06-01 7 1",
            "inner-mongolia 2024-05-01 9 3",
            "inner-mongolia 2024-06-01 7 1",
            "saihan 2024-05-01 4 1",
            "saihan 2024-06-01 7 1",
            "xincheng 2024-05-01 5 2",
        ])
        #expect(points.first?.sources.map(\.line) == [2, 3, 4])
        #expect(points.allSatisfy { $0.unit == "人" })
    }

    @Test func aParentsOwnFigureIsNotAddedToItsParts() {
        let may = Period.month(2024, 5)
        let facts = [
            Self.fact("graduate_retention", 2, "xincheng", may),
            Self.fact("graduate_retention", 50, "hohhot", may),
        ]
        let points = SeriesBuilder(pipeline: Self.pipeline).build(facts)
        #expect(points.first { $0.region == "hohhot" }?.value == ExactDecimal(50))
        #expect(points.first { $0.region == "inner-mongolia" }?.value == ExactDecimal(50))
    }

    @Test func latestKeepsTheLastStatedValueWhateverTheOrder() {
        let y = Period.year(2024)
        let old = Self.fact("resident_population", 23_960_000, "inner-mongolia", y, file: "nbs_2024.csv", line: 9)
        let revised = Self.fact("resident_population", 23_880_000, "inner-mongolia", y, file: "nbs_2025.csv", line: 9)
        for facts in [[old, revised], [revised, old]] {
            let points = SeriesBuilder(pipeline: Self.pipeline).build(facts)
            #expect(points.count == 1, "latest metrics are not rolled up")
            #expect(points.first?.value == ExactDecimal(23_880_000))
            #expect(points.first?.count == 2)
        }
    }

    @Test func maxKeepsTheLargest() {
        let metrics = [MetricDefinition(id: "peak", labels: [:], unit: "人", words: [], unitClasses: [], window: 0, aggregate: .max)]
        let y = Period.year(2024)
        let points = SeriesBuilder(metrics: metrics, gazetteer: Gazetteer()).build([
            Self.fact("peak", 3, "x", y), Self.fact("peak", 9, "x", y), Self.fact("peak", 5, "x", y),
        ])
        #expect(points.map(\.value) == [ExactDecimal(9)])
    }

    @Test func orderIsMetricRegionPeriod() {
        let facts = [
            Self.fact("talent_intake", 1, "yuquan", .month(2024, 2)),
            Self.fact("graduate_retention", 1, "yuquan", .month(2024, 3)),
            Self.fact("graduate_retention", 1, "huimin", .month(2024, 4)),
            Self.fact("graduate_retention", 1, "huimin", .month(2024, 1)),
        ]
        let points = SeriesBuilder(metrics: Self.pipeline.metrics, gazetteer: Gazetteer()).build(facts)
        #expect(points.map { "\($0.metric)/\($0.region)/\($0.period.start.month)" } == [
            "graduate_retention/huimin/1", "graduate_retention/huimin/4", "graduate_retention/yuquan/3", "talent_intake/yuquan/2",
        ])
    }

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) func seriesFromACorpusExport() throws {
        let e = try CSVTestSupport.extract(CSVTestSupport.corpusFile("nbs_prov_private_and_selfemployed_GBK.csv"), csv: CSVCorpusTests.nbs)
        let points = SeriesBuilder(pipeline: Self.pipeline).build(e.facts)
        #expect(points.count == 14)
        #expect(points.first { $0.period == .year(2019) }?.value == ExactDecimal(6_195_000))
        #expect(points.map(\.period) == points.map(\.period).sorted())
    }
}

/// The one rule that turns a metric's points into a value, shared by targets' actuals and the
/// report's bars (which once took the latest value of a `max` metric).
@Suite struct AggregateRuleTests {
    static func point(_ month: Int, _ value: Int) -> SeriesPoint {
        SeriesPoint(metric: "m", period: .month(2024, month), region: "r", value: ExactDecimal(value), unit: "人", count: 1, sources: [])
    }

    @Test func sumLatestAndMaxCombineThePoints() {
        let points = [Self.point(3, 7), Self.point(1, 9), Self.point(2, 4)]
        #expect(MetricDefinition.Aggregate.sum.combine(points) == ExactDecimal(20))
        #expect(MetricDefinition.Aggregate.latest.combine(points) == ExactDecimal(7))
        #expect(MetricDefinition.Aggregate.max.combine(points) == ExactDecimal(9))
        for rule in MetricDefinition.Aggregate.allCases { #expect(rule.combine([]) == nil) }
    }
}
