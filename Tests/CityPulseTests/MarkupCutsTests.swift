@testable import CityPulse
import Foundation
import Testing

/// Cutting script and style bodies and dropped attribute values out before libxml2 reads a page changes
/// nothing libxml2 builds: the same elements, text runs, lines and attributes, and the same recovered
/// problems at the same lines and columns, less libxml2's complaints about what was cut.
@Suite struct MarkupCutsTests {
    /// Problems libxml2 reports only about the inside of a script or style body.
    static func isAboutABody(_ issue: MarkupIssue) -> Bool {
        issue.message.contains("embeds close tag") || issue.message.contains("Invalid char in CDATA")
    }

    /// The byte offset of a place libxml2 reports (1-based line, column in characters) on the page.
    static func offset(line: Int, column: Int, in page: [UInt8]) -> Int {
        var p = 0
        for _ in 1..<max(line, 1) {
            guard let newline = page[p...].firstIndex(of: 0x0A) else { return page.count }
            p = newline + 1
        }
        var characters = 1
        while characters < column, p < page.count, page[p] != 0x0A {
            p += 1
            while p < page.count, page[p] & 0xC0 == 0x80 { p += 1 }
            characters += 1
        }
        return p
    }

    static func expectSameParse(_ page: [UInt8], _ name: String) {
        let whole = page.withUnsafeBufferPointer { LibXMLParser.parseHTML(utf8: $0) }
        let cut = page.withUnsafeBufferPointer(PageReader.parse)
        let a = whole.tree, b = cut.tree
        #expect(a.text == b.text, "\(name): text")
        #expect(a.attributeBytes == b.attributeBytes, "\(name): attribute bytes")
        #expect(a.attributes.map { [Int($0.key.rawValue), Int($0.start), Int($0.stop)] } == b.attributes.map { [Int($0.key.rawValue), Int($0.start), Int($0.stop)] }, "\(name): attributes")
        #expect(a.otherNames == b.otherNames, "\(name): names")
        let nodes = { (t: MarkupTree) in t.nodes.map { [Int($0.tag.rawValue), Int($0.parent), Int($0.end), Int($0.start), Int($0.stop), Int($0.depth), Int($0.line)] } }
        #expect(nodes(a) == nodes(b), "\(name): nodes")
        // Problems libxml2 found inside what was cut (or at its closing quote or `</`) are gone.
        let cuts = page.withUnsafeBufferPointer(MarkupCuts.cut)?.cuts.map(\.original) ?? []
        let insideACut = { (issue: MarkupIssue) in
            let at = offset(line: issue.line, column: issue.column, in: page)
            return cuts.contains { $0.lowerBound <= at && at <= $0.upperBound }
        }
        let expected = whole.issues.filter { !isAboutABody($0) && !insideACut($0) }
        let common = min(expected.count, cut.issues.count)
        #expect(Array(expected.prefix(common)) == Array(cut.issues.prefix(common)), "\(name): issues")
        #expect(cut.issues.allSatisfy { !isAboutABody($0) && !insideACut($0) }, "\(name): issues about cuts")
    }

    @Test(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) func corpusPagesParseTheSame() throws {
        for name in PageCorpus.pages() {
            let decoded = TextDecoding.decode(try PageCorpus.bytes(name))
            Self.expectSameParse(Array(decoded.text.utf8), name)
        }
    }

    /// Set CITYPULSE_HTML_DIR to a folder of pages (the benchmark's, say) to check every one of them.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CITYPULSE_HTML_DIR"] != nil,
                   "opt-in check: set CITYPULSE_HTML_DIR to a folder of pages"))
    func pagesOfAFolderParseTheSame() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CITYPULSE_HTML_DIR"]!)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        for name in names {
            let decoded = TextDecoding.decode(try POSIXFile.read(folder.appendingPathComponent(name).path))
            Self.expectSameParse(Array(decoded.text.utf8), name)
        }
        print("checked \(names.count) pages of \(folder.path)")
    }

    static let cases: [(String, String)] = [
        ("plain", "<html><head><script>var a = '</div>';</script><style>p { color: red }</style></head><body><p>正文</p></body></html>"),
        ("upper case", "<P>a<SCRIPT type=\"text/javascript\">x = 1 < 2;</SCRIPT>b</P>"),
        ("lines", "<p>a</p>\n<script>\nvar x;\n\n</script>\n<p>b</p>\n<p>c</b>\n"),
        ("in a comment", "<!-- <script> --><p>kept</p><!-- </script> -->"),
        ("in an attribute", "<div title=\"<script>\">x</div><p>y</p><div title='</script>'>z</div>"),
        ("quoted >", "<div title=\"a > <script>b\">x</div><p>y</p><script>z</script><p title='<style>'>w</p>"),
        ("unquoted attribute", "<div a=<script>b</div><p>c</p>"),
        ("bogus attribute", "<div \"<script>\">x</div><p>y</p>"),
        ("doctype", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"<script>\"><p>a</p>"),
        ("processing instruction", "<?php echo '<script>'; ?><p>a</p></script><p>b</p>"),
        ("self-closing", "<script src=x /><p>kept</p><script src=a/>var gone;</script><p>b</p>"),
        ("longer name", "<scripts>text</scripts><p>a</p>"),
        ("close with blanks", "<script>a</script  ><p>b</p><style>c</STYLE\n>d"),
        ("nested opener", "<script>document.write('<script>x<\\/script>');</script><p>after</p>"),
        ("comment in body", "<script><!-- </script> --></script><p>a</p>"),
        ("unterminated body", "<p>a</p><script>var x = 1;\n<p>never</p>"),
        ("unterminated comment", "<p>a</p><!-- <script> x"),
        ("unterminated quote", "<div title=\"<script>><p>a</p><script>b</script>"),
        ("unterminated tag", "<p>a</p><script src=\"x\""),
        ("control characters", "<script>\u{01}\u{02}</div>\u{0B}</script><p>a</p>"),
        ("two problems around a cut", "<p>一</b><script>x</script>二</i>三</p>\n<script>\n</script></b><p>四</b>"),
        ("in title and textarea", "<title>a<script>b</script>c</title><textarea><style>x</style></textarea><xmp><script>y</script></xmp><noscript><script>z</script></noscript>"),
        ("in svg and iframe", "<svg><style>.a{}</style><script>q</script></svg><iframe><script>r</script></iframe><p>s</p>"),
        ("line breaks in tags", "<SCRIPT\n  type=\"text/javascript\"\n>a\n</SCRIPT\n><p\nclass=x>b</p><plaintext><script>c</script>"),
        ("wide text", "<p>中文<script>var s = '中文</p>';</script>中文</p>\n<p>第二行<script>x</script><i>斜体</b></p>"),
        ("empty", ""),
        ("lone brackets", "< script>x</script> <3 </ p> <!x> <? ?>"),
        ("dropped values", "<a href=\"http://x.cn/?a=1&b=2&c\" onclick=\"go('<script>', 1 < 2)\" data-x='12345678'>t</a><link rel=\"canonical\" href=\"http://c.cn/very/long/url\"><p class=\"a-long-class-name\" style='color: red; margin: 0'>y</p>"),
        ("values over lines", "<div style=\"a: b;\n c: d;\n\" class=x>一</b></div><p title=\"很长很长的标题\n第二行\">二</i></p>"),
        ("upper-case names", "<LINK REL=canonical HREF=\"/the/canonical/address\"><A HREF=\"/an/ordinary/link\" TITLE=\"A LONG TITLE\">x</A>"),
        ("entities in values", "<p title=\"a&b c&d efgh &amp; &#x4e2d;\">x</p><p class=\"a&b c&d efgh\">y</b></p>"),
        ("a NUL in a value", "<div title=\"abc\u{0}defghijk\">x</div><p>y</p>"),
        ("unterminated value", "<p>a</p><div onclick=\"abcdefghijklmn"),
        ("long attribute name", "<div \(String(repeating: "x", count: 100))class=\"abcdefghijk\" \(String(repeating: "y", count: 101))=\"lmnopqrstuv\">z</div>"),
        ("comments over lines", "<p>一<!-- 注释\n第二行 <b> </p> --></b>二</i><!--[if lt IE 9]><script src=\"x.js\"></script><![endif]-->三</p><!-- short --><!---->"),
        ("comment-like ends", "<!-- a -- b --!> c ---><p>x</p><!--->still a comment--><p>y</p>"),
        ("values in a script tag", "<script type=\"text/javascript\" data-main=\"some/long/module/path\">var x = '</p>';</script><p>a</p>"),
    ]

    @Test(arguments: cases)
    func awkwardMarkupParsesTheSame(_ item: (String, String)) {
        Self.expectSameParse(Array(item.1.utf8), item.0)
    }

    @Test func bodiesAreCutAndLineBreaksKept() throws {
        let page = Array("<p>a</p>\n<script>\nvar x = '</div>';\n</script><style>b{}</style>\n<p>中</p>".utf8)
        let cut = try #require(page.withUnsafeBufferPointer(MarkupCuts.cut))
        #expect(String(decoding: cut.markup, as: UTF8.self) == "<p>a</p>\n<script>\n\n</script><style></style>\n<p>中</p>")
        #expect(cut.cuts.count == 2)
        #expect(cut.cuts.map(\.kept) == [2, 0])
        #expect(Array("<p>no scripts</p>".utf8).withUnsafeBufferPointer(MarkupCuts.cut) == nil)
    }

    @Test func droppedValuesAreCutAndKeptOnesStay() throws {
        let page = Array("<a href=\"/a/long/link\" onclick=\"go(\n12345)\" id=\"identifier\">x</a><link rel=canonical href=\"/the/canonical\"><img alt=\"short\">".utf8)
        let cut = try #require(page.withUnsafeBufferPointer(MarkupCuts.cut))
        #expect(String(decoding: cut.markup, as: UTF8.self) == "<a href=\"\" onclick=\"\n\" id=\"identifier\">x</a><link rel=canonical href=\"/the/canonical\"><img alt=\"short\">")
        #expect(cut.cuts.map(\.kept) == [0, 1])
        let tree = page.withUnsafeBufferPointer(PageReader.parse).tree
        let link = try #require(tree.elements(.link).first), anchor = try #require(tree.elements(.a).first)
        #expect(tree.attribute(.href, of: link) == "/the/canonical")
        #expect(tree.attribute(.href, of: anchor) == nil)
        #expect(tree.attribute(.id, of: anchor) == "identifier")
    }

    @Test func columnsAfterACutAreThoseOfThePage() throws {
        // libxml2 reports the stray </b> after the script; its column is counted on the page.
        let page = Array("<p>中文<script>var s = '很长的脚本';</script><i>x</b></i></p>".utf8)
        let whole = page.withUnsafeBufferPointer { LibXMLParser.parseHTML(utf8: $0) }
        let cut = page.withUnsafeBufferPointer(PageReader.parse)
        let stray = try #require(whole.issues.first { $0.message.contains("Unexpected end tag") })
        #expect(cut.issues.contains(stray))
        #expect(stray.column > 30)
    }
}
