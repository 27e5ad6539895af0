@testable import CityPulse
import Foundation
import Testing

/// The sample's data outputs, decompressed, against golden files in `Tests/CityPulseTests/Golden/`:
/// any change to a fact, a series point, a target, the report or a reject shows as a diff in review.
/// A change that is meant is recorded with `make golden`, which reruns this suite with
/// CITYPULSE_RECORD_GOLDEN=1 and writes the files instead of comparing them.
@Suite(.serialized) struct GoldenOutputTests {
    static let folder = ProjectPaths.root.appendingPathComponent("Tests/CityPulseTests/Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["CITYPULSE_RECORD_GOLDEN"] != nil }

    /// Where two byte strings first differ, as a line number and the two lines there.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let line = a[..<i].filter { $0 == 10 }.count + 1
        func around(_ x: [UInt8]) -> String {
            let start = max(0, i - 80), end = min(x.count, i + 80)
            return String(decoding: x[start..<end], as: UTF8.self)
        }
        return "first difference at byte \(i) (line \(line)); golden: …\(around(a))… now: …\(around(b))…"
    }

    @Test func sampleOutputsMatchTheGoldenFiles() async throws {
        // Inside the project, so the report's relative links to the inputs are the same in every clone.
        let root = ProjectPaths.root.appendingPathComponent(".build/citypulse-golden-\(UUID().uuidString)")
        let run = await TestRun.run(try TestRun.defaultPipeline(), outputRoot: root, full: true)
        defer { run.remove() }
        #expect(run.outcome.status == .success, "\(run.outcome.message)")
        let outputs: [(golden: String, bytes: [UInt8])] = [
            ("metrics.json", try Gzip.decompress(run.bytes(OutputFiles.metrics))),
            ("facts.ndjson", try Gzip.decompress(run.bytes(OutputFiles.facts))),
            ("report.html", try run.bytes(OutputFiles.report)),
            ("rejects.csv", try run.bytes(OutputFiles.rejects)),
        ]
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            for o in outputs { try Data(o.bytes).write(to: Self.folder.appendingPathComponent(o.golden)) }
            print("recorded \(outputs.count) golden files in \(Self.folder.path)")
            return
        }
        for o in outputs {
            let url = Self.folder.appendingPathComponent(o.golden)
            let golden = try #require(try? [UInt8](Data(contentsOf: url)), "no golden file \(url.path); record it with make golden")
            let same = golden == o.bytes
            #expect(same, "\(o.golden) differs from its golden file: \(Self.firstDifference(golden, o.bytes)); if the change is meant, record it with make golden")
        }
    }
}
