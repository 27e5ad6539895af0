import CityPulseQuantities

/// Decides which metric, if any, claims a quantity from the words around it in its clause.
///
/// A metric's word claims a number when it stands within the metric's window in the same clause and
/// the metric accepts the number's unit class, except where the phrase says the number counts
/// something else:
/// - the counter is followed by another head noun (200个摊位, 100个…试点城市, 前20位的城市);
/// - a list mark stands between them: in 困难毕业生、困难家庭青年就业3.6万人 and 1486家、创新创业载体119个
///   the word belongs to another item of the list;
/// - a bare numeral (no counter) is claimed only by a word that follows it at once (十万大学生);
/// - the word overlaps a longer word (筹集|市场 holds 集市);
/// - the number counts those who apply for the thing or move into it (80家单位申报众创空间, 申报的13家);
/// - for a metric that adds up over time (`sum`), nothing in the word or its clause says the people or
///   places came, stayed, were brought in or opened: 高校毕业生达33.6万人 is a cohort, not graduates kept.
/// A word at the very end of the clause after 的 heads the counted phrase whatever its distance:
/// 建成1万个布局合理、…、规范有序的便民生活圈.
struct MetricMatcher: Sendable {
    struct Claim {
        var metric: MetricDefinition
        /// The metric's word in the text.
        var word: Range<Int>
        var rule: String
        /// For a `sum` metric: nothing in the word or clause says the count is a flow. Such a claim
        /// stands only as part (其中…) of a fact of the same metric before it.
        var withoutFlow = false
    }

    private let metricWords: [(metric: MetricDefinition, words: [[Unicode.Scalar]])]

    init(metrics: [MetricDefinition]) {
        // Words are matched in folded text, so they are folded too (a pipeline may write 創業載體).
        metricWords = metrics.filter { !$0.words.isEmpty }.map { m in
            (m, m.words.map { NormalizedText($0).normalized.scalarArray() }.filter { !$0.isEmpty })
        }
    }

    var isEmpty: Bool { metricWords.isEmpty }

    /// Whether a metric's word starts at `i` or covers it.
    func hasMetricWord(touching i: Int, in s: [Unicode.Scalar]) -> Bool {
        metricWords.contains { $0.words.contains { w in
            !ScalarText.occurrences(of: w, in: s, within: max(0, i - w.count + 1)..<min(s.count, i + w.count)).isEmpty
        } }
    }

    /// Whether any metric's word stands inside `range`.
    func mentionsAnyMetric(in s: [Unicode.Scalar], within range: Range<Int>) -> Bool {
        metricWords.contains { $0.words.contains { !ScalarText.occurrences(of: $0, in: s, within: range).isEmpty } }
    }

    /// The metric whose word stands nearest the quantity, among those accepting its unit and not ruled
    /// out by the phrase. `quantities` are the document's, in order.
    func match(_ q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>, quantities: [Quantity]) -> Claim? {
        // Only the numbers of the clause bear on the match.
        let inClause = Self.slice(of: quantities, startingIn: clause)
        let starts = inClause.map(\.start)
        // Counts of the same kind listed with q (65家、累计178家…): a word after them may be shared.
        let spans = inClause.filter { $0.kind == .quantity && $0.unitClass == q.unitClass }.map { $0.start..<$0.end }
        let item = listItem(of: q, in: s, clause: clause)
        // 每个街区设置摊位200个: a count per unit.
        for each in ScalarText.occurrences(of: "每", in: s, within: clause.lowerBound..<q.start)
        where each.upperBound < s.count && TextCues.perUnitCounters.contains(s[each.upperBound]) {
            return nil
        }
        if countsApplicants(q, in: s, clause: clause) { return nil }
        var best: (claim: Claim, distance: Int)?
        for (metric, words) in metricWords where metric.unitClasses.contains(q.unitClass.rawValue) {
            var hits: [Range<Int>] = []
            for word in words { hits += ScalarText.occurrences(of: word, in: s, within: clause) }
            if headsAnotherNoun(q, in: s, clause: clause, metricHits: hits) { continue }
            for hit in hits where !isBound(hit, in: s) {
                guard let (distance, rule) = reach(of: hit, to: q, in: s, clause: clause, item: item, starts: starts, spans: spans, window: metric.window)
                else { continue }
                if best == nil || distance < best!.distance {
                    best = (Claim(metric: metric, word: hit, rule: rule), distance)
                }
            }
            if best == nil || best!.claim.metric.id != metric.id, let hit = headAfterDe(q, in: s, clause: clause, hits: hits, starts: starts) {
                if best == nil { best = (Claim(metric: metric, word: hit, rule: "the word heads the counted phrase after 的"), Int.max) }
            }
        }
        guard var claim = best?.claim else { return nil }
        if claim.metric.aggregate == .sum, !isFlow(claim.word, q, in: s, clause: clause) { claim.withoutFlow = true }
        return claim
    }

    /// The quantities, in document order, that start inside `range`.
    private static func slice(of quantities: [Quantity], startingIn range: Range<Int>) -> ArraySlice<Quantity> {
        let first = quantities.lowerBound { $0.start < range.lowerBound }
        return quantities[first..<max(first, quantities.lowerBound { $0.start < range.upperBound })]
    }

    /// How far the word stands from the number, and the rule that lets it claim it; nil when it may not.
    private func reach(
        of hit: Range<Int>, to q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>, item: Range<Int>,
        starts: [Int], spans: [Range<Int>], window: Int
    ) -> (Int, String)? {
        if hit.upperBound <= q.start {
            if q.unitClass == .none { return nil }
            if s[hit.upperBound..<q.start].contains(where: TextBoundaries.listMarks.contains) { return nil }
            // 夜市摊位200个: another head noun between the word and the number is what is counted.
            if TextCues.otherHeads.contains(where: { !ScalarText.occurrences(of: $0, in: s, within: hit.upperBound..<q.start).isEmpty }) { return nil }
            let distance = q.start - hit.upperBound
            // Inside its own item of a list, the word and the number may stand apart by more.
            let limit = item.lowerBound > clause.lowerBound && hit.lowerBound >= item.lowerBound ? 2 * window : window
            return distance <= limit ? (distance, "the metric's word before the number") : nil
        }
        if hit.lowerBound >= q.end {
            let gap = s[q.end..<hit.lowerBound]
            if q.unitClass == .none {
                // A bare numeral: the word must follow at once (quotes aside).
                return gap.allSatisfy(TextBoundaries.quotes.contains) ? (0, "the metric's word right after the numeral") : nil
            }
            var from = q.end
            if let mark = gap.firstIndex(where: TextBoundaries.listMarks.contains) {
                if headsOwnNumber(hit, in: s, clause: clause, starts: starts) { return nil }
                // 104条创业示范街、45个孵化基地: a number followed by its own noun shares no word after it.
                if s[q.end..<mark].contains(where: { ScalarText.isIdeograph($0) && !TextCues.boundAfterNumber.contains($0) }) { return nil }
                // 65家、累计178家省级众创空间: numbers listed before a shared word are measured from the last.
                if let last = spans.last(where: { $0.lowerBound >= q.end && $0.upperBound <= hit.lowerBound }) { from = last.upperBound }
            }
            let distance = hit.lowerBound - from
            return distance <= window ? (distance, "the metric's word after the number") : nil
        }
        return (0, "the metric's word inside the number's phrase")
    }

    /// The number's own item in a list of the clause: from the last list mark before it.
    private func listItem(of q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>) -> Range<Int> {
        var i = q.start
        while i > clause.lowerBound, !TextBoundaries.listMarks.contains(s[i - 1]) { i -= 1 }
        return i..<q.start
    }

    /// A word followed, in its own list item, by a number heads that number (…、创新创业载体119个).
    private func headsOwnNumber(_ hit: Range<Int>, in s: [Unicode.Scalar], clause: Range<Int>, starts: [Int]) -> Bool {
        var end = hit.upperBound
        while end < clause.upperBound, !TextBoundaries.listMarks.contains(s[end]) { end += 1 }
        return starts.contains { $0 >= hit.upperBound && $0 < end }
    }

    /// Whether the number counts those who apply for something or move into it: a verb of applying
    /// right before it (推荐申报的13家众创空间) or in its phrase after it (80多家单位申报众创空间,
    /// 120家企业入驻).
    private func countsApplicants(_ q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>) -> Bool {
        var before = q.start
        if before > clause.lowerBound, s[before - 1] == "的" { before -= 1 }
        if TextCues.applying.contains(where: { ScalarText.hasWord($0, in: s, endingAt: before) }) { return true }
        var end = q.end
        while end < clause.upperBound, end - q.end < 6, !TextBoundaries.listMarks.contains(s[end]) { end += 1 }
        return TextCues.applying.contains { !ScalarText.occurrences(of: $0, in: s, within: q.end..<end).isEmpty }
    }

    /// Whether the counted phrase after the number runs on into a noun that is not the metric's
    /// (200个摊位, 1073个商业网点, 100个一刻钟便民生活圈…试点城市, 前20位的城市).
    private func headsAnotherNoun(_ q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>, metricHits: [Range<Int>]) -> Bool {
        var end = q.end
        while end < clause.upperBound, end - q.end < 16, !TextBoundaries.listMarks.contains(s[end]), !ScalarText.isDigit(s[end]) {
            end += 1
        }
        // 3个区, 5个县: the counter counts places. (40家市级… is a level, not a place.)
        if q.end + 1 < s.count, TextCues.placeSuffixes.contains(s[q.end]), s[q.end + 1] != "级" { return true }
        // The head is the last noun: only what follows the metric's word in the phrase can re-head it.
        let from = metricHits.filter { $0.lowerBound >= q.end && $0.lowerBound < end }.map(\.upperBound).max() ?? q.end
        guard end > from else { return false }
        return TextCues.otherHeads.contains { !ScalarText.occurrences(of: $0, in: s, within: from..<end).isEmpty }
    }

    /// A metric word closing the clause right after its last 的, with no other number between: the head
    /// of the number's phrase.
    private func headAfterDe(_ q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>, hits: [Range<Int>], starts: [Int]) -> Range<Int>? {
        guard q.unitClass != .none, !starts.contains(where: { $0 >= q.end && $0 < clause.upperBound }) else { return nil }
        guard let de = ScalarText.occurrences(of: "的", in: s, within: q.end..<clause.upperBound).last else { return nil }
        return hits.first { $0.lowerBound == de.upperBound && $0.upperBound == clause.upperBound }
    }

    /// Whether the character before the word and the word's first one make a word of their own.
    private func isBound(_ hit: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
        guard hit.lowerBound > 0 else { return false }
        let pair = String(String.UnicodeScalarView([s[hit.lowerBound - 1], s[hit.lowerBound]]))
        return TextCues.boundBefore.contains(pair)
    }

    /// Whether the word or its clause says something came, stayed or was set up.
    private func isFlow(_ word: Range<Int>, _ q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>) -> Bool {
        for scope in [word, clause] {
            for cue in TextCues.flow {
                for hit in ScalarText.occurrences(of: cue, in: s, within: scope) {
                    if cue == "来", hit.lowerBound > 0, TextCues.timeLai.contains(s[hit.lowerBound - 1]) { continue }
                    return true
                }
            }
        }
        return false
    }
}
