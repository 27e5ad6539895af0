@testable import CityPulse
import Foundation
import Testing

/// Shapes of page that once made the reader superlinear: one huge line of Chinese text (bylines and
/// the nearby text were searched over all of it), and deep inline nesting (every text run walked up to
/// its block). The bounds are loose enough for a debug build on a busy machine; the quadratic versions
/// took minutes.
@Suite(.serialized) struct PageReaderScalingTests {
    static func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test func oneLongLineOfChinese() {
        let page = Array(("<p>" + String(repeating: "人才", count: 1_000_000) + "</p>").utf8)
        var document: Document?
        let t = Self.seconds { document = PageReader().read(bytes: page, path: "line.html", sourceID: "s", contentHash: "").0 }
        #expect(document?.text.unicodeScalars.count == 2_000_000)
        #expect(document?.isArticle == false)
        #expect(t < 30, "a 6 MB line took \(t) s")
        let n = Self.seconds { _ = NormalizedText(document?.text ?? "") }
        #expect(n < 30, "normalizing 2 000 000 characters took \(n) s")
    }

    @Test func deepInlineNesting() {
        let depth = 20_000
        let page = "<html><body><div>" + String(repeating: "<span>字，", count: depth) + String(repeating: "</span>", count: depth) + "</div></body></html>"
        var document: Document?
        let t = Self.seconds { document = PageReader().read(bytes: Array(page.utf8), path: "deep.html", sourceID: "s", contentHash: "").0 }
        #expect(document?.text.unicodeScalars.count(where: { $0 == "字" }) == depth)
        #expect(t < 30, "\(depth) nested spans took \(t) s")
    }
}
