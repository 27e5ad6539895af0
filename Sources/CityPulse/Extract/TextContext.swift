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
    }

    /// The span between the boundaries around `range`.
    func span(around range: Range<Int>, ends: Set<Unicode.Scalar>) -> Range<Int> { Self.span(around: range, in: s, ends: ends) }

    /// The span of `s` between the boundaries around `range`.
    static func span(around range: Range<Int>, in s: [Unicode.Scalar], ends: Set<Unicode.Scalar>) -> Range<Int> {
        var start = range.lowerBound
        while start > 0, !ends.contains(s[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < s.count, !ends.contains(s[end]) { end += 1 }
        return start..<end
    }

    func clause(around r: Range<Int>) -> Range<Int> { span(around: r, ends: TextBoundaries.clauseEnds) }
    func paragraph(around r: Range<Int>) -> Range<Int> { span(around: r, ends: TextBoundaries.paragraphEnds) }

    /// The sentence around `r`; a sentence that opens with 其中 or 分别 takes in the one before it in
    /// the same paragraph, whose frame (截至…, 将…, the metric) it continues.
    func sentence(around r: Range<Int>) -> Range<Int> {
        var sentence = span(around: r, ends: TextBoundaries.sentenceEnds)
        while continues(sentence), sentence.lowerBound > 0, s[sentence.lowerBound - 1] != "\n" {
            let before = span(around: (sentence.lowerBound - 1)..<(sentence.lowerBound - 1), ends: TextBoundaries.sentenceEnds)
            sentence = before.lowerBound..<sentence.upperBound
        }
        return sentence
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
