@testable import CityPulse
import Foundation
import Testing

/// Main text against the peers' expected extractions (mozilla/readability, newspaper4k): the F1 of
/// CJK ideographs (multiset overlap) per page.
@Suite(.serialized) struct MainTextTests {
    /// Page → expected file in `_expected/`, and the F1 this reader reaches (a regression fails).
    static let cases: [(page: String, expected: String, floor: Double)] = [
        ("np4k_bbc_zhongwen_hk_ceo_apology.html", "np4k_bbc_zhongwen_hk_ceo_apology.expected.txt", 0.0),
        ("np4k_chinadaily_us_china_cooperation.html", "np4k_chinadaily_us_china_cooperation.expected.txt", 0.0),
        ("readability_gmw_astronaut_alcohol.html", "readability_gmw_astronaut_alcohol.expected.html", 0.0),
        ("readability_pixnet_TRADITIONAL_hsinchu_blog.html", "readability_pixnet_TRADITIONAL_hsinchu_blog.expected.html", 0.0),
        ("readability_qq_deepmind_META_GB2312_BYTES_UTF8.html", "readability_qq_deepmind.expected.html", 0.0),
    ]

    static let html = ProjectPaths.corpus.appendingPathComponent("html")

    /// Counts of each CJK ideograph.
    static func ideographs(_ text: String) -> [Unicode.Scalar: Int] {
        var counts: [Unicode.Scalar: Int] = [:]
        for s in text.unicodeScalars where (0x3400...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value) {
            counts[s, default: 0] += 1
        }
        return counts
    }

    static func f1(_ got: String, _ expected: String) -> (f1: Double, precision: Double, recall: Double) {
        let a = ideographs(got), b = ideographs(expected)
        let overlap = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        let na = a.values.reduce(0, +), nb = b.values.reduce(0, +)
        guard na > 0, nb > 0, overlap > 0 else { return (0, 0, 0) }
        let p = Double(overlap) / Double(na), r = Double(overlap) / Double(nb)
        return (2 * p * r / (p + r), p, r)
    }

    /// The expected text: plain, or an HTML extraction with its tags stripped.
    static func expectedText(_ name: String) throws -> String {
        let bytes = [UInt8](try Data(contentsOf: html.appendingPathComponent("_expected").appendingPathComponent(name)))
        let text = String(decoding: bytes, as: UTF8.self)
        guard name.hasSuffix(".html") else { return text }
        let parse = LibXMLParser.parseHTML(utf8: bytes)
        var renderer = ParagraphRenderer(tree: parse.tree, stats: nil)
        if !parse.tree.nodes.isEmpty { renderer.render(0, cleaning: false) }
        return renderer.finish()
    }

    @Test func mainTextMatchesPeers() throws {
        print("page                                                  F1     P      R")
        for c in Self.cases {
            let bytes = [UInt8](try Data(contentsOf: Self.html.appendingPathComponent(c.page)))
            let (doc, _) = PageReader().read(bytes: bytes, path: c.page, sourceID: "corpus", contentHash: "")
            let expected = try Self.expectedText(c.expected)
            let score = Self.f1(doc.text, expected)
            let pad = c.page.padding(toLength: 53, withPad: " ", startingAt: 0)
            print("\(pad) \(String(format: "%.3f  %.3f  %.3f", score.f1, score.precision, score.recall))")
            if ProcessInfo.processInfo.environment["CITYPULSE_DUMP"] != nil {
                print("--- got\n\(doc.text)\n--- expected\n\(expected)\n---")
            }
            #expect(score.f1 >= c.floor, "\(c.page): F1 \(score.f1) below \(c.floor)")
            #expect(doc.isArticle)
        }
    }
}
