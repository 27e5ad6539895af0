@testable import CityPulse
import Foundation
import Testing

/// An operator's everyday mistakes (an unmounted share, a typo in a root or a glob) fail the run and
/// leave the last good outputs as they were.
@Suite(.serialized) struct DiscoveryFailureTests {
    static func pipeline(optional: Bool) throws -> PipelineDefinition {
        let yaml = """
            version: 1
            name: empty-source
            sources:
              - {id: releases, kind: html, glob: "pages/*.html", optional: \(optional)}
            metrics:
              - {id: m, labels: {zh: 众创空间}, unit: 家, words: [众创空间], unit_classes: [organisation], window: 6, aggregate: max}
            regions:
              places:
                - {id: c, name: 甲市}
            """
        return try PipelineLoader().load(data: Data(yaml.utf8), path: "empty-source.yml")
    }

    @Test func missingInputRootFailsAndKeepsTheLastOutputs() async throws {
        let good = await TestRun.run(try TestRun.defaultPipeline())
        defer { good.remove() }
        #expect(good.outcome.status == .success)
        let before = try OutputFiles.all.map { try good.bytes($0) }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-no-such-root-\(UUID().uuidString)")
        let failed = await TestRun.run(try TestRun.defaultPipeline(), inputRoot: missing, outputRoot: good.outputRoot, full: true)
        #expect(failed.outcome.status == .failure)
        #expect(failed.outcome.message.contains(missing.lastPathComponent), "\(failed.outcome.message)")
        #expect(try OutputFiles.all.map { try good.bytes($0) } == before, "the last outputs must stay byte for byte")
    }

    @Test func inputRootThatIsAFileFails() async throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("root.txt")
        try Data("x".utf8).write(to: file)
        let run = await TestRun.run(try Self.pipeline(optional: false), inputRoot: file)
        defer { run.remove() }
        #expect(run.outcome.status == .failure)
        #expect(run.outcome.message.contains("not a folder"))
    }

    @Test func sourceMatchingNothingFailsUnlessOptional() async throws {
        let root = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("pages"), withIntermediateDirectories: true)
        let required = await TestRun.run(try Self.pipeline(optional: false), inputRoot: root)
        defer { required.remove() }
        #expect(required.outcome.status == .failure)
        #expect(required.outcome.message.contains("'releases'") && required.outcome.message.contains("pages/*.html"), "\(required.outcome.message)")
        #expect(!FileManager.default.fileExists(atPath: required.directory.appendingPathComponent(OutputFiles.metrics).path))

        let optional = await TestRun.run(try Self.pipeline(optional: true), inputRoot: root)
        defer { optional.remove() }
        #expect(optional.outcome.status == .success, "\(optional.outcome.message)")
    }

    @Test func optionalMustBeABoolean() {
        let yaml = """
            version: 1
            sources:
              - {id: r, kind: html, glob: "*.html", optional: OPTIONAL}
            metrics:
              - {id: m, labels: {zh: 众创空间}, unit: 家, words: [众创空间], unit_classes: [organisation], window: 6, aggregate: max}
            """
        #expect(throws: PipelineError.self) {
            try PipelineLoader().load(data: Data(yaml.replacingOccurrences(of: "OPTIONAL", with: "maybe").utf8), path: "p.yml")
        }
        let loaded = try? PipelineLoader().load(data: Data(yaml.replacingOccurrences(of: "OPTIONAL", with: "true").utf8), path: "p.yml")
        #expect(loaded?.sources.first?.optional == true)
    }
}
