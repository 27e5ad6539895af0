@testable import CityPulse
import CityPulseQuantities
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

    /// A claim reposted by many pages lists its first sources and the count of the rest.
    @Test func aFactWithManySourcesListsTheFirst() throws {
        let sources = (0..<(ReportBuilder.sourcesListed + 5)).map {
            Provenance(file: "html/repost-\($0).html", contentHash: "h\($0)", sentence: "新建众创空间12家", offsets: 0..<8)
        }
        let fact = Fact(metric: "carriers", kind: .achievement, value: ExactDecimal(12), unit: "家", unitAsWritten: "家",
                        period: nil, region: nil, sources: sources)
        let run = RunResult(pipeline: try TestRun.defaultPipeline(), asOf: Day(iso: "2024-11-30")!, inputs: [], documents: [],
                            facts: [fact], series: [], targets: [], rejects: [], diagnostics: [], rowCounts: RowCounts(), tables: [])
        let html = try ReportBuilder(run: run, outputDirectory: URL(fileURLWithPath: "/tmp/out/p"), inputRoot: URL(fileURLWithPath: "/tmp/in"))
            .render(templateText: nil)
        #expect(html.contains("repost-\(ReportBuilder.sourcesListed - 1).html"))
        #expect(!html.contains("repost-\(ReportBuilder.sourcesListed).html"))
        #expect(html.contains("另有 5 处 (5 more)"))
    }

    @Test func aShortInputListIsWhole() throws {
        let html = try Self.report(inputs: 3)
        #expect(html.contains("page-2.html"))
        #expect(!html.contains("未列出"))
    }
}
