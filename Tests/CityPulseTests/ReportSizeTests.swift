@testable import CityPulse
import Foundation
import Testing

/// The report of a large archive stays a page a browser opens: it lists the first
/// `ReportBuilder.inputsListed` inputs and says how many more the manifest lists.
@Suite struct ReportSizeTests {
    static func report(inputs count: Int) throws -> String {
        let inputs = (0..<count).map {
            InputRecord(path: "html/page-\($0).html", source: "releases", kind: "html", bytes: 100, sha256: String(repeating: "a", count: 64),
                        illustrative: false, reused: false)
        }
        let run = RunResult(pipeline: try TestRun.defaultPipeline(), asOf: Day(iso: "2024-11-30")!, inputs: inputs, documents: [],
                            facts: [], series: [], targets: [], rejects: [], diagnostics: [], rowCounts: RowCounts(), tables: [])
        return try ReportBuilder(run: run, outputDirectory: URL(fileURLWithPath: "/tmp/out/p"), inputRoot: URL(fileURLWithPath: "/tmp/in"))
            .render(templateText: nil)
    }

    @Test func aLongInputListIsCutWithACount() throws {
        let listed = ReportBuilder.inputsListed
        let html = try Self.report(inputs: listed + 250)
        #expect(html.contains("page-\(listed - 1).html"))
        #expect(!html.contains("page-\(listed).html"))
        #expect(html.contains("另有 250 个输入未列出 (250 more inputs are not listed here)"))
        #expect(html.contains("\(listed + 250) 个输入文件 input files"))
    }

    @Test func aShortInputListIsWhole() throws {
        let html = try Self.report(inputs: 3)
        #expect(html.contains("page-2.html"))
        #expect(!html.contains("未列出"))
    }
}
