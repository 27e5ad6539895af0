@testable import CityPulse
import Foundation
import Testing

/// Main text against the peers' expected extractions (mozilla/readability, newspaper4k) for the same
/// pages: the F1 of CJK character bigrams (see `CJKOverlap`) must reach 0.90 on every page.
@Suite(.serialized) struct MainTextTests {
    struct Case: Sendable {
        var page: String
        var peer: String
        var expected: String
        /// The least F1 accepted for this page.
        var floor = 0.90
    }

    static let cases: [Case] = [
        Case(page: "np4k_bbc_zhongwen_hk_ceo_apology.html", peer: "newspaper4k", expected: "np4k_bbc_zhongwen_hk_ceo_apology.expected.txt"),
        Case(page: "np4k_chinadaily_us_china_cooperation.html", peer: "newspaper4k", expected: "np4k_chinadaily_us_china_cooperation.expected.txt"),
        Case(page: "readability_gmw_astronaut_alcohol.html", peer: "readability", expected: "readability_gmw_astronaut_alcohol.expected.html"),
        Case(page: "readability_pixnet_TRADITIONAL_hsinchu_blog.html", peer: "readability", expected: "readability_pixnet_TRADITIONAL_hsinchu_blog.expected.html"),
        Case(page: "readability_qq_deepmind_META_GB2312_BYTES_UTF8.html", peer: "readability", expected: "readability_qq_deepmind.expected.html"),
    ]

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) func everyPeerExpectationIsCompared() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: PageCorpus.expectedFolder.path)
        let texts = files.filter { $0.hasSuffix(".expected.txt") || $0.hasSuffix(".expected.html") }.sorted()
        #expect(texts == Self.cases.map(\.expected).sorted())
    }

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) func mainTextMatchesPeers() throws {
        var rows = ["page                                                  peer          F1     F1(1)  P      R      ours  theirs"]
        var results: [(Case, CJKOverlap, Document)] = []
        for c in Self.cases {
            let document = try PageCorpus.read(c.page)
            let expected = try PageCorpus.expectedText(c.expected)
            let score = CJKOverlap(ours: document.text, theirs: expected)
            results.append((c, score, document))
            rows.append([
                c.page.padding(toLength: 53, withPad: " ", startingAt: 0), c.peer.padding(toLength: 12, withPad: " ", startingAt: 0),
                String(format: "%.3f  %.3f  %.3f  %.3f  %5d  %5d", score.f1, score.unigramF1, score.precision, score.recall, score.ours, score.theirs),
            ].joined(separator: " "))
            if ProcessInfo.processInfo.environment["CITYPULSE_DUMP"] != nil {
                print("--- \(c.page) ours\n\(document.text)\n--- \(c.peer)\n\(expected)\n---")
            }
        }
        print(rows.joined(separator: "\n"))
        for (c, score, document) in results {
            #expect(score.f1 >= c.floor, "\(c.page): F1 \(score.f1) against \(c.peer) is below \(c.floor)")
            #expect(document.isArticle, "\(c.page) is an article")
        }
    }

    /// The reference side of the score: the byte-level stripper reads a peer's HTML as text.
    @Test func stripsTagsOfPeerExtractions() {
        let html = "<div id=\"x\"><p>第一段<span>文字</span></p><!-- 注释 --><script>var a = '<p>脚本</p>';</script><p>第二&amp;段&#x4E09;</p></div>"
        #expect(TagStripper.strip(Array(html.utf8)).split(separator: "\n").map(String.init) == ["第一段文字", "第二&段三"])
    }

    @Test func scoresBigramsWithinRuns() {
        let same = CJKOverlap(ours: "中国制造，领军者", theirs: "中国制造。领军者")
        #expect(same.f1 == 1)
        // 中国 and 国制 are shared; 制造 is not: P = 2/2, R = 2/3.
        let partial = CJKOverlap(ours: "中国制", theirs: "中国制造")
        #expect(abs(partial.f1 - 0.8) < 1e-9)
        #expect(CJKOverlap(ours: "abc", theirs: "中国").f1 == 0)
    }

    /// A link wrapped in an inline span inside a sentence stays in the sentence (qq: `<span><a>谷歌</a></span>(微博) 在2014年…`).
    @Test func keepsLinkedWordsInsideSentences() {
        let sentence = "在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。"
        let html = "<html><body><div class=\"nav\"><a href=\"/\">首页</a></div><div id=\"content\">"
            + "<p><span><a href=\"http://example.com\">谷歌</a></span>(<a href=\"http://t.example.com\">微博</a>) \(sentence)</p>"
            + "<p>这款产品具有极其重要的意义，因为这意味着未来的人工智能技术可能不需要人类来教它就能回答人类提出的问题。</p>"
            + "<p>DeepMind表示，这款名为DNC（可微神经计算机）的AI模型可以接受家谱和伦敦地铁网络地图这样的信息，还可以回答与那些信息相关的问题。</p>"
            + "</div></body></html>"
        let (document, _) = PageReader().read(bytes: Array(html.utf8), path: "qq.html", sourceID: "t", contentHash: "")
        #expect(document.text.contains("谷歌(微博) \(sentence)"))
        #expect(!document.text.contains("首页"))
    }
}
