import CityPulseQuantities

/// Turns a document's quantities into facts with the pipeline's metric rules: a quantity becomes a fact
/// of a metric when one of the metric's words stands within its window in the same clause and its unit
/// class is one the metric accepts. Kind, period and region are read from the sentence around it.
public struct FactExtractor: Sendable {
    public let pipeline: PipelineDefinition
    private let scanner = QuantityScanner()
    private let metricWords: [(metric: MetricDefinition, words: [[Unicode.Scalar]])]
    private let regionNames: [(id: String, name: [Unicode.Scalar])]

    public init(pipeline: PipelineDefinition) {
        self.pipeline = pipeline
        metricWords = pipeline.metrics.filter { !$0.words.isEmpty }.map { m in
            (m, m.words.map { Array($0.unicodeScalars) })
        }
        var names: [(String, [Unicode.Scalar])] = []
        for r in pipeline.regions.regions {
            for n in [r.name] + r.aliases { names.append((r.id, Array(n.unicodeScalars))) }
        }
        for g in pipeline.regions.groups {
            for n in g.names { names.append((g.id, Array(n.unicodeScalars))) }
        }
        // Longer names first, so 呼和浩特市 wins over 呼和浩特.
        regionNames = names.sorted { $0.1.count > $1.1.count }
    }

    /// A quantity found in a document, whether or not a metric claimed it.
    public struct Found: Sendable {
        public var quantity: Quantity
        /// The quantity's span in the original text.
        public var originalRange: Range<Int>
        public var fact: Fact?
    }

    /// Quantities of `document` and the facts they give. Non-articles give quantities but no facts.
    public func extract(_ document: Document) -> [Found] {
        let text = NormalizedText(document.text)
        let quantities = scanner.scan(text.normalized)
        // The texts as scalar arrays, made only when a quantity may become a fact.
        var scalars: (normalized: [Unicode.Scalar], original: [Unicode.Scalar])?
        var out: [Found] = []
        out.reserveCapacity(quantities.count)
        for q in quantities {
            let originalRange = text.originalRange(of: q.start..<q.end)
            var found = Found(quantity: q, originalRange: originalRange, fact: nil)
            if document.isArticle, q.kind == .quantity, let value = q.value {
                if scalars == nil { scalars = (text.normalized.scalarArray(), document.text.scalarArray()) }
                found.fact = fact(for: q, value: value, in: scalars!.normalized, text: text, original: scalars!.original, document: document)
            }
            out.append(found)
        }
        return out
    }

    private func fact(
        for q: Quantity, value: ExactDecimal, in s: [Unicode.Scalar], text: NormalizedText,
        original: [Unicode.Scalar], document: Document
    ) -> Fact? {
        let sentence = Self.span(around: q.start..<q.end, in: s, ends: TextBoundaries.sentenceEnds)
        let clause = Self.span(around: q.start..<q.end, in: s, ends: TextBoundaries.clauseEnds)
        guard let metric = bestMetric(for: q, in: s, clause: clause) else { return nil }
        let resolver = PeriodResolver(policyStart: pipeline.policyStart, published: document.published)
        // The number of a programme named by its span and goal (三年十万) is that programme's target,
        // whatever the sentence reports about it.
        let programmeGoal = resolver.gluedProgrammeSpan(for: q, in: s, sentence: sentence) != nil
        let kind = programmeGoal ? .target : Self.kind(of: q, in: s, sentence: sentence, clause: clause)
        let period = resolver.period(for: q, kind: kind, in: s, sentence: sentence, clause: clause)
        let region = region(near: q, in: s, sentence: sentence, clause: clause) ?? pipeline.regions.defaultRegion

        let originalSentence = text.originalRange(of: sentence)
        let originalSpan = text.originalRange(of: q.start..<q.end)
        let sentenceText = String(String.UnicodeScalarView(original[originalSentence]))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let leading = original[originalSentence].prefix(while: NormalizedText.isWhitespace).count
        let inSentence = (originalSpan.lowerBound - originalSentence.lowerBound - leading)..<(originalSpan.upperBound - originalSentence.lowerBound - leading)
        let provenance = Provenance(
            file: document.path, contentHash: document.contentHash, published: document.published,
            title: document.title, url: document.url, sentence: sentenceText, spanInSentence: inSentence,
            offsets: originalSpan)
        return Fact(
            metric: metric.id, kind: kind, value: value, lower: q.lower, upper: q.upper, qualifier: q.qualifier,
            unit: metric.unit, unitAsWritten: q.unit, period: period, region: region, sources: [provenance])
    }

    /// The metric whose word stands nearest the quantity within its window, among those accepting its unit.
    private func bestMetric(for q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>) -> MetricDefinition? {
        var best: (MetricDefinition, Int)?
        for (metric, words) in metricWords where metric.unitClasses.contains(q.unitClass.rawValue) {
            for word in words {
                for hit in Self.occurrences(of: word, in: s, within: clause) {
                    // Distance between the word and the number's span, 0 when adjacent.
                    let distance = hit.upperBound <= q.start ? q.start - hit.upperBound
                        : hit.lowerBound >= q.end ? hit.lowerBound - q.end : 0
                    // A bare numeral (no counter) only counts when the word follows it at once: 十万大学生.
                    if q.unitClass == .none && !(hit.lowerBound >= q.end && distance <= 1) { continue }
                    guard distance <= metric.window else { continue }
                    if best == nil || distance < best!.1 { best = (metric, distance) }
                }
            }
        }
        return best?.0
    }

    /// A result when the nearest cue before the number reports one (已, 累计…) and no plan word stands
    /// between it and the number; a plan when the sentence announces one (计划, 将…); a result when the
    /// sentence reports one anywhere (…以来); a plan when it speaks of 今年 alone; otherwise a result (a
    /// number stated as a fact). A result word right after a plan word (力争完成) is part of the plan.
    static func kind(of q: Quantity, in s: [Unicode.Scalar], sentence: Range<Int>, clause: Range<Int>) -> Fact.Kind {
        let targetHits = TextCues.target.flatMap { occurrences(of: Array($0.unicodeScalars), in: s, within: sentence) }
        var achievementBefore = -1
        var achievementAnywhere = false
        for cue in TextCues.achievement {
            for hit in occurrences(of: Array(cue.unicodeScalars), in: s, within: sentence) {
                let planned = targetHits.contains { $0.upperBound <= hit.lowerBound && hit.lowerBound - $0.upperBound <= 2 }
                if planned { continue }
                achievementAnywhere = true
                if hit.upperBound <= q.start { achievementBefore = max(achievementBefore, hit.lowerBound) }
            }
        }
        let lastTargetBefore = targetHits.filter { $0.upperBound <= q.start }.map(\.lowerBound).max() ?? -1
        if achievementBefore >= 0, achievementBefore > lastTargetBefore { return .achievement }
        if targetHits.contains(where: { !TextCues.programmeWords.contains(String(String.UnicodeScalarView(s[$0]))) }) { return .target }
        if achievementAnywhere { return .achievement }
        if !targetHits.isEmpty || !occurrences(of: Array("今年".unicodeScalars), in: s, within: sentence).isEmpty { return .target }
        return .achievement
    }

    /// The region named nearest before the number in its clause, else in its sentence.
    private func region(near q: Quantity, in s: [Unicode.Scalar], sentence: Range<Int>, clause: Range<Int>) -> String? {
        for scope in [clause, sentence] {
            var best: (String, Int)?
            for (id, name) in regionNames {
                for hit in Self.occurrences(of: name, in: s, within: scope.lowerBound..<q.start) where best == nil || hit.lowerBound > best!.1 {
                    best = (id, hit.lowerBound)
                }
            }
            if let best { return best.0 }
        }
        return nil
    }

    // MARK: - Scanning helpers

    /// The span between the boundaries around `range`.
    static func span(around range: Range<Int>, in s: [Unicode.Scalar], ends: Set<Unicode.Scalar>) -> Range<Int> {
        var start = range.lowerBound
        while start > 0, !ends.contains(s[start - 1]) { start -= 1 }
        var end = range.upperBound
        while end < s.count, !ends.contains(s[end]) { end += 1 }
        return start..<end
    }

    /// Every occurrence of `word` lying inside `range`.
    static func occurrences(of word: [Unicode.Scalar], in s: [Unicode.Scalar], within range: Range<Int>) -> [Range<Int>] {
        guard !word.isEmpty, range.count >= word.count else { return [] }
        var hits: [Range<Int>] = []
        var i = range.lowerBound
        let last = range.upperBound - word.count
        while i <= last {
            if s[i] == word[0] {
                var j = 1
                while j < word.count, s[i + j] == word[j] { j += 1 }
                if j == word.count { hits.append(i..<(i + word.count)) }
            }
            i += 1
        }
        return hits
    }
}
