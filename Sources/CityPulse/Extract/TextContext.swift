/// A document's normalized text as the fact rules read it: scalars, the spans of sentences, clauses and
/// paragraphs around a position, and what the document as a whole says (its place, a plan headline).
struct TextContext {
    let s: [Unicode.Scalar]
    let published: Day?
    let policyStart: Day?
    /// The place the document is about, when its title, first paragraph or text names one.
    let documentPlace: PlaceIndex.Hit?
    /// A plan word in the headline (西安将设立一批早市…), if any.
    let headlinePlan: String?

    init(s: [Unicode.Scalar], title: [Unicode.Scalar], published: Day?, policyStart: Day?, places: PlaceIndex) {
        self.s = s
        self.published = published
        self.policyStart = policyStart
        documentPlace = places.documentPlace(title: title, text: s)
        headlinePlan = TextCues.headlinePlan.first { !ScalarText.occurrences(of: $0, in: title, within: 0..<title.count).isEmpty }
        sentenceEnds = BoundaryIndex(s, ends: TextBoundaries.sentenceEnds)
        clauseEnds = BoundaryIndex(s, ends: TextBoundaries.clauseEnds)
        paragraphEnds = BoundaryIndex(s, ends: TextBoundaries.paragraphEnds)
    }

    /// How far a span reaches either side of the number it is around. Prose sentences are far shorter
    /// (the longest in the release corpus holds 391 scalars); a longer run with no boundary is a list
    /// or a flattened table, and reading all of it for each of its numbers would make extraction
    /// quadratic in its length.
    static let reach = 1000

    private let sentenceEnds: BoundaryIndex
    private let clauseEnds: BoundaryIndex
    private let paragraphEnds: BoundaryIndex

    /// The span of `s` between the boundaries around `range`, at most `reach` scalars either side of it.
    static func span(around range: Range<Int>, in s: [Unicode.Scalar], ends: Set<Unicode.Scalar>) -> Range<Int> {
        let first = max(0, range.lowerBound - reach), last = min(s.count, range.upperBound + reach)
        var start = range.lowerBound
        while start > first, !ends.contains(s[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < last, !ends.contains(s[end]) { end += 1 }
        return start..<end
    }

    func clause(around r: Range<Int>) -> Range<Int> { bounded(clauseEnds.span(around: r, count: s.count), around: r) }
    func paragraph(around r: Range<Int>) -> Range<Int> { bounded(paragraphEnds.span(around: r, count: s.count), around: r) }

    private func bounded(_ span: Range<Int>, around r: Range<Int>) -> Range<Int> {
        max(span.lowerBound, r.lowerBound - Self.reach)..<min(span.upperBound, r.upperBound + Self.reach)
    }

    /// The sentence around `r`; a sentence that opens with 其中 or 分别 takes in the one before it in
    /// the same paragraph, whose frame (截至…, 将…, the metric) it continues.
    func sentence(around r: Range<Int>) -> Range<Int> {
        var sentence = sentenceEnds.span(around: r, count: s.count)
        while continues(sentence), sentence.lowerBound > 0, s[sentence.lowerBound - 1] != "\n", sentence.lowerBound > r.lowerBound - Self.reach {
            let before = sentenceEnds.span(around: (sentence.lowerBound - 1)..<(sentence.lowerBound - 1), count: s.count)
            sentence = before.lowerBound..<sentence.upperBound
        }
        return bounded(sentence, around: r)
    }

    /// Whether the sentence opens with a word that continues the one before it.
    private func continues(_ sentence: Range<Int>) -> Bool {
        var i = sentence.lowerBound
        while i < sentence.upperBound, s[i] == " " || TextBoundaries.quotes.contains(s[i]) { i += 1 }
        return TextCues.continuations.contains { ScalarText.hasWord($0, in: s, at: i) }
    }

    /// Whether a clause opens with 其中 or 分别, or follows one standing alone (其中，…).
    func opensWithContinuation(_ clause: Range<Int>) -> Bool {
        var i = clause.lowerBound
        while i < clause.upperBound, s[i] == " " { i += 1 }
        if TextCues.continuations.contains(where: { ScalarText.hasWord($0, in: s, at: i) }) { return true }
        guard clause.lowerBound > 0 else { return false }
        return TextCues.continuations.contains { ScalarText.hasWord($0, in: s, endingAt: clause.lowerBound - 1) }
    }

    func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r.clamped(to: 0..<s.count)])) }
}

/// The positions of one kind of boundary in a text, in order, so the span around a position is two
/// binary searches instead of a walk to each end.
struct BoundaryIndex {
    private let positions: [Int]

    init(_ s: [Unicode.Scalar], ends: Set<Unicode.Scalar>) {
        positions = s.indices.filter { ends.contains(s[$0]) }
    }

    /// From just after the last boundary before `range` to the first boundary at or after its end
    /// (or the ends of a text of `count` scalars).
    func span(around range: Range<Int>, count: Int) -> Range<Int> {
        let before = positions.lowerBound { $0 < range.lowerBound } - 1
        let after = positions.lowerBound { $0 < range.upperBound }
        return (before >= 0 ? positions[before] + 1 : 0)..<(after < positions.count ? positions[after] : count)
    }
}

extension Array {
    /// The index of the first element for which `isBefore` is false, in an array where every
    /// element for which it is true comes first (a binary search; `count` when there is none).
    func lowerBound(_ isBefore: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
