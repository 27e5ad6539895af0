@testable import CityPulse
import Foundation
import Testing

/// Defects found by review, each pinned by a test that failed before its fix.
@Suite struct KnownDefectsTests {
    /// A sum too large to hold exactly is left out of the series and said in the run's diagnostics.
    @Test func sumTooLargeReachesTheRunsDiagnostics() async throws {
        let root = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = "日期,区县,人数\n2024-05-01,新城区,9000000000000000000\n2024-05-02,新城区,9000000000000000000\n"
        try Data(csv.utf8).write(to: root.appendingPathComponent("x.csv"))
        let pipeline = try CSVTestSupport.pipeline(csv: """
            layout: records
            metric: rows
            date: 日期
            region: 区县
            value: 人数
            unit: 行
            """)
        let run = await TestRun.run(pipeline, inputRoot: root)
        defer { run.remove() }
        let diagnostics = try #require(run.outcome.result?.diagnostics)
        #expect(diagnostics.contains { $0.message.contains("too large") }, "\(diagnostics.map(\.message))")
    }

    /// A ratio beyond what four exact decimals hold is written as a whole number, not a trap.
    @Test func hugeRatioIsWrittenNotTrapped() {
        #expect(JSONValue.ratio(1e30).compact().hasPrefix("1000000000000000"))
        #expect(JSONValue.ratio(-1e19).compact().hasPrefix("-10000000000000000000"))
        #expect(JSONValue.ratio(0.62038).compact() == "0.6204")
    }

    /// A missing Traditional→Simplified table is an error that names it, not an empty table.
    @Test func missingTableIsAnError() {
        #expect(throws: TraditionalSimplifiedTable.MissingTable.self) { try TraditionalSimplifiedTable(resource: "NoSuchTable") }
        #expect(TraditionalSimplifiedTable.shared.count > 1000)
    }
}
