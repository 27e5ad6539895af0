@testable import CityPulse
import Foundation
import Testing

/// The default pipeline over the sample data, checked from the decompressed feed.
@Suite(.serialized) struct EndToEndTests {
    static func factRows() async throws -> (TestRun, [[String: Any]]) {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        #expect(run.outcome.status == .success, "\(run.outcome.message)")
        return (run, try run.rows("facts"))
    }

    static func find(_ facts: [[String: Any]], metric: String, kind: String, value: String) -> [String: Any]? {
        facts.first { ($0["metric"] as? String) == metric && ($0["kind"] as? String) == kind && "\($0["value"]!)" == value }
    }

    @Test func writesTheFiveContractFiles() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        for name in OutputFiles.all {
            let attributes = try FileManager.default.attributesOfItem(atPath: run.directory.appendingPathComponent(name).path)
            #expect((attributes[.size] as? Int ?? 0) > 0, "\(name) is empty")
        }
    }

    @Test func seedTargetsAreFoundWithKindPeriodAndBounds() async throws {
        let (run, facts) = try await Self.factRows()
        defer { run.remove() }
        let seed = "releases/hohhot-youth-city-2024.html"
        func fromSeed(_ f: [String: Any]?) -> Bool {
            ((f?["sources"] as? [[String: Any]]) ?? []).contains { ($0["file"] as? String) == seed }
        }
        let retention = Self.find(facts, metric: "graduate_retention", kind: "target", value: "100000")
        #expect(fromSeed(retention))
        #expect(retention?["period_start"] as? String == "2023-01-01")
        #expect(retention?["period_end"] as? String == "2025-12-31")
        #expect(fromSeed(Self.find(facts, metric: "graduate_retention", kind: "target", value: "50000")))

        let talent = Self.find(facts, metric: "talent_intake", kind: "target", value: "100")
        #expect(fromSeed(talent))
        #expect("\(talent?["lower"] ?? "")" == "100")
        #expect(talent?["qualifier"] as? String == "at_least")
        #expect(talent?["period_start"] as? String == "2024-01-01")

        let carriers = facts.first { ($0["metric"] as? String) == "entrepreneurship_carriers" && "\($0["value"]!)" == "10" && fromSeed($0) }
        #expect(carriers?["kind"] as? String == "target")
        #expect(carriers?["qualifier"] as? String == "at_least")
        #expect(carriers?["period_start"] as? String == "2024-01-01")
        #expect(carriers?["period_end"] as? String == "2024-12-31")

        #expect(fromSeed(Self.find(facts, metric: "convenience_circles", kind: "target", value: "10")))
        #expect(fromSeed(Self.find(facts, metric: "market_openings", kind: "target", value: "50")))
    }

    @Test func seedNumbersThatAreNotMetricsStayOut() async throws {
        let (run, facts) = try await Self.factRows()
        defer { run.remove() }
        let seedFacts = facts.filter { (($0["sources"] as? [[String: Any]]) ?? []).contains { ($0["file"] as? String) == "releases/hohhot-youth-city-2024.html" } }
        // Exactly the six facts the release states.
        #expect(seedFacts.count == 6, "\(seedFacts.map { "\($0["metric"]!)=\($0["value"]!)" })")
        for f in seedFacts {
            let value = "\(f["value"]!)"
            #expect(!["2022", "18", "70", "30", "2", "1"].contains(value), "\(f["metric"]!) = \(value) should not be a fact")
            let sources = f["sources"] as! [[String: Any]]
            for s in sources where s["file"] as? String == "releases/hohhot-youth-city-2024.html" {
                let sentence = Array((s["sentence"] as! String).unicodeScalars)
                let span = (s["start"] as! Int)..<(s["end"] as! Int)
                let marked = String(String.UnicodeScalarView(sentence[span]))
                #expect(!marked.contains("條") && !marked.contains("周年") && !marked.contains("+"), "\(marked)")
            }
        }
    }

    @Test func csvSeriesAreScaledToPersons() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let series = try run.rows("series")
        let row = series.first {
            ($0["metric"] as? String) == "private_employment" && ($0["region"] as? String) == "inner-mongolia"
                && ($0["period_start"] as? String) == "2019-01-01"
        }
        // 619.5 万人 in the NBS export.
        #expect("\(row?["value"] ?? "")" == "6195000")
        #expect(row?["unit"] as? String == "人")
        #expect(series.contains { ($0["metric"] as? String) == "graduate_retention" })
    }

    @Test func sameInputsAndAsOfGiveIdenticalFiles() async throws {
        let pipeline = try TestRun.defaultPipeline()
        let a = await TestRun.run(pipeline, jobs: 1, full: true)
        let b = await TestRun.run(pipeline, jobs: 2, full: true)
        defer { a.remove(); b.remove() }
        // The content is what consumers read; the files' bytes are the promise (gzip with no time
        // stamp and a fixed level), so a failure says which of the two broke.
        for name in [OutputFiles.metrics, OutputFiles.facts, OutputFiles.report, OutputFiles.rejects] {
            let (x, y) = (try a.bytes(name), try b.bytes(name))
            let sameBytes = x == y
            let sameContent = name.hasSuffix(".gz") ? try Gzip.decompress(x) == Gzip.decompress(y) : sameBytes
            #expect(sameContent, "\(name): the content differs between runs")
            #expect(sameBytes, "\(name): the bytes differ between runs\(sameContent ? " (the content is the same: the compression differs)" : "")")
        }
    }

    @Test func reportShowsTargetsAndTheirSentences() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let html = String(decoding: try run.bytes(OutputFiles.report), as: UTF8.self)
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("<mark>"))
        #expect(html.contains("引進高層次創"))
        #expect(html.contains("示例"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
    }
}

/// The report as a browser shows it.
@Suite(.serialized) struct ReportRenderingTests {
    @Test func chartsRenderInChromium() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let report = run.directory.appendingPathComponent(OutputFiles.report)
        let dom = try Chromium.dumpDOM(report)
        let metricsWithSeries = Set(try run.rows("series").map { $0["metric"] as! String })
        // One line chart per metric with a series, each with axis labels.
        #expect(dom.components(separatedBy: "<svg class=\"chart\"").count - 1 >= metricsWithSeries.count)
        #expect(dom.contains("class=\"tick\""))
        #expect(dom.contains("<path class=\"line\""))
        #expect(dom.contains("<rect class=\"col\""), "bars by district")
        // A progress chart per target with a period, with its target line, pace line and as-of mark,
        // and the results releases reported marked on them.
        let periodic = try run.rows("targets").filter { !($0["period_start"] is NSNull) }.count
        #expect(dom.components(separatedBy: "<svg class=\"chart progress\"").count - 1 == periodic, "\(periodic) targets with a period")
        for mark in ["<line class=\"goal\"", "<line class=\"pace\"", "<line class=\"asof\"", "<rect class=\"release\""] {
            #expect(dom.contains(mark), "\(mark)")
        }
        let png = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-report-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: png) }
        try Chromium.screenshot(report, to: png)
        let bytes = try [UInt8](Data(contentsOf: png))
        #expect(Array(bytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "a PNG")
        #expect(bytes.count > 50_000, "a page with content, not a blank screen")
    }

    /// Printed, the report is A4 pages with the charts on them (vector paths, not a blank page).
    @Test func theReportPrintsOnA4() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-report-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        try Chromium.printToPDF(run.directory.appendingPathComponent(OutputFiles.report), to: pdf)
        let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        // Each page's MediaBox, in points: A4 is 595 × 842.
        let boxes = text.components(separatedBy: "/MediaBox [0 0 ").dropFirst().map { rest in
            rest.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
        }
        #expect(boxes.count >= 3, "\(boxes.count) pages")
        #expect(boxes.allSatisfy { $0.count == 2 && abs($0[0] - 595) < 2 && abs($0[1] - 842) < 2 }, "every page is A4: \(boxes)")
    }
}
