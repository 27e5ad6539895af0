@testable import CityPulse
import Foundation
import Testing

@Suite struct PipelineLoaderTests {
    @Test func defaultPipelineLoads() throws {
        let p = try PipelineLoader().load(path: ProjectPaths.root.appendingPathComponent("Pipelines/hohhot-youth.yml").path)
        #expect(p.name == "hohhot-youth")
        #expect(p.metric("graduate_retention")?.unit == "人")
        #expect(p.regions.group(named: "市四区")?.members.count == 4)
        #expect(p.sources.contains { $0.kind == .csv && $0.csv?.layout == .nbs })
    }

    @Test func unknownKeysAndWrongTypesAreReportedWithLineAndColumn() {
        let yaml = """
        version: 1
        sources:
          - id: a
            kind: html
            glob: x/*.html
            colour: blue
        metrics:
          - id: m
            unit: 人
            window: wide
        qualty:
          max_drop: 0.2
        """
        do {
            _ = try PipelineLoader().load(data: Data(yaml.utf8), path: "p.yml")
            Issue.record("expected an error")
        } catch {
            let texts = error.diagnostics.map(\.description)
            #expect(texts.contains { $0.hasPrefix("p.yml:6:5:") && $0.contains("unknown key 'colour'") })
            #expect(texts.contains { $0.hasPrefix("p.yml:10:13:") && $0.contains("whole number") })
            #expect(texts.contains { $0.hasPrefix("p.yml:11:1:") && $0.contains("unknown key 'qualty'") }, "a misspelt top-level key: \(texts)")
        }
    }

    @Test func versionIsRequiredAndChecked() {
        for yaml in ["sources: []", "version: 2\nsources: []"] {
            #expect(throws: PipelineError.self) { try PipelineLoader().load(data: Data(yaml.utf8), path: "p.yml") }
        }
    }

    @Test func syntaxErrorsCarryAPosition() {
        do {
            _ = try PipelineLoader().load(data: Data("version: 1\nsources: [a, b\n".utf8), path: "p.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.line != nil)
        }
    }

    @Test func undeclaredMetricIsReported() {
        let yaml = """
        version: 1
        sources:
          - id: s
            kind: csv
            glob: a.csv
            csv: {layout: records, metric: nope, date: d}
        """
        #expect(throws: PipelineError.self) { try PipelineLoader().load(data: Data(yaml.utf8), path: "p.yml") }
    }
}
