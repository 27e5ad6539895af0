@testable import CityPulse
import Foundation
import Testing

/// `tests:` in a pipeline file and `citypulse test`: the shipped tests hold, a changed expectation
/// fails at its line with the fact found instead, and a malformed test is a pipeline error.
@Suite struct PipelineTestsTests {
    static let base = """
        version: 1
        name: t
        sources:
          - {id: releases, kind: html, glob: "*.html"}
        metrics:
          - {id: markets, labels: {zh: 夜市}, unit: 处, words: [夜市, 集市], unit_classes: [site, item], window: 6, aggregate: sum}
        regions:
          default: jia
          places:
            - {id: jia, name: 甲市}
            - {id: east, name: 东区, parent: jia}

        """

    static func load(_ tests: String, folder: URL? = nil) throws -> PipelineDefinition {
        let path = (folder ?? FileManager.default.temporaryDirectory).appendingPathComponent("t.yml").path
        return try PipelineLoader().load(data: Data((base + tests).utf8), path: path)
    }

    static func diagnostics(_ tests: String) -> [Diagnostic] {
        do {
            _ = try load(tests)
            return []
        } catch let error as PipelineError {
            return error.diagnostics
        } catch {
            return [Diagnostic(.error, stage: "test", file: "", "\(error)")]
        }
    }

    @Test func theShippedPipelinesTestsHold() throws {
        let folder = ProjectPaths.root.appendingPathComponent("Pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }
        var tests = 0
        for name in files {
            let pipeline = try PipelineLoader().load(path: folder.appendingPathComponent(name).path)
            tests += pipeline.tests.count
            let failures = PipelineTestRunner(pipeline: pipeline).run()
            #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
        }
        #expect(tests >= 5, "the default pipeline ships with tests of the seed release")
    }

    @Test func aChangedValueFailsAtItsLineWithTheFactFound() throws {
        let pipeline = try Self.load("""
            tests:
              - name: markets opened
                published: 2024-05-20
                text: 甲市今年已开放夜市12处。
                expect:
                  - {metric: markets, value: 13, kind: achievement}
                  - {metric: markets, value: 12, kind: achievement, period: 2024, region: jia}
            """)
        let failures = PipelineTestRunner(pipeline: pipeline).run()
        try #require(failures.count == 1, "\(failures)")
        let f = failures[0]
        #expect(f.line == 17 && f.column == 9, "the failing expectation's place: \(f.description)")
        #expect(f.description.hasPrefix("\(pipeline.path):17:9: error: test 'markets opened': expected a fact with metric markets, value 13"))
        #expect(f.message.contains("got markets 12 achievement 2024-01-01..2024-05-20 jia"), "\(f.message)")
    }

    @Test func aRejectedFactThatIsFoundFails() throws {
        let pipeline = try Self.load("""
            tests:
              - text: 东区开放夜市3处。
                reject:
                  - {metric: markets, region: east}
                  - {metric: markets, value: 4}
            """)
        let failures = PipelineTestRunner(pipeline: pipeline).run()
        #expect(failures.count == 1)
        #expect(failures.first?.test == "test 1")
        #expect(failures.first?.message.contains("must not give a fact with metric markets, region east, got markets 3") == true, "\(failures)")
    }

    @Test func aPageIsReadFromBesideThePipelineFile() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = "<p>为满足青年消费新需求，甲市加快商业综合体建设，培育新能源汽车、绿色智能家电、国货潮品等新消费热点。</p>"
            + "<p>甲市今年已开放夜市12处，另有集市3处，带动青年创业就业，提升城市烟火气和青年对城市的归属感。</p>"
        try Data("<html><head><title>甲市夜市</title><meta name=\"publishdate\" content=\"2024-05-20\"></head><body><article>\(body)</article></body></html>".utf8)
            .write(to: folder.appendingPathComponent("page.html"))
        try Data("<html><body><p>夜市12处。</p></body></html>".utf8).write(to: folder.appendingPathComponent("short.html"))
        let pipeline = try Self.load("""
            tests:
              - page: page.html
                expect: [{metric: markets, value: 12, period: 2024}]
              - page: missing.html
                expect: [{metric: markets}]
              - page: short.html
                expect: [{metric: markets}]
            """, folder: folder)
        let failures = PipelineTestRunner(pipeline: pipeline).run()
        #expect(failures.count == 2, "\(failures)")
        #expect(failures.first?.message.contains("cannot read the page") == true && failures.first?.message.contains("missing.html") == true, "\(failures)")
        #expect(failures.last?.message.contains("no fact at all (reading the page: ") == true, "a page read as no article says why: \(failures)")
    }

    @Test(arguments: [
        ("tests:\n  - text: 夜市\n    expect: [{metric: markets}]\n    expected: []\n", "unknown key 'expected'"),
        ("tests:\n  - text: 夜市\n    page: a.html\n    expect: [{metric: markets}]\n", "either text or page"),
        ("tests:\n  - text: 夜市\n    expect: [{metric: parks}]\n", "metric 'parks' is not declared"),
        ("tests:\n  - text: 夜市\n    expect: [{metric: markets, region: west}]\n", "region 'west' is not declared"),
        ("tests:\n  - text: 夜市\n    expect: [{metric: markets, period: 2024-13}]\n", "a year (the period ends in it)"),
        ("tests:\n  - text: 夜市\n    expect: [{metric: markets, kind: plan}]\n", "kind"),
        ("tests:\n  - text: 夜市\n", "expect"),
        ("frobnicate: 1\n", "unknown key 'frobnicate'"),
    ])
    func malformedTestsArePipelineErrors(_ yaml: String, _ message: String) {
        let found = Self.diagnostics(yaml)
        #expect(found.contains { $0.message.contains(message) && $0.line != nil }, "\(found.map(\.description))")
    }

    @Test func theCommandExitsByOutcome() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.yml"), bad = folder.appendingPathComponent("bad.yml")
        try Data((Self.base + "tests:\n  - text: 甲市已开放夜市12处。\n    expect: [{metric: markets, value: 12}]\n").utf8).write(to: good)
        try Data((Self.base + "tests:\n  - text: 甲市已开放夜市12处。\n    expect: [{metric: markets, value: 21}]\n").utf8).write(to: bad)
        let passed = try CommandLineTool.run(["test", good.path])
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.contains("1 tests, 1 passed, 0 failed"))
        let failed = try CommandLineTool.run(["test", good.path, bad.path])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("\(bad.path):14:14: error: test 'test 1': expected a fact with metric markets, value 21, got markets 12"), "\(failed.stdout)")
        try Data("version: 1\nsources: 3\n".utf8).write(to: bad)
        #expect(try CommandLineTool.run(["test", bad.path]).status == 64)
    }
}
