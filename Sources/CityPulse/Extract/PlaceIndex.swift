/// The pipeline's places as the fact rules find them in text: names and aliases (longest first), groups,
/// the words that stand for the document's own place (全市, 我省, 当地), and the place a document is about.
struct PlaceIndex: Sendable {
    /// A place found in text, or decided for a document, with the rule that found it.
    struct Hit: Sendable {
        var id: String
        /// Where the words stand in the text searched (nil when they come from the title).
        var range: Range<Int>?
        var rule: String
        var cue: String
    }

    private let names: [(id: String, name: [Unicode.Scalar])]
    /// Names by their first scalar, longest first.
    private let byFirst: [Unicode.Scalar: [Int]]
    /// One bit per scalar of the Basic Multilingual Plane that starts a name: most scalars of a text
    /// start none, and are passed over without a dictionary look-up.
    private let startsName: [UInt64]
    private let parents: [String: String]
    /// The last scalars of each region's official name (市, 省, 区…), for 全市 and its kin.
    private let suffixes: [String: String]
    private let declared: Set<String>

    init(_ gazetteer: Gazetteer) {
        var names: [(String, [Unicode.Scalar])] = []
        var parents: [String: String] = [:]
        var suffixes: [String: String] = [:]
        // Names are matched in folded text, so they are folded too (a gazetteer may write 鄭州市).
        func folded(_ n: String) -> [Unicode.Scalar] { NormalizedText(n).normalized.scalarArray() }
        for r in gazetteer.regions {
            for n in [r.name] + r.aliases where !folded(n).isEmpty { names.append((r.id, folded(n))) }
            if let p = r.parent { parents[r.id] = p }
            suffixes[r.id] = NormalizedText(r.name).normalized
        }
        for g in gazetteer.groups {
            for n in g.names where !folded(n).isEmpty { names.append((g.id, folded(n))) }
        }
        names.sort { $0.1.count > $1.1.count }
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        for (i, n) in names.enumerated() { byFirst[n.1[0], default: []].append(i) }
        var bits = [UInt64](repeating: 0, count: 1024)
        for first in byFirst.keys where first.value < 0x10000 { bits[Int(first.value >> 6)] |= 1 << (first.value & 63) }
        self.names = names
        self.byFirst = byFirst
        startsName = bits
        self.parents = parents
        self.suffixes = suffixes
        declared = Set(names.map { String(String.UnicodeScalarView($0.1)) })
    }

    /// Places of the gazetteer named inside `range`, left to right, the longest name at each position.
    /// A dateline (本报北京1月19日电, 德阳讯) names where a report was filed, not what it counts, and is
    /// left out.
    func hits(in s: [Unicode.Scalar], within range: Range<Int>) -> [Hit] {
        var out: [Hit] = []
        let range = range.clamped(to: 0..<s.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let v = s[i].value
            if v < 0x10000, startsName[Int(v >> 6)] & (1 << (v & 63)) == 0 {
                i += 1
                continue
            }
            var matched = 0
            for k in byFirst[s[i]] ?? [] {
                let n = names[k].name
                guard i + n.count <= range.upperBound else { continue }
                var j = 1
                while j < n.count, s[i + j] == n[j] { j += 1 }
                if j == n.count {
                    if n.count == 2, Self.isStraddled(s, i..<(i + 2)) { continue }
                    if !Self.isDateline(s, after: i + n.count) {
                        out.append(Hit(id: names[k].id, range: i..<(i + n.count), rule: "place named", cue: String(String.UnicodeScalarView(n))))
                    }
                    matched = n.count
                    break
                }
            }
            i += max(matched, 1)
        }
        return out
    }

    /// A two-scalar name whose first scalar closes a word before it and whose last opens a word after
    /// it is no name: 其中|国家 holds 中国.
    private static func isStraddled(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.lowerBound > 0, r.upperBound < s.count else { return false }
        let before = String(String.UnicodeScalarView([s[r.lowerBound - 1], s[r.lowerBound]]))
        let after = String(String.UnicodeScalarView([s[r.upperBound - 1], s[r.upperBound]]))
        return TextCues.commonWords.contains(before) && TextCues.commonWords.contains(after)
    }

    /// A name followed by a date and 电, or by 讯 or 电 at once, opens a dateline.
    private static func isDateline(_ s: [Unicode.Scalar], after end: Int) -> Bool {
        var k = end
        while k < s.count, k - end < 8, ScalarText.isDigit(s[k]) || s[k] == "月" || s[k] == "日" || s[k] == " " { k += 1 }
        return k < s.count && (s[k] == "电" || s[k] == "讯")
    }

    /// The place nearest before `position` inside `scope`: a name of the gazetteer, or a word such as
    /// 全市 or 我省 standing for the document's own place at that level. A name after 从 or 自 is where
    /// something came from (从全国各地引进) and is passed over, and so is a name inside 《…》, which
    /// titles a paper or a plan (《中国组织人事报》报道).
    func nearest(before position: Int, in s: [Unicode.Scalar], scope: Range<Int>, document: Hit?) -> Hit? {
        let range = scope.lowerBound..<min(position, scope.upperBound)
        guard !range.isEmpty else { return nil }
        var best: Hit?
        for hit in hits(in: s, within: range) where !isSource(hit.range!, in: s) && !ScalarText.isInsideTitle(hit.range!, in: s, from: scope.lowerBound) {
            if best == nil || hit.range!.lowerBound > best!.range!.lowerBound { best = hit }
        }
        for (word, levels) in TextCues.scopeWords where !declared.contains(word) {
            guard let r = ScalarText.occurrences(of: word, in: s, within: range).last,
                  best == nil || r.lowerBound > best!.range!.lowerBound,
                  let id = own(levels, of: document) else { continue }
            best = Hit(id: id, range: r, rule: "the document's own place (\(word))", cue: word)
        }
        return best
    }

    private func isSource(_ r: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
        r.lowerBound > 0 && TextCues.sourceMarkers.contains(s[r.lowerBound - 1])
    }

    /// The document's place, or its nearest ancestor whose official name ends with one of `levels`.
    private func own(_ levels: [String], of document: Hit?) -> String? {
        guard let document else { return nil }
        if levels.isEmpty { return document.id }
        var id: String? = document.id
        var seen = 0
        while let current = id, seen < 32 {
            if let name = suffixes[current], levels.contains(where: { name.hasSuffix($0) }) { return current }
            id = parents[current]
            seen += 1
        }
        return nil
    }

    /// Whether `id` lies below `ancestor` in the gazetteer.
    func isBelow(_ id: String, _ ancestor: String) -> Bool {
        var current = parents[id]
        var seen = 0
        while let c = current, seen < 32 {
            if c == ancestor { return true }
            current = parents[c]
            seen += 1
        }
        return false
    }

    /// The place a document is about: the most specific place its title names, else its first
    /// paragraph, else the place its text names most often; places that head an item of a breakdown
    /// (东区9个) are parts, not the subject.
    func documentPlace(title: [Unicode.Scalar], text s: [Unicode.Scalar]) -> Hit? {
        if var hit = mostSpecific(hits(in: title, within: 0..<title.count)) {
            hit.range = nil
            hit.rule = "the place the title names"
            return hit
        }
        let firstEnd = s.firstIndex(of: "\n") ?? s.count
        // A place with its own number right after it (东区9个) is an item of a breakdown, not the subject.
        let all = hits(in: s, within: 0..<s.count).filter { h in
            !(h.range!.upperBound < s.count && (ScalarText.isDigit(s[h.range!.upperBound]) || PeriodResolver.smallNumber(s[h.range!.upperBound]) != nil))
        }
        if var hit = mostSpecific(all.filter { $0.range!.upperBound <= firstEnd }) {
            hit.rule = "the place the first paragraph names"
            return hit
        }
        var counts: [String: Int] = [:]
        for h in all { counts[h.id, default: 0] += 1 }
        guard let top = counts.values.max() else { return nil }
        guard var hit = all.first(where: { counts[$0.id] == top }) else { return nil }
        hit.rule = "the place the text names most often"
        return hit
    }

    /// The first hit, replaced by any later one lying below it (湖北…武汉 → 武汉).
    private func mostSpecific(_ hits: [Hit]) -> Hit? {
        guard var best = hits.first else { return nil }
        for h in hits.dropFirst() where isBelow(h.id, best.id) { best = h }
        return best
    }

    /// Whether `r` holds only a name of a place, declared or not (甲区, 东城区): ideographs ending in a
    /// suffix such as 区, 县 or 市.
    static func isPlaceLike(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.count >= 2, r.count <= 8, r.upperBound <= s.count, TextCues.placeSuffixes.contains(s[r.upperBound - 1]) else { return false }
        guard s[r].allSatisfy(ScalarText.isIdeograph) else { return false }
        let text = String(String.UnicodeScalarView(s[r]))
        return !TextCues.notPlaces.contains { text.hasSuffix($0) }
    }
}
