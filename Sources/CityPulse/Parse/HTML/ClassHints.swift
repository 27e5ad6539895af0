/// What an element's class and id say about it: article body (content, article, main…) or page
/// chrome (nav, footer, sidebar, comment, share, related…). Matching works on lowercase bytes.
enum ClassHints {
    static let positive = WordSet([
        "article", "content", "main", "body", "text", "entry", "post", "story", "detail", "zhengwen", "artical",
        "article_content", "con_", "news", "wenzhang", "blog", "column",
    ])

    static let negative = WordSet([
        "nav", "footer", "foot", "sidebar", "side", "comment", "share", "related", "relate", "recommend", "banner",
        "menu", "breadcrumb", "crumb", "ad-", "ads", "advert", "sponsor", "social", "popup", "copyright", "login",
        "toolbar", "tool", "hot", "rank", "tag", "pager", "pagination", "subscribe", "qrcode", "weixin", "widget",
        "header", "top", "bottom", "link", "more", "right", "left", "list", "guide", "print", "logo", "search",
        "jubao", "dibu", "corr", "xgyd", "hotnews",
    ])

    /// Readability's "unlikely candidate" words: blocks with them are not article text unless a
    /// positive word is also present.
    static let unlikely = WordSet([
        "-ad-", "banner", "breadcrumb", "combx", "comment", "community", "disqus", "extra", "footer", "gdpr",
        "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
        "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "share",
        "recommend", "copyright", "nav", "footer", "qrcode", "hotnews", "xgyd", "corr",
    ])

    static let maybe = WordSet(["and", "article", "body", "column", "content", "main", "shadow", "text", "detail"])

    /// +25 per positive, -25 per negative (class and id each).
    static func weight(_ tree: MarkupTree, _ index: Int) -> Int {
        var w = 0
        for key in [AttributeKey.class, .id] {
            guard let value = tree.attributeSlice(key, of: index), !value.isEmpty else { continue }
            if contains(value, any: negative) { w -= 25 }
            if contains(value, any: positive) { w += 25 }
        }
        return w
    }

    /// Page chrome by name: an unlikely word and no saving word, on an element that is not the body.
    static func isUnlikely(_ tree: MarkupTree, _ index: Int) -> Bool {
        let tag = tree.nodes[index].tag
        if tag == .body || tag == .html || tag == .a || tag == .article || tag == .main { return false }
        if tag == .nav || tag == .footer || tag == .aside { return true }
        var hit = false
        for key in [AttributeKey.class, .id] {
            guard let value = tree.attributeSlice(key, of: index), !value.isEmpty else { continue }
            if contains(value, any: maybe) { return false }
            if contains(value, any: unlikely) { hit = true }
        }
        return hit
    }

    static func contains(_ haystack: ArraySlice<UInt8>, any words: WordSet) -> Bool {
        words.occurs(in: haystack)
    }

    /// Lowercase ASCII words, bucketed by their first byte, so one pass over a class or id value
    /// checks all of them (every element of a page is checked several times); a bitmap of first bytes
    /// passes over the bytes no word starts with.
    struct WordSet: Sendable {
        let words: [[UInt8]]
        private let buckets: [[Int]]
        /// First bytes of the words: bit `b` of `low` for bytes below 64, bit `b - 64` of `high` up to 127.
        private let low: UInt64
        private let high: UInt64

        init(_ list: [String]) {
            words = list.map { Array($0.lowercased().utf8) }
            var buckets = [[Int]](repeating: [], count: 256)
            var low: UInt64 = 0, high: UInt64 = 0
            for (k, w) in words.enumerated() where !w.isEmpty {
                buckets[Int(w[0])].append(k)
                precondition(w[0] < 0x80, "class words are ASCII")
                if w[0] < 64 { low |= 1 << UInt64(w[0]) } else { high |= 1 << UInt64(w[0] - 64) }
            }
            self.buckets = buckets
            self.low = low
            self.high = high
        }

        func occurs(in haystack: ArraySlice<UInt8>) -> Bool {
            haystack.withUnsafeBufferPointer { h in
                let end = h.count
                var i = 0
                while i < end {
                    let b = h[i]
                    let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                    i += 1
                    guard lower < 0x80, (lower < 64 ? low >> UInt64(lower) : high >> UInt64(lower - 64)) & 1 != 0 else { continue }
                    for k in buckets[Int(lower)] {
                        let w = words[k]
                        guard end - (i - 1) >= w.count else { continue }
                        var j = 1
                        while j < w.count {
                            let c = h[i - 1 + j]
                            if ((c >= 0x41 && c <= 0x5A) ? c | 0x20 : c) != w[j] { break }
                            j += 1
                        }
                        if j == w.count { return true }
                    }
                }
                return false
            }
        }
    }
}
