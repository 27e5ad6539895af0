@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// A target's progress over its period: the series' cumulative actual by each date, the results
/// releases reported, the pace line's two ends; and the report's gap where a release and the
/// statistics disagree.
@Suite struct ProgressTests {
    static let pipeline = FactCueTests.extractor.pipeline
    static let year = Period(start: Day(iso: "2024-01-01")!, end: Day(iso: "2024-12-31")!)

    static func month(_ m: Int, _ value: Int, metric: String = "retention") -> SeriesPoint {
        let start = Day(year: 2024, month: m, day: 1)!
        return SeriesPoint(metric: metric, period: Period(start: start, end: Day.endOf(year: 2024, month: m)), region: "jia",
                           value: ExactDecimal(value), unit: "人", count: 1, sources: [])
    }

    static func fact(_ kind: Fact.Kind, _ value: Int, period: Period, file: String, metric: String = "retention") -> Fact {
        Fact(metric: metric, kind: kind, value: ExactDecimal(value), unit: "人", unitAsWritten: "人", period: period, region: "jia",
             sources: [Provenance(file: file, contentHash: "", published: period.end, offsets: 0..<3)])
    }

    @Test func cumulativeActualsReleasesAndPace() throws {
        let target = Self.fact(.target, 120, period: Self.year, file: "plan.html")
        let reported = Self.fact(.achievement, 55, period: Period(start: Self.year.start, end: Day(iso: "2024-03-31")!), file: "q1.html")
        let series = [Self.month(1, 10), Self.month(2, 20), Self.month(3, 30), Self.month(5, 40)]
        let reconciler = Reconciler(pipeline: Self.pipeline, asOf: Day(iso: "2024-03-31")!)
        let targets = reconciler.reconcile(facts: [target, reported], series: series)
        let rows = reconciler.progress(of: targets, series: series, facts: [target, reported])
        let id = FeedWriter.id(of: target)
        #expect(rows.allSatisfy { $0.targetID == id })
        let seen = rows.map { "\($0.date) \($0.source.rawValue) \($0.actual.map(\.description) ?? "-") \($0.expected.map(\.description) ?? "-")" }
        #expect(seen == [
            "2024-01-01 pace - 0",
            "2024-01-31 series 10 10",
            "2024-02-29 series 30 20",
            "2024-03-31 series 60 30",
            "2024-03-31 release 55 30",
            "2024-12-31 pace - 120",
        ], "May's point is after the as-of date: \(seen)")
        #expect(rows.first { $0.source == .release }?.file == "q1.html")

        let run = RunResult(pipeline: Self.pipeline, asOf: Day(iso: "2024-03-31")!, inputs: [], documents: [], facts: [target, reported],
                            series: series, targets: targets, rejects: [], diagnostics: [], rowCounts: RowCounts(), tables: [], progress: rows)
        let builder = ReportBuilder(run: run, outputDirectory: URL(fileURLWithPath: "/tmp/o/p"), inputRoot: URL(fileURLWithPath: "/tmp/i"))
        let gap = try #require(builder.gap(targets[0], progress: rows))
        #expect(gap.contains("release 55") && gap.contains("statistics 60") && gap.contains("gap -5"), "\(gap)")
        let html = try builder.render()
        #expect(html.contains("<svg class=\"chart progress\""))
        #expect(html.contains("发布稿 release q1.html 2024-03-31: 55 人"), "the reported result is marked with its release")
    }

    /// A stock (max or latest) is not added up: its actual by a date is its largest or latest value.
    @Test func aStockIsNotAddedUp() {
        let target = Self.fact(.target, 50, period: Self.year, file: "plan.html", metric: "carriers")
        let series = [Self.month(1, 30, metric: "carriers"), Self.month(2, 42, metric: "carriers"), Self.month(3, 40, metric: "carriers")]
        let reconciler = Reconciler(pipeline: Self.pipeline, asOf: Day(iso: "2024-12-31")!)
        let targets = reconciler.reconcile(facts: [target], series: series)
        let actuals = reconciler.progress(of: targets, series: series, facts: [target]).filter { $0.source == .series }.compactMap(\.actual)
        #expect(actuals == [30, 42, 42].map { ExactDecimal($0) })
    }

    /// A target with no period has no pace and no chart.
    @Test func aTargetWithNoPeriodHasNoPace() {
        var target = Self.fact(.target, 50, period: Self.year, file: "plan.html")
        target.period = nil
        let reconciler = Reconciler(pipeline: Self.pipeline, asOf: Day(iso: "2024-12-31")!)
        let targets = reconciler.reconcile(facts: [target], series: [Self.month(1, 10)])
        let rows = reconciler.progress(of: targets, series: [Self.month(1, 10)], facts: [target])
        #expect(!rows.contains { $0.source == .pace } && rows.allSatisfy { $0.expected == nil })
        #expect(ProgressChart.svg(rows, goal: ExactDecimal(50), period: nil, asOf: Day(iso: "2024-12-31")!, unit: "人", title: "t") == nil)
    }
}
