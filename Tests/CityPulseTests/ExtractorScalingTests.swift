@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// Text shapes that once made fact extraction quadratic: one sentence holding a list of thousands of
/// counts (a flattened table, a directory of shops). Every number walked its whole sentence and copied
/// every quantity of the document; 6 400 items took 24 s in a release build. The spans a rule reads are
/// now found by binary search and reach at most `TextContext.reach` scalars either side of a number.
@Suite struct ExtractorScalingTests {
    /// Boundaries found by binary search are the ones a walk to each end finds, wherever the range
    /// starts and ends (at a boundary, next to one, at the text's ends, empty).
    @Test func boundaryIndexFindsWhatAWalkFinds() {
        let seed = UInt64(ProcessInfo.processInfo.environment["CITYPULSE_SEED"] ?? "") ?? 20_261_206
        var random = FuzzTests.Random(state: seed)
        let alphabet: [Unicode.Scalar] = ["字", "，", "。", "\n", "1", "、"]
        for _ in 0..<200 {
            let s = (0..<random.below(61)).map { _ in alphabet[random.below(alphabet.count)] }
            for ends in [TextBoundaries.sentenceEnds, TextBoundaries.clauseEnds, TextBoundaries.paragraphEnds] {
                let index = BoundaryIndex(s, ends: ends)
                for _ in 0..<20 {
                    let a = random.below(s.count + 1), b = a + random.below(s.count - a + 1)
                    #expect(index.span(around: a..<b, count: s.count) == Self.walk(a..<b, s, ends),
                            "\(String(String.UnicodeScalarView(s))) around \(a)..<\(b) (CITYPULSE_SEED=\(seed))")
                }
            }
        }
    }

    /// In a run of text with no boundary, the sentence and clause around a number stop `reach` scalars
    /// from it; in prose they are the whole sentence and clause.
    @Test func spansReachABoundedDistance() {
        let long = Array(String(repeating: "字", count: 5 * TextContext.reach).unicodeScalars)
        let context = Self.context(long)
        let middle = (long.count / 2)..<(long.count / 2 + 3)
        for span in [context.sentence(around: middle), context.clause(around: middle), context.paragraph(around: middle)] {
            #expect(span == (middle.lowerBound - TextContext.reach)..<(middle.upperBound + TextContext.reach))
        }
        let prose = Array("去年新建众创空间3家。今年，全市将新建众创空间5家，孵化器2家。".unicodeScalars)
        let five = Self.context(prose)
        let at = prose.firstIndex(of: "5")!
        #expect(five.text(five.sentence(around: at..<(at + 1))) == "今年，全市将新建众创空间5家，孵化器2家")
        #expect(five.text(five.clause(around: at..<(at + 1))) == "全市将新建众创空间5家")
    }

    /// A sentence of 20 000 listed counts reads in time proportional to its length. The bound is loose
    /// enough for a debug build on a busy machine; the quadratic version took minutes in a release build.
    @Test func oneSentenceListingTwentyThousandCounts() {
        let items = 20_000
        let text = "2023年甲市已建成" + (0..<items).map { "便民店\($0)个" }.joined(separator: "、") + "，新建众创空间12家。"
        let document = Document(path: "list.html", sourceID: "t", contentHash: "", encoding: "UTF-8", title: "甲市便民生活圈",
                                published: Day(iso: "2024-01-05"), text: text)
        var found: [FactExtractor.Found] = []
        let t = PageReaderScalingTests.seconds { found = FactCueTests.extractor.extract(document) }
        #expect(found.count == items + 2)
        let facts = found.flatMap(\.facts)
        #expect(facts.count == 1 && facts.first?.metric == "carriers" && facts.first?.value == ExactDecimal(12), "\(facts)")
        #expect(t < 30, "a sentence of \(items) counts took \(t) s")
    }

    static func walk(_ range: Range<Int>, _ s: [Unicode.Scalar], _ ends: Set<Unicode.Scalar>) -> Range<Int> {
        var start = range.lowerBound
        while start > 0, !ends.contains(s[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < s.count, !ends.contains(s[end]) { end += 1 }
        return start..<end
    }

    static func context(_ s: [Unicode.Scalar]) -> TextContext {
        TextContext(s: s, title: [], published: nil, policyStart: nil, places: PlaceIndex(FactCueTests.extractor.pipeline.regions))
    }
}
