@testable import CityPulse
import Foundation
import Testing

/// Pages and CSV cells carrying script tags, event handlers, `javascript:` links, `</script>` and `<!--`
/// must reach the report as text: Chromium loads the report and no script from them runs.
@Suite(.serialized) struct HostileReportTests {
    /// Each payload, if it ran, would add an element named after it to the page.
    static func payload(_ n: String) -> String { "document.body.appendChild(document.createElement('pwned-\(n)'))" }

    static let page = """
    <html><head><meta charset="utf-8">
    <title>恶意标题</title><script>\(payload("a"))</script></title>
    <link rel="canonical" href="javascript:\(payload("b"))">
    <meta property="og:url" content="javascript:\(payload("b2"))">
    </head><body onload="\(payload("c"))">
    <div class="article-content" id="content">
    <h1>示例：恶意输入</h1>
    <p>2024-05-20 来源：测试</p>
    <p>今年计划新增创业载体10家&lt;/script&gt;&lt;script&gt;\(payload("d"))&lt;/script&gt;，并在各区推进孵化基地建设，让青年创业更便利。</p>
    <p>另有文字 &lt;img src=x onerror="\(payload("e"))"&gt; 与 &lt;!-- 注释开头，以及 &lt;a href="javascript:\(payload("f"))"&gt;链接&lt;/a&gt;。今年还将新增创业载体5家。</p>
    <p><img src="x" onerror="\(payload("g"))"><a href="javascript:\(payload("h"))">点我</a>这段文字足够长，用来让正文识别把它当作文章的一部分，而不是导航或页脚。</p>
    </div></body></html>
    """

    static let csv = """
    日期,区县,类别,点位名称,数量\r
    2024-05-01,<script>\(payload("i"))</script>,创业载体,<img src=x onerror=\(payload("j"))>,1\r
    2024-05-02,赛罕区,创业载体,"</script><!--\(payload("k"))",2\r
    2024-05-03,赛罕区,创业载体,javascript:\(payload("l")),=cmd|' /C calc'!A0\r

    """

    static func pipeline() -> PipelineDefinition {
        let carriers = MetricDefinition(id: "entrepreneurship_carriers", labels: ["zh": "<b>创业载体</b><script>\(payload("m"))</script>"], unit: "家",
                                        words: ["创业载体"], unitClasses: ["organisation"], window: 8, aggregate: .sum)
        let mapping = CSVMapping(layout: .records, delimiter: nil, encoding: nil, orientation: .regionsAsRows, indicators: [],
                                 metric: "entrepreneurship_carriers", dateColumn: "日期", regionColumn: "区县", valueColumn: "数量",
                                 dimensions: ["点位名称"], filters: [:], regions: [], unit: "家")
        return PipelineDefinition(
            name: "hostile", title: "<script>\(payload("n"))</script>标题", path: "hostile.yml", contentHash: "x", policyStart: nil,
            sources: [SourceDefinition(id: "pages", kind: .html, globs: ["*.html"], illustrative: true, csv: nil),
                      SourceDefinition(id: "log", kind: .csv, globs: ["*.csv"], illustrative: false, csv: mapping)],
            metrics: [carriers],
            regions: Gazetteer(regions: [.init(id: "hohhot", name: "呼和浩特市", aliases: [], parent: nil),
                                         .init(id: "saihan", name: "赛罕区", aliases: [], parent: "hohhot")], groups: [], defaultRegion: "hohhot"),
            outputs: OutputDefinition(directory: "hostile", reportTemplate: nil), quality: QualityDefinition(maxRejectRate: 1))
    }

    @Test func noScriptFromInputsRunsInTheReport() async throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: input) }
        try Data(Self.page.utf8).write(to: input.appendingPathComponent("evil.html"))
        try Data(Self.csv.utf8).write(to: input.appendingPathComponent("evil.csv"))
        let run = await TestRun.run(Self.pipeline(), inputRoot: input, jobs: 1)
        defer { run.remove() }
        #expect(run.outcome.status == .success, "\(run.outcome.message)")

        let report = run.directory.appendingPathComponent(OutputFiles.report)
        let html = try String(contentsOf: report, encoding: .utf8)
        // The payloads are in the report, as text.
        #expect(html.contains("pwned-i"), "the rejected row's excerpt is shown")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("href=\"javascript:"))
        // Every `<` in the page starts real markup (text has `&lt;`): no tag may carry an event handler.
        #expect(html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: .regularExpression) == nil)
        #expect(html.contains("http-equiv=\"Content-Security-Policy\""))

        let dom = try Chromium.dumpDOM(report)
        #expect(dom.contains("</html>"), "Chromium rendered the report")
        #expect(!dom.contains("<pwned-"), "a script from the input ran: \(dom.components(separatedBy: "<pwned-").dropFirst().map { String($0.prefix(20)) })")

        // No field of rejects.csv starts like a spreadsheet formula.
        let fields = try Python.run("""
        import csv, sys
        rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
        print(len(rows) - 1, sum(1 for r in rows for f in r if f[:1] in "=+-@"))
        """, arguments: [run.directory.appendingPathComponent(OutputFiles.rejects).path])
        let counts = fields.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(counts.first ?? 0 >= 2, "the rows with a script as district and a formula as count are rejected")
        #expect(counts.last == 0)
    }

    /// Links to inputs are encoded as Foundation encodes URL paths, with or without the plain-name shortcut.
    @Test func linkComponentsAreEncodedAsFoundationDoes() {
        for part in ["000019_seed_hohhot-youth-city-2024.html", "a.b_c~d-e", "呼和浩特 新闻.html", "100%", "a#b?c", "x y", "", "<script>", "a&b=c", "Ünïcode"] {
            #expect(ReportBuilder.percentEncoded(part) == part.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), "\(part)")
        }
    }
}
