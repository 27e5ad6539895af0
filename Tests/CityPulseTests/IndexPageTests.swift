@testable import CityPulse
import Foundation
import Testing

/// `Output/index.html` and `index.json.gz`: every pipeline of a run on one page, a failed pipeline's
/// last good rows kept and marked stale, pipelines not run this time kept as they were.
@Suite(.serialized) struct IndexPageTests {
    /// A pipelines folder with the default pipeline and a second one over the same sample.
    static func twoPipelines() throws -> URL {
        let folder = try CSVTestSupport.temporaryFolder()
        let yaml = try String(contentsOf: ProjectPaths.root.appendingPathComponent("Pipelines/hohhot-youth.yml"), encoding: .utf8)
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("hohhot-youth.yml"))
        let second = yaml.replacingOccurrences(of: "\nname: hohhot-youth", with: "\nname: second-city")
            .replacingOccurrences(of: "  directory: hohhot-youth", with: "  directory: second-city")
        try Data(second.utf8).write(to: folder.appendingPathComponent("second-city.yml"))
        return folder
    }

    static func rows(_ output: URL) throws -> [[String: Any]] {
        let bytes = try Gzip.decompress([UInt8](Data(contentsOf: output.appendingPathComponent(IndexPage.json))))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["schema"] as? String == IndexPage.schema)
        return try #require(object["rows"] as? [[String: Any]])
    }

    @Test func aRunOfTwoPipelinesListsBothAndAFailureKeepsTheLastGoodRows() throws {
        let pipelines = try Self.twoPipelines()
        defer { try? FileManager.default.removeItem(at: pipelines) }
        let output = pipelines.appendingPathComponent("out")
        let input = ProjectPaths.root.appendingPathComponent("Input").path
        let common = ["--input-root", input, "--output-root", output.path, "--as-of", "2024-11-30", "--no-progress", "--quiet"]
        let first = try CommandLineTool.run(["run", "--pipelines", pipelines.path] + common)
        #expect(first.status == 0, "\(first.stderr)")
        let rows = try Self.rows(output)
        #expect(Set(rows.map { $0["pipeline"] as? String }) == ["hohhot-youth", "second-city"])
        let retention = try #require(rows.first { $0["pipeline"] as? String == "hohhot-youth" && $0["metric"] as? String == "graduate_retention" })
        #expect(retention["target"] as? Int == 100_000 && retention["actual"] as? Int == 62_038, "\(retention)")
        #expect(rows.allSatisfy { $0["stale"] as? Bool == false && $0["exit"] as? Int == 0 })
        let html = try String(contentsOf: output.appendingPathComponent(IndexPage.html), encoding: .utf8)
        #expect(html.contains("href=\"hohhot-youth/report.html\"") && html.contains("href=\"second-city/report.html\""))
        #expect(html.contains("Content-Security-Policy") && !html.contains("<script"))

        // The second pipeline alone, from a root that is gone: its rows stay, stale, with the exit code;
        // the first pipeline's rows are as they were.
        let failed = try CommandLineTool.run(["run", pipelines.appendingPathComponent("second-city.yml").path, "--input-root", "/does/not/exist",
                                              "--output-root", output.path, "--as-of", "2024-11-30", "--no-progress", "--quiet"])
        #expect(failed.status == 1)
        let after = try Self.rows(output)
        let second = after.filter { $0["pipeline"] as? String == "second-city" }
        #expect(!second.isEmpty && second.allSatisfy { $0["stale"] as? Bool == true && $0["exit"] as? Int == 1 }, "\(second)")
        #expect(second.count == rows.filter { $0["pipeline"] as? String == "second-city" }.count, "the last good rows are kept")
        let firstRows = after.filter { $0["pipeline"] as? String == "hohhot-youth" }
        #expect(firstRows.allSatisfy { $0["stale"] as? Bool == false }, "a pipeline not run keeps its rows")
        #expect(try String(contentsOf: output.appendingPathComponent(IndexPage.html), encoding: .utf8).contains("过期 stale"))
    }

    /// In a browser: no script runs, and the three orders are there, one shown at a time.
    @Test func theIndexRendersInChromium() throws {
        let pipelines = try Self.twoPipelines()
        defer { try? FileManager.default.removeItem(at: pipelines) }
        let output = pipelines.appendingPathComponent("out")
        _ = try CommandLineTool.run(["run", "--pipelines", pipelines.path, "--input-root", ProjectPaths.root.appendingPathComponent("Input").path,
                                     "--output-root", output.path, "--as-of", "2024-11-30", "--no-progress", "--quiet"])
        let dom = try Chromium.dumpDOM(output.appendingPathComponent(IndexPage.html))
        for order in ["by-pipeline", "by-status", "by-progress"] { #expect(dom.contains("id=\"\(order)\""), "\(order)") }
        #expect(dom.components(separatedBy: "<tr class=").count - 1 == 3 * (try Self.rows(output).count))
        #expect(!dom.contains("<script"))
        let png = pipelines.appendingPathComponent("index.png")
        try Chromium.screenshot(output.appendingPathComponent(IndexPage.html), to: png, height: 900)
        let bytes = try [UInt8](Data(contentsOf: png))
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47] && bytes.count > 30_000, "a page with content: \(bytes.count) bytes")
    }
}
