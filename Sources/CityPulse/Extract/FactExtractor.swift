import CityPulseQuantities

/// Turns a document's quantities into facts with the pipeline's metric rules.
///
/// A quantity becomes a fact of a metric when one of the metric's words claims it (`MetricMatcher`),
/// or when it continues a fact before it in the same sentence: a breakdown by place (其中甲区9个、乙区7个),
/// the same verb repeated with its object left out (2021年招引48.3万人), or the goal restated
/// (完成年目标任务12500人). Kind, period and region are read from the sentence, the sentences it
/// continues, its paragraph and the document (`KindResolver`, `PeriodResolver`, `PlaceIndex`). A number
/// after 各 or 分别 is one fact for each place listed before it; with no such list it counts per unit
/// and is no fact.
public struct FactExtractor: Sendable {
    public let pipeline: PipelineDefinition
    private let scanner = QuantityScanner()
    private let matcher: MetricMatcher
    private let places: PlaceIndex

    public init(pipeline: PipelineDefinition) {
        self.pipeline = pipeline
        matcher = MetricMatcher(metrics: pipeline.metrics)
        places = PlaceIndex(pipeline.regions)
    }

    /// A quantity found in a document, and the facts it gives (none when no metric claims it).
    public struct Found: Sendable {
        public var quantity: Quantity
        /// The quantity's span in the original text.
        public var originalRange: Range<Int>
        public var claims: [Claim]
        /// The facts of this quantity: one, or one per place a list distributes it over.
        public var facts: [Fact] { claims.map(\.fact) }
    }

    /// A fact and why it got its metric, kind, period and region.
    public struct Claim: Sendable {
        public var fact: Fact
        public var reasons: FactReasons
    }

    /// Quantities of `document` and the facts they give. Non-articles give quantities but no facts.
    public func extract(_ document: Document) -> [Found] {
        let text = NormalizedText(document.text)
        let quantities = scanner.scan(text.normalized)
        var out = quantities.map { q in Found(quantity: q, originalRange: text.originalRange(of: q.start..<q.end), claims: []) }
        guard document.isArticle, !matcher.isEmpty, quantities.contains(where: Self.isCandidate) else { return out }

        let s = text.normalized.scalarArray()
        let title = NormalizedText(document.title ?? "").normalized.scalarArray()
        let context = TextContext(s: s, title: title, published: document.published, policyStart: pipeline.policyStart, places: places)
        var claimed: [Int: MetricMatcher.Claim] = [:]
        var withoutFlow: [Int: MetricMatcher.Claim] = [:]
        for (i, q) in quantities.enumerated() where Self.isCandidate(q) {
            guard let c = matcher.match(q, in: s, clause: context.clause(around: q.start..<q.end), quantities: quantities) else { continue }
            if c.withoutFlow { withoutFlow[i] = c } else { claimed[i] = c }
        }
        // 引进各类人才2.1万人，其中高层次人才300余人: a part of a flow is a flow. (城镇新增劳动力1400万人，
        // 其中高校毕业生909万人 is part of no fact.)
        for i in withoutFlow.keys.sorted() {
            let q = quantities[i]
            let clause = context.clause(around: q.start..<q.end)
            guard context.opensWithContinuation(clause),
                  let prior = (0..<i).last(where: { Self.isCandidate(quantities[$0]) && quantities[$0].unitClass == q.unitClass }),
                  quantities[prior].start >= context.sentence(around: q.start..<q.end).lowerBound,
                  claimed[prior]?.metric.id == withoutFlow[i]!.metric.id else { continue }
            claimed[i] = withoutFlow[i]
        }
        for (i, q) in quantities.enumerated() where Self.isCandidate(q) && claimed[i] == nil {
            if let c = inherited(q, at: i, quantities: quantities, claimed: claimed, context: context) { claimed[i] = c }
        }
        let original = document.text.scalarArray()
        for i in claimed.keys.sorted() {
            out[i].claims = facts(for: quantities[i], claim: claimed[i]!, quantities: quantities, claimed: claimed,
                                  context: context, text: text, original: original, document: document)
        }
        return out
    }

    private static func isCandidate(_ q: Quantity) -> Bool { q.kind == .quantity && q.value != nil }

    // MARK: - Facts that continue the one before

    /// The claim a quantity with no metric word of its own takes from the fact before it in its sentence.
    private func inherited(
        _ q: Quantity, at index: Int, quantities: [Quantity], claimed: [Int: MetricMatcher.Claim], context: TextContext
    ) -> MetricMatcher.Claim? {
        let s = context.s
        let sentence = context.sentence(around: q.start..<q.end)
        // The fact continued is the count of the same kind right before this one in the sentence.
        guard let prior = (0..<index).last(where: { Self.isCandidate(quantities[$0]) && quantities[$0].unitClass == q.unitClass }),
              quantities[prior].start >= sentence.lowerBound,
              let claim = claimed[prior], claim.metric.unitClasses.contains(q.unitClass.rawValue), q.unitClass != .none else { return nil }
        // 建成50个众创空间；培育100个研究中心: a number followed by a noun of its own counts that noun.
        var after = q.end
        while after < sentence.upperBound, TextCues.boundAfterNumber.contains(s[after]) || s[after] == "的" { after += 1 }
        if after < sentence.upperBound, ScalarText.isIdeograph(s[after]), !matcher.hasMetricWord(touching: after, in: s) { return nil }
        let clause = context.clause(around: q.start..<q.end)
        var item = clause.lowerBound
        var k = q.start
        while k > clause.lowerBound { if TextBoundaries.listMarks.contains(s[k - 1]) { item = k; break }; k -= 1 }
        var from = item
        while from < q.start, s[from] == " " { from += 1 }
        var continued = false
        for w in TextCues.continuations where ScalarText.hasWord(w, in: s, at: from) {
            from += w.unicodeScalars.count
            continued = true
        }
        let itemRange = from..<q.start
        // A breakdown opens with 其中 (its items follow in the clause), distributes with 各 or 分别, or
        // names declared places only.
        let opened = continued || context.opensWithContinuation(clause)
            || s[itemRange].contains("各") || !ScalarText.occurrences(of: "分别", in: s, within: itemRange).isEmpty

        // 新建众创空间3家、5家: a bare number listed right after the fact before it.
        if itemRange.isEmpty, item > clause.lowerBound, item - 1 == quantities[prior].end {
            return MetricMatcher.Claim(metric: claim.metric, word: claim.word, rule: "a number listed with the fact before it")
        }
        if !itemRange.isEmpty, isPlaceList(itemRange, in: s, declaredOnly: !opened) {
            return MetricMatcher.Claim(metric: claim.metric, word: claim.word, rule: "a breakdown by place of the fact before it")
        }
        let bare = strippingTime(itemRange, in: s, published: context.published)
        // 新增众创空间5家，累计达到42家; 已建成25家，今年还将新建10家: only verbs of coming, opening or
        // reaching before the number, its noun left out.
        if !bare.isEmpty, q.unit == quantities[prior].unit, isOnlyVerbs(bare, in: s) {
            return MetricMatcher.Claim(metric: claim.metric, word: claim.word, rule: "the count of the fact before it, its noun left out")
        }
        // 2021年招引48.3万人 after 杭州招引…大学生43.6万人; 计划年底前再开放8处 after 已开放夜市12处. A
        // verb of coming or opening may stand right before the earlier word (开放夜市) and after other
        // words here; any other pair must stand apart from the earlier word (not 科技企业|孵化器 and
        // 在孵企业) and make up nearly all the words before the number.
        if bare.count >= 2 {
            let verb = Array(s[(bare.upperBound - 2)..<bare.upperBound])
            let isFlowVerb = TextCues.flow.contains(String(String.UnicodeScalarView(verb)))
            let priorClause = context.clause(around: quantities[prior].start..<quantities[prior].end)
            let priorHits = ScalarText.occurrences(of: verb, in: s, within: priorClause.lowerBound..<quantities[prior].start)
            if bare.count <= 4 || isFlowVerb, verb.allSatisfy(ScalarText.isIdeograph),
               priorHits.contains(where: { hit in
                   !hit.overlaps(claim.word)
                       && (isFlowVerb || !(matcher.hasMetricWord(touching: hit.upperBound, in: s) || matcher.hasMetricWord(touching: hit.lowerBound, in: s)))
               }) {
                return MetricMatcher.Claim(metric: claim.metric, word: claim.word, rule: "the verb of the fact before it, repeated")
            }
        }
        // 引进优秀教师164名、高层次医疗专业技术人员41名: objects listed under the verb that claimed the first.
        if item > clause.lowerBound, item - 1 == quantities[prior].end, claim.word.upperBound + 1 < quantities[prior].start,
           claim.word.lowerBound >= clause.lowerBound,
           !s[claim.word.upperBound..<quantities[prior].start].contains(where: TextBoundaries.listMarks.contains),
           !TextCues.flow.contains(where: { !ScalarText.occurrences(of: $0, in: s, within: itemRange).isEmpty }),
           !matcher.mentionsAnyMetric(in: s, within: itemRange) {
            return MetricMatcher.Claim(metric: claim.metric, word: claim.word, rule: "an object listed under the verb of the fact before it")
        }
        // 建成品质类便民生活圈20个、基本保障类43个: kinds of the same thing listed, each named by its class.
        if item > clause.lowerBound, item - 1 == quantities[prior].end, !itemRange.isEmpty, q.unit == quantities[prior].unit,
           case let mark = s[itemRange.upperBound - 1], TextCues.classSuffixes.contains(mark),
           claim.word.lowerBound > 0, s[claim.word.lowerBound - 1] == mark {
            return MetricMatcher.Claim(metric: claim.metric, word: claim.word, rule: "a kind of the fact before it, listed by its class")
        }
        if q.unit == quantities[prior].unit, q.unitClass == quantities[prior].unitClass,
           TextCues.goalNouns.contains(where: { ScalarText.hasWord($0, in: s, endingAt: q.start) }) {
            return MetricMatcher.Claim(metric: claim.metric, word: claim.word, rule: "the goal restated for the fact before it")
        }
        return nil
    }

    /// Whether `r` holds only places (declared or place-like names), list marks and list verbs: 甲区,
    /// 东区、西区各, 武汉和郑州分别.
    private func isPlaceList(_ r: Range<Int>, in s: [Unicode.Scalar], declaredOnly: Bool) -> Bool {
        var covered = [Bool](repeating: false, count: r.count)
        var places = 0
        for h in self.places.hits(in: s, within: r) {
            for k in h.range! { covered[k - r.lowerBound] = true }
            places += 1
        }
        for w in TextCues.listVerbs + ["和", "及", "与", "、", " "] {
            for h in ScalarText.occurrences(of: w, in: s, within: r) { for k in h { covered[k - r.lowerBound] = true } }
        }
        var k = 0
        while k < covered.count {
            if covered[k] { k += 1; continue }
            var e = k
            while e < covered.count, !covered[e] { e += 1 }
            guard !declaredOnly, PlaceIndex.isPlaceLike(s, (r.lowerBound + k)..<(r.lowerBound + e)) else { return false }
            places += 1
            k = e
        }
        return places > 0
    }

    /// Whether `r` holds only verbs of coming, opening or reaching, plan words and adverbs (累计达到,
    /// 还将新建), at least one of them a verb.
    private func isOnlyVerbs(_ r: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
        var covered = [Bool](repeating: false, count: r.count)
        var verbs = 0
        for (words, isVerb) in [(TextCues.flow + TextCues.achievement + TextCues.reaching, true), (TextCues.target + TextCues.adverbs, false)] {
            for w in words {
                for h in ScalarText.occurrences(of: w, in: s, within: r) where !covered[h.lowerBound - r.lowerBound] {
                    for k in h { covered[k - r.lowerBound] = true }
                    if isVerb { verbs += 1 }
                }
            }
        }
        return verbs > 0 && covered.allSatisfy { $0 }
    }

    /// `r` without the time words and adverbs that open it (2021年, 三年合计, 当年, 截至11月底).
    private func strippingTime(_ r: Range<Int>, in s: [Unicode.Scalar], published: Day?) -> Range<Int> {
        var from = r.lowerBound
        // The publication date lets a month without its year (11月底) be read as a time word.
        let cues = PeriodResolver(policyStart: pipeline.policyStart, published: published).cues(in: s, r)
        var moved = true
        while moved, from < r.upperBound {
            moved = false
            // 截至11月底: the date's cue starts after its marker.
            let marker = PeriodResolver.untilMarkers.first { ScalarText.hasWord($0, in: s, at: from) }.map { $0.unicodeScalars.count } ?? 0
            if let c = cues.first(where: { $0.range.lowerBound == from || (marker > 0 && $0.range.lowerBound == from + marker) }) {
                from = c.range.upperBound
                moved = true
            }
            for w in TextCues.ellipsisFillers where ScalarText.hasWord(w, in: s, at: from) && from + w.unicodeScalars.count <= r.upperBound {
                from += w.unicodeScalars.count
                moved = true
                break
            }
            while from < r.upperBound, s[from] == " " || s[from] == "," || s[from] == "，" { from += 1; moved = true }
        }
        return from..<r.upperBound
    }

    // MARK: - Building facts

    private func facts(
        for q: Quantity, claim: MetricMatcher.Claim, quantities: [Quantity], claimed: [Int: MetricMatcher.Claim],
        context: TextContext, text: NormalizedText, original: [Unicode.Scalar], document: Document
    ) -> [Claim] {
        let s = context.s
        let sentence = context.sentence(around: q.start..<q.end)
        let clause = context.clause(around: q.start..<q.end)
        let paragraph = context.paragraph(around: q.start..<q.end)
        let resolver = PeriodResolver(policyStart: pipeline.policyStart, published: document.published)
        let kinds = KindResolver(published: document.published, headlinePlan: context.headlinePlan)

        let scope = resolver.scope(for: q, in: s, sentence: sentence, clause: clause, paragraph: paragraph)
        let kind: Decision<Fact.Kind>
        if let glued = scope.glued {
            kind = Decision(value: .target, rule: scope.rule, cue: glued.cue)
        } else {
            // The kind reads the period as a plan's (unclamped); the period then follows the kind.
            kind = kinds.kind(of: q, in: s, sentence: sentence, clause: clause, period: resolver.period(scope, kind: .target, in: s).value)
        }
        let period = resolver.period(scope, kind: kind.value, in: s)

        let regions: [Decision<String?>]
        switch distribution(of: q, in: s, clause: clause, sentence: sentence, quantities: quantities, claimed: claimed) {
        case .none: regions = [region(near: q, in: s, sentence: sentence, clause: clause, context: context)]
        case .perUnit: return []
        case .places(let list): regions = list
        }

        let originalSentence = text.originalRange(of: sentence.lowerBound..<sentence.upperBound)
        let originalSpan = text.originalRange(of: q.start..<q.end)
        let leading = original[originalSentence].prefix(while: NormalizedText.isWhitespace).count
        let sentenceText = String(String.UnicodeScalarView(original[originalSentence])).trimmingCharacters(in: .whitespacesAndNewlines)
        let inSentence = (originalSpan.lowerBound - originalSentence.lowerBound - leading)..<(originalSpan.upperBound - originalSentence.lowerBound - leading)
        let provenance = Provenance(
            file: document.path, contentHash: document.contentHash, published: document.published,
            title: document.title, url: document.url, sentence: sentenceText, spanInSentence: inSentence, offsets: originalSpan)

        func reason<T>(_ d: Decision<T>) -> FactReasons.Reason {
            guard let cue = d.cue else { return FactReasons.Reason(rule: d.rule) }
            let span = text.originalRange(of: cue)
            return FactReasons.Reason(rule: d.rule, cue: String(String.UnicodeScalarView(original[span])), span: span)
        }
        return regions.map { region in
            let fact = Fact(
                metric: claim.metric.id, kind: kind.value, value: q.value!, lower: q.lower, upper: q.upper, qualifier: q.qualifier,
                unit: claim.metric.unit, unitAsWritten: q.unit, period: period.value, region: region.value ?? pipeline.regions.defaultRegion,
                sources: [provenance])
            var regionReason = reason(region)
            if region.value == nil { regionReason.rule = "the pipeline's default region" }
            let reasons = FactReasons(
                metric: reason(Decision(value: (), rule: claim.rule, cue: claim.word)), kind: reason(kind),
                period: reason(period), region: regionReason)
            return Claim(fact: fact, reasons: reasons)
        }
    }

    /// The place nearest before the number in its clause, else in its sentence (and the sentences it
    /// continues); else the document's place.
    private func region(near q: Quantity, in s: [Unicode.Scalar], sentence: Range<Int>, clause: Range<Int>, context: TextContext) -> Decision<String?> {
        for (scope, where_) in [(clause, "in its clause"), (sentence, "in its sentence")] {
            if let hit = places.nearest(before: q.start, in: s, scope: scope, document: context.documentPlace) {
                let rule = hit.rule == "place named" ? "the place named before the number \(where_)" : "\(hit.rule) before the number \(where_)"
                return Decision(value: hit.id, rule: rule, cue: hit.range)
            }
        }
        // A place-like name not in the gazetteer heading a breakdown (其中甲区9个).
        if let name = placeLikeName(before: q, in: s, clause: clause) {
            return Decision(value: context.text(name), rule: "a place not in the gazetteer, named as written", cue: name)
        }
        if let doc = context.documentPlace {
            return Decision(value: doc.id, rule: "\(doc.rule): \(doc.cue)", cue: doc.range)
        }
        return Decision(value: nil, rule: "the pipeline's default region", cue: nil)
    }

    /// The place-like name that opens the number's own list item (甲区 in 其中甲区9个、乙区7个).
    private func placeLikeName(before q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>) -> Range<Int>? {
        var start = q.start
        while start > clause.lowerBound, ScalarText.isIdeograph(s[start - 1]), q.start - start < 10 { start -= 1 }
        // The name must open the number's list item: the clause's start or a list mark.
        guard start == clause.lowerBound || TextBoundaries.listMarks.contains(s[start - 1]) else { return nil }
        var r = start..<q.start
        for w in TextCues.continuations where ScalarText.hasWord(w, in: s, at: r.lowerBound) {
            r = (r.lowerBound + w.unicodeScalars.count)..<r.upperBound
        }
        while r.count >= 2, !PlaceIndex.isPlaceLike(s, r), r.upperBound > r.lowerBound {
            // 东区各: the place ends before a list verb.
            guard let v = TextCues.listVerbs.first(where: { ScalarText.hasWord($0, in: s, endingAt: r.upperBound) }) else { break }
            r = r.lowerBound..<(r.upperBound - v.unicodeScalars.count)
        }
        return PlaceIndex.isPlaceLike(s, r) ? r : nil
    }

    // MARK: - 各 and 分别

    private enum Distribution {
        case none
        /// 市四区分别打造1家: a count per unit over a group; the total is not stated.
        case perUnit
        case places([Decision<String?>])
    }

    /// A number after 各 goes to every place listed right before 各; numbers after 分别 go to the places
    /// before it one by one, when there are as many of each. 各 or 分别 after a single place or a group
    /// (市四区分别打造1家) makes a count per unit, whose total is not stated.
    private func distribution(
        of q: Quantity, in s: [Unicode.Scalar], clause: Range<Int>, sentence: Range<Int>, quantities: [Quantity], claimed: [Int: MetricMatcher.Claim]
    ) -> Distribution {
        // 东区、西区各2家, 东区、西区各新建众创空间2家: 各 right after the places.
        for ge in ScalarText.occurrences(of: "各", in: s, within: clause.lowerBound..<q.start).reversed()
        where ge.upperBound < s.count && !TextCues.eachDeterminers.contains(s[ge.upperBound]) {
            let list = placeList(endingAt: ge.lowerBound, in: s, from: clause.lowerBound)
            if list.isEmpty { continue }
            if list.count < 2 { return .perUnit }
            return .places(list.map { Decision(value: Optional($0.0), rule: "各 gives the number to each place listed before it", cue: $0.1) })
        }
        guard let fen = ScalarText.occurrences(of: "分别", in: s, within: sentence.lowerBound..<q.start).last else { return .none }
        let list = placeList(endingAt: fen.lowerBound, in: s, from: TextContext.span(around: fen, in: s, ends: TextBoundaries.clauseEnds).lowerBound)
        if list.count < 2 { return list.count == 1 && isOnlyQuantityAfter(fen, q, quantities, claimed) ? .perUnit : .none }
        let after = claimed.keys.sorted().filter { quantities[$0].start > fen.upperBound && quantities[$0].start < sentence.upperBound }
        guard after.count == list.count, let k = after.firstIndex(where: { quantities[$0].start == q.start }) else { return .none }
        return .places([Decision(value: Optional(list[k].0), rule: "分别 pairs the numbers with the places listed before it", cue: list[k].1)])
    }

    private func isOnlyQuantityAfter(_ fen: Range<Int>, _ q: Quantity, _ quantities: [Quantity], _ claimed: [Int: MetricMatcher.Claim]) -> Bool {
        claimed.keys.filter { quantities[$0].start > fen.upperBound }.map { quantities[$0].start }.min() == q.start
    }

    /// The places listed right before `end` (东区、西区, 武汉和郑州), in order: declared places by id,
    /// other place-like names as written.
    private func placeList(endingAt end: Int, in s: [Unicode.Scalar], from start: Int) -> [(String, Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var i = end
        while i > start {
            if !out.isEmpty {
                // Items are joined by a list mark or a conjunction; 甲市东区 is one place, not two.
                guard s[i - 1] == "、" || s[i - 1] == "和" || s[i - 1] == "及" || s[i - 1] == "与" else { break }
                i -= 1
            }
            while i > start, s[i - 1] == " " { i -= 1 }
            if let hit = places.hits(in: s, within: max(start, i - 10)..<i).last, hit.range!.upperBound == i {
                out.insert((hit.id, hit.range!), at: 0)
                i = hit.range!.lowerBound
                continue
            }
            var k = i
            while k > start, ScalarText.isIdeograph(s[k - 1]), i - k < 8, !"、和及与".unicodeScalars.contains(s[k - 1]) { k -= 1 }
            // The shortest place-like name ending at i (全市东区 → 东区 is not split; take the whole run if it is one).
            guard k < i, PlaceIndex.isPlaceLike(s, k..<i) else { break }
            out.insert((String(String.UnicodeScalarView(s[k..<i])), k..<i), at: 0)
            i = k
        }
        return out
    }
}
