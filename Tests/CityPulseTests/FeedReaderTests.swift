@testable import CityPulse
import Foundation
import Testing

/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds of press releases: one document per item, bodies as
/// paragraphs, dates in every form feeds write, the real GB2312 feed of the corpus, hostile and
/// broken input.
@Suite(.serialized) struct FeedReaderTests {
    static func read(_ xml: String, path: String = "feed.xml") -> ([Document], [Diagnostic]) {
        FeedReader().read(bytes: Array(xml.utf8), path: path, sourceID: "feeds", contentHash: "abc")
    }

    // MARK: - Formats

    static let rss2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
          <title>呼和浩特新闻发布</title>
          <link>https://www.huhhot.example/</link>
          <description>新闻发布</description>
          <item>
            <title>我市今年将开放早夜市、集市50处</title>
            <link>https://www.huhhot.example/xwfb/t20240522_1.html</link>
            <pubDate>Wed, 22 May 2024 16:00:00 +0800</pubDate>
            <dc:creator>市商务局</dc:creator>
            <description>&lt;p&gt;5月21日，记者获悉，我市2024年开放早夜市、集市50处。&lt;/p&gt;&lt;p&gt;市民可通过小程序查询&amp;nbsp;点位。&lt;/p&gt;</description>
          </item>
          <item>
            <title>部署人才工作</title>
            <link>https://rsj.huhhot.example/t20240312_2.html</link>
            <pubDate>12 Mar 2024 10:15 GMT</pubDate>
            <author>rsj@huhhot.example (市人社局)</author>
            <description>摘要</description>
            <content:encoded><![CDATA[<div><p>第一段，引进高层次创新人才100名以上。</p><br/>第二段<b>加粗</b>文字。</div>]]></content:encoded>
          </item>
        </channel>
        </rss>
        """

    @Test func rss2ItemsBecomeDocuments() {
        let (docs, diagnostics) = Self.read(Self.rss2)
        #expect(docs.count == 2)
        #expect(!diagnostics.contains { $0.severity >= .warning }, "\(diagnostics)")
        let first = docs[0]
        #expect(first.path == "feed.xml#1")
        #expect(first.sourceID == "feeds")
        #expect(first.contentHash == "abc")
        #expect(first.encoding == "UTF-8")
        #expect(first.title == "我市今年将开放早夜市、集市50处")
        #expect(first.url == "https://www.huhhot.example/xwfb/t20240522_1.html")
        #expect(first.published == Day(year: 2024, month: 5, day: 22))
        #expect(first.site == "呼和浩特新闻发布")
        #expect(first.author == "市商务局")
        #expect(first.isArticle)
        // Escaped HTML: two paragraphs, the no-break space as a space.
        #expect(first.text == "5月21日，记者获悉，我市2024年开放早夜市、集市50处。\n市民可通过小程序查询 点位。")

        let second = docs[1]
        #expect(second.path == "feed.xml#2")
        #expect(second.published == Day(year: 2024, month: 3, day: 12))
        #expect(second.author == "市人社局")
        // content:encoded in CDATA wins over the description; <br> breaks the line, <b> does not.
        #expect(second.text == "第一段，引进高层次创新人才100名以上。\n第二段加粗文字。")
    }

    @Test func atomEntriesBecomeDocuments() {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="text">青城新闻网</title>
              <updated>2024-11-05T10:00:00+08:00</updated>
              <entry>
                <title>成效明显</title>
                <link rel="self" href="https://www.qcxw.example/self/1"/>
                <link rel="alternate" type="text/html" href="https://www.qcxw.example/local/20241105/1.html"/>
                <id>tag:qcxw.example,2024:1</id>
                <published>2024-11-05T10:00:00+08:00</published>
                <updated>2024-11-06T08:00:00Z</updated>
                <author><name>青城新闻网记者</name><email>a@example.com</email></author>
                <summary>摘要不用</summary>
                <content type="html">&lt;p&gt;今年已新增创业载体7家。&lt;/p&gt;&lt;p&gt;全市已开放集市38处。&lt;/p&gt;</content>
              </entry>
              <entry>
                <title type="html">&lt;b&gt;第二条&lt;/b&gt;</title>
                <link href="https://www.qcxw.example/2.html"/>
                <updated>2024-10-01T09:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>甲段。</p><p>乙段<em>强调</em>。</p></div></content>
              </entry>
              <entry>
                <title>第三条</title>
                <link href="https://www.qcxw.example/3.html"/>
                <summary>只有摘要。</summary>
              </entry>
            </feed>
            """
        let (docs, diagnostics) = Self.read(atom, path: "releases/atom.xml")
        #expect(docs.count == 3)
        #expect(docs.map(\.path) == ["releases/atom.xml#1", "releases/atom.xml#2", "releases/atom.xml#3"])
        #expect(docs[0].url == "https://www.qcxw.example/local/20241105/1.html")
        #expect(docs[0].published == Day(year: 2024, month: 11, day: 5))
        #expect(docs[0].author == "青城新闻网记者")
        #expect(docs[0].site == "青城新闻网")
        #expect(docs[0].text == "今年已新增创业载体7家。\n全市已开放集市38处。")
        #expect(docs[1].title == "第二条")
        #expect(docs[1].published == Day(year: 2024, month: 10, day: 1), "updated stands in for a missing published")
        #expect(docs[1].text == "甲段。\n乙段强调。")
        #expect(docs[2].text == "只有摘要。")
        #expect(docs[2].published == nil)
        #expect(diagnostics.contains { $0.message.contains("item 3 has no publication date") })
    }

    @Test func rdfItemsBesideTheChannel() {
        let rdf = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://www.example.cn/">
                <title>示例频道</title>
                <link>https://www.example.cn/</link>
                <items><rdf:Seq><rdf:li rdf:resource="https://www.example.cn/1"/><rdf:li rdf:resource="https://www.example.cn/2"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://www.example.cn/1">
                <title>第一条</title>
                <link>https://www.example.cn/1</link>
                <description>2024年新增创业载体10家以上。</description>
                <dc:date>2024-05-21</dc:date>
              </item>
              <item rdf:about="https://www.example.cn/2">
                <title>第二条</title>
                <link>https://www.example.cn/2</link>
                <description><![CDATA[<p>第一行</p>
            <p>第二行 &amp; 更多</p>]]></description>
                <dc:date>2024年6月3日</dc:date>
              </item>
            </rdf:RDF>
            """
        let (docs, _) = Self.read(rdf)
        #expect(docs.count == 2)
        #expect(docs[0].site == "示例频道")
        #expect(docs[0].published == Day(year: 2024, month: 5, day: 21))
        #expect(docs[0].text == "2024年新增创业载体10家以上。")
        #expect(docs[1].published == Day(year: 2024, month: 6, day: 3))
        #expect(docs[1].text == "第一行\n第二行 & 更多")
        #expect(docs[1].url == "https://www.example.cn/2")
    }

    @Test func plainTextBodiesKeepTheirLines() {
        let xml = "<rss><channel><title>t</title><item><title>x</title><description>第一行\u{3000}文字\n\n  第二行  </description></item></channel></rss>"
        let (docs, _) = Self.read(xml)
        #expect(docs.first?.text == "第一行 文字\n第二行")
    }

    @Test func markupLeftUnescapedIsRenderedToo() {
        let xml = "<rss><channel><title>t</title><item><title>x</title><description><p>甲段。</p><p>乙段<b>加粗</b>。</p></description></item></channel></rss>"
        let (docs, _) = Self.read(xml)
        #expect(docs.first?.text == "甲段。\n乙段加粗。")
    }

    @Test func escapedAmpersandsInLinksAreDecoded() {
        let xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
            <entry><title>x</title><link href="https://a.example/Article.Asp?lang=_c&amp;Art_ID=1"/><summary>正文。</summary></entry></feed>
            """
        let (docs, _) = Self.read(xml)
        #expect(docs.first?.url == "https://a.example/Article.Asp?lang=_c&Art_ID=1")
        let rss = "<rss><channel><item><title>x</title><link>https://a.example/?a=1&amp;b=2</link></item></channel></rss>"
        #expect(Self.read(rss).0.first?.url == "https://a.example/?a=1&b=2")
    }

    @Test func anItemWithOnlyATitleIsReadFromItsTitle() {
        let xml = "<rss><channel><title>t</title><item><title>今年计划新增创业载体10家</title></item><item><link>https://a.example/</link></item></channel></rss>"
        let (docs, diagnostics) = Self.read(xml)
        #expect(docs.count == 1)
        #expect(docs.first?.text == "今年计划新增创业载体10家")
        #expect(diagnostics.contains { $0.message.contains("feed item 2 has no title and no text") })
    }

    // MARK: - Dates

    @Test(arguments: [
        ("Wed, 22 May 2024 16:00:00 +0800", "2024-05-22"),
        ("22 May 2024 16:00:00 +0800", "2024-05-22"),
        ("Wed, 22 May 2024 23:59:59 GMT", "2024-05-22"),
        ("Tue, 5 Nov 2024 10:00 CST", "2024-11-05"),
        ("Sat, 31 Dec 2005 06:15:55+0900", "2005-12-31"),
        ("Fri, 2 Dec 05 00:34:16 EST", "2005-12-02"),
        ("Thu, 01 August 2024 08:00:00 -0500", "2024-08-01"),
        ("Sept 3, 2024", "2024-09-03"),
        ("22-May-2024", "2024-05-22"),
        ("2024-05-21T10:00:00+08:00", "2024-05-21"),
        ("2024-05-21T23:30:00Z", "2024-05-21"),
        ("2024-05-21", "2024-05-21"),
        ("2024-05-21 09:30:00", "2024-05-21"),
        ("2024年5月21日", "2024-05-21"),
        ("2024年05月21日 09:30", "2024-05-21"),
        ("２０２４年５月２１日", "2024-05-21"),
        ("2024/5/21", "2024-05-21"),
        ("二〇二四年五月二十一日", "2024-05-21"),
        ("二○二四年十二月三十一日", "2024-12-31"),
        ("2024年十月十日", "2024-10-10"),
    ])
    func feedDates(text: String, expected: String) {
        #expect(FeedDate.day(in: text)?.description == expected, "\(text)")
    }

    @Test(arguments: ["", "yesterday", "二〇二四年十三月一日", "五月二十一日", "Wed, 31 Feb 2024 10:00:00 +0800", "32 May 2024", "May 2024", "Mayor 22, 2024", "10:00:00 +0800"])
    func notDates(text: String) {
        #expect(FeedDate.day(in: text) == nil, "\(text)")
    }

    @Test func utf16FeedWithAByteOrderMarkDecodes() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><title>频道</title><item><title>呼和浩特</title><description>今年新增创业载体7家。</description></item></channel></rss>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (docs, _) = FeedReader().read(bytes: bytes, path: "u16.xml", sourceID: "f", contentHash: "")
        #expect(docs.first?.encoding.hasPrefix("UTF-16LE") == true)
        #expect(docs.first?.title == "呼和浩特")
        #expect(docs.first?.text == "今年新增创业载体7家。")
    }

    // MARK: - The corpus

    static let gb2312Feed = ProjectPaths.corpus.appendingPathComponent("html/chardet_REAL_GB2312_acnnewswire_press_releases_rss.xml")

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) func realGB2312FeedDecodes() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.gb2312Feed))
        let (docs, diagnostics) = FeedReader().read(bytes: bytes, path: "acn.xml", sourceID: "corpus", contentHash: "")
        // Every <item> start tag in the raw bytes is one document.
        let itemTags = String(decoding: bytes, as: UTF8.self).components(separatedBy: "<item>").count - 1
        #expect(itemTags > 0)
        #expect(docs.count == itemTags)
        for d in docs {
            #expect(d.encoding.hasPrefix("GB18030") || d.encoding.hasPrefix("GBK"), "\(d.encoding)")
            #expect(d.title.map { !$0.isEmpty && !$0.unicodeScalars.contains("\u{FFFD}") } == true, "\(d.title ?? "-")")
            #expect(!d.text.unicodeScalars.contains("\u{FFFD}"))
            #expect(d.published != nil)
            #expect(d.url?.hasPrefix("http://www.acnnewswire.net/") == true)
            #expect(d.site == "Asia Corporate Press via ACNNewswire.net")
        }
        #expect(docs.first?.title?.hasPrefix("JCB 与中国银联") == true)
        #expect(docs.first?.published == Day(year: 2005, month: 12, day: 31) || docs.first?.published == Day(year: 2005, month: 12, day: 27))
        #expect(docs.first?.text.contains("日联银行网络的6000多个ATM") == true)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        print("acn feed: \(docs.count) items, encoding \(docs.first?.encoding ?? "-")")
    }

    @Test func sampleFeedInInputYieldsDocumentsAndFacts() throws {
        let url = ProjectPaths.root.appendingPathComponent("Input/releases/hohhot-press-feed.xml")
        let bytes = [UInt8](try Data(contentsOf: url))
        let (docs, diagnostics) = FeedReader().read(bytes: bytes, path: "releases/hohhot-press-feed.xml", sourceID: "feeds", contentHash: "h")
        #expect(docs.count == 3)
        #expect(!diagnostics.contains { $0.severity >= .warning }, "\(diagnostics)")
        #expect(docs.map(\.published?.description) == ["2024-05-22", "2024-03-12", "2024-11-05"])
        #expect(docs.allSatisfy { $0.site == "呼和浩特新闻发布（示例）" && $0.url?.hasPrefix("https://") == true })
        #expect(docs[0].text.components(separatedBy: "\n").count == 2)

        let extractor = FactExtractor(pipeline: try TestRun.defaultPipeline())
        let facts = docs.flatMap { extractor.extract($0).flatMap(\.facts) }
        let markets = facts.first { $0.metric == "market_openings" && $0.value.description == "50" }
        #expect(markets != nil, "\(facts.map { "\($0.metric)=\($0.value)" })")
        #expect(markets?.sources.first?.file == "releases/hohhot-press-feed.xml#1")
        #expect(markets?.sources.first?.url == "https://www.huhhot.example/xwfb/202405/t20240522_1001.html")
        #expect(facts.contains { $0.metric == "entrepreneurship_carriers" && $0.value.description == "7" && $0.kind == .achievement })
    }

    @Test func feedItemsReachTheRun() async throws {
        let run = await TestRun.run(try TestRun.defaultPipeline())
        defer { run.remove() }
        #expect(run.outcome.status == .success, "\(run.outcome.message)")
        let facts = try run.rows("facts")
        let fromFeed = facts.filter { (($0["sources"] as? [[String: Any]]) ?? []).contains { ($0["file"] as? String)?.hasPrefix("releases/hohhot-press-feed.xml#") == true } }
        #expect(!fromFeed.isEmpty)
    }

    // MARK: - Hostile and broken input

    @Test func externalEntitiesAreNotResolved() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-secret-\(UUID().uuidString).txt")
        try Data("TOP-SECRET-MARKER".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        for target in ["file:///etc/passwd", secret.absoluteString] {
            let xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY x SYSTEM "\(target)">
                  <!ENTITY % p SYSTEM "\(target)">
                  %p;
                ]>
                <rss><channel><title>t &x;</title><item><title>标题&x;</title><description>正文&x;结束</description></item></channel></rss>
                """
            let (docs, _) = Self.read(xml)
            let all = docs.map { "\($0.title ?? "")|\($0.site ?? "")|\($0.text)" }.joined()
            #expect(!all.contains("root:"), "\(all)")
            #expect(!all.contains("TOP-SECRET-MARKER"), "\(all)")
            #expect(docs.first?.text.hasPrefix("正文") == true)
        }
    }

    @Test func internalEntityExpansionStaysSmall() {
        var doctype = "<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
        for k in 1...9 { doctype += "<!ENTITY \(Character(Unicode.Scalar(97 + k)!)) \"" + String(repeating: "&\(Character(Unicode.Scalar(96 + k)!));", count: 10) + "\">" }
        doctype += "]>"
        let xml = doctype + "<rss><channel><item><title>t</title><description>x&j;y</description></item></channel></rss>"
        let (docs, _) = Self.read(xml)
        #expect((docs.first?.text.utf8.count ?? 0) < 1000)
    }

    @Test func emptyInputIsAWarning() {
        for input in ["", "   \n", "\u{FEFF}"] {
            let (docs, diagnostics) = Self.read(input)
            #expect(docs.isEmpty)
            #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("empty") }, "\(diagnostics)")
        }
    }

    @Test func feedsWithoutItemsAreAWarning() {
        for xml in ["<rss version=\"2.0\"><channel><title>空</title></channel></rss>", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>空</title></feed>"] {
            let (docs, diagnostics) = Self.read(xml)
            #expect(docs.isEmpty)
            #expect(diagnostics.contains { $0.severity == .warning && $0.message.contains("has no items") }, "\(diagnostics)")
        }
    }

    @Test func pagesAndGarbageAreNotFeeds() {
        let page = "<!DOCTYPE html><html><head><title>页面</title></head><body><p>今年计划新增创业载体10家。</p></body></html>"
        let (pageDocs, pageDiagnostics) = Self.read(page, path: "page.xml")
        #expect(pageDocs.isEmpty)
        #expect(pageDiagnostics.contains { $0.severity == .error && $0.message.contains("no RSS channel or Atom feed") && $0.message.contains("html") })

        var garbage: [UInt8] = []
        var state: UInt64 = 7
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            garbage.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        for bytes in [garbage, Array("just some text, no markup".utf8), Array("<<<>>>&&&".utf8)] {
            let (docs, diagnostics) = FeedReader().read(bytes: bytes, path: "junk.xml", sourceID: "f", contentHash: "")
            #expect(docs.isEmpty)
            #expect(diagnostics.contains { $0.severity == .error && $0.message.contains("not an RSS or Atom feed") || $0.message.contains("no RSS channel") }, "\(diagnostics)")
        }
    }

    @Test func brokenMarkupIsRecoveredAndReported() {
        // An unescaped ampersand, an HTML entity XML does not know, and a feed cut off mid-item.
        let xml = "<rss><channel><title>A & B</title><item><title>一&nbsp;二</title><description>第一条。</description></item><item><title>二</title><description>第二条"
        let (docs, diagnostics) = Self.read(xml)
        #expect(docs.count >= 1)
        #expect(docs.first?.text == "第一条。")
        #expect(diagnostics.contains { $0.message.hasPrefix("recovered from broken markup") })
    }
}
