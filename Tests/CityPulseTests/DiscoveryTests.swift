@testable import CityPulse
import Foundation
import Testing

@Suite struct DiscoveryTests {
    @Test(arguments: [
        ("releases/*.html", "releases/a.html", true),
        ("releases/*.html", "releases/sub/a.html", false),
        ("releases/**/*.html", "releases/sub/deeper/a.html", true),
        ("releases/**/*.html", "releases/a.html", true),
        ("stats/nbs_*.csv", "stats/nbs_gdp.csv", true),
        ("stats/nbs_*.csv", "stats/log.csv", false),
        ("stats/??.csv", "stats/ab.csv", true),
        ("*.xml", "feed.xml", true),
    ])
    func globs(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected)
    }

    @Test func globsThatLeaveTheRootAreRefused() {
        #expect(Glob("../secrets/*.csv").problem != nil)
        #expect(Glob("/etc/*.conf").problem != nil)
        #expect(Glob("a/../../b").problem != nil)
        #expect(Glob("releases/*.html").problem == nil)
    }

    @Test func symlinksPointingOutAreRefusedWithADiagnostic() throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("citypulse-disc-\(UUID().uuidString)")
        let root = base.appendingPathComponent("input"), outside = base.appendingPathComponent("outside")
        try fm.createDirectory(at: root.appendingPathComponent("releases"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: base) }
        try Data("<p>in</p>".utf8).write(to: root.appendingPathComponent("releases/in.html"))
        try Data("<p>secret</p>".utf8).write(to: outside.appendingPathComponent("secret.html"))
        try fm.createSymbolicLink(at: root.appendingPathComponent("releases/link.html"), withDestinationURL: outside.appendingPathComponent("secret.html"))
        try fm.createSymbolicLink(at: root.appendingPathComponent("releases/inside.html"), withDestinationURL: root.appendingPathComponent("releases/in.html"))
        let pipeline = PipelineDefinition(
            name: "t", title: "t", path: "t.yml", contentHash: "", policyStart: nil,
            sources: [SourceDefinition(id: "r", kind: .html, globs: ["releases/*.html", "../outside/*.html"], illustrative: false, csv: nil)],
            metrics: [], regions: Gazetteer(), outputs: OutputDefinition(directory: "t", reportTemplate: nil), quality: QualityDefinition(maxRejectRate: 1))
        let (files, diagnostics) = SourceDiscovery(inputRoot: root).discover(pipeline)
        #expect(files.map(\.path) == ["releases/in.html", "releases/inside.html"])
        #expect(diagnostics.contains { $0.file == "releases/link.html" && $0.message.contains("outside") })
        #expect(diagnostics.contains { $0.message.contains("climbs out") })
    }

    @Test(arguments: [
        ("csv/*.csv", "csv", true),
        ("csv/*.csv", "html", false),
        ("csv/*.csv", "csv/old", false),
        ("releases/**/*.html", "releases/2024/05", true),
        ("releases/**/*.html", "stats", false),
        ("**/*.csv", "any/folder", true),
        ("a/*/b.csv", "a/x", true),
        ("a/*/b.csv", "a/x/b.csv", false),
        ("*.xml", "feeds", false),
    ])
    func foldersAGlobCanReach(_ pattern: String, _ folder: String, _ expected: Bool) {
        #expect(Glob(pattern).couldMatch(inside: Glob.components(folder)) == expected)
    }

    /// Folders no glob reaches are not walked; what the globs match is found as before.
    @Test func walkLeavesOutFoldersNoGlobReaches() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("citypulse-prune-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        for path in ["csv/a.csv", "csv/old/b.csv", "html/x.html", "html/deep/y.html", "c.csv"] {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("a,b\n".utf8).write(to: url)
        }
        func discovered(_ globs: [String]) -> [String] {
            let pipeline = PipelineDefinition(
                name: "t", title: "t", path: "t.yml", contentHash: "", policyStart: nil,
                sources: [SourceDefinition(id: "s", kind: .csv, globs: globs, illustrative: false, csv: nil)],
                metrics: [], regions: Gazetteer(), outputs: OutputDefinition(directory: "t", reportTemplate: nil), quality: QualityDefinition(maxRejectRate: 1))
            return SourceDiscovery(inputRoot: root).discover(pipeline).files.map(\.path)
        }
        #expect(discovered(["csv/*.csv"]) == ["csv/a.csv"])
        #expect(discovered(["**/*.csv"]) == ["c.csv", "csv/a.csv", "csv/old/b.csv"])
        #expect(discovered(["html/**/*.html", "*.csv"]) == ["c.csv", "html/deep/y.html", "html/x.html"])
    }
}
