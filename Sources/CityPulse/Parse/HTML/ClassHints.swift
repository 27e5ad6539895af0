/// What an element's class and id say about it: article body (content, article, main…) or page
/// chrome (nav, footer, sidebar, comment, share, related…). Matching works on lowercase bytes.
enum ClassHints {
    static let positive: [[UInt8]] = [
        "article", "content", "main", "body", "text", "entry", "post", "story", "detail", "zhengwen", "artical",
        "article_content", "con_", "news", "wenzhang", "blog", "column",
    ].map { Array($0.utf8) }

    static let negative: [[UInt8]] = [
        "nav", "footer", "foot", "sidebar", "side", "comment", "share", "related", "relate", "recommend", "banner",
        "menu", "breadcrumb", "crumb", "ad-", "ads", "advert", "sponsor", "social", "popup", "copyright", "login",
        "toolbar", "tool", "hot", "rank", "tag", "pager", "pagination", "subscribe", "qrcode", "weixin", "widget",
        "header", "top", "bottom", "link", "more", "right", "left", "list", "guide", "print", "logo", "search",
        "jubao", "dibu", "corr", "xgyd", "hotnews",
    ].map { Array($0.utf8) }

    /// Readability's "unlikely candidate" words: blocks with them are not article text unless a
    /// positive word is also present.
    static let unlikely: [[UInt8]] = [
        "-ad-", "banner", "breadcrumb", "combx", "comment", "community", "disqus", "extra", "footer", "gdpr",
        "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
        "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "share",
        "recommend", "copyright", "nav", "footer", "qrcode", "hotnews", "xgyd", "corr",
    ].map { Array($0.utf8) }

    static let maybe: [[UInt8]] = ["and", "article", "body", "column", "content", "main", "shadow", "text", "detail"].map { Array($0.utf8) }

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

    static func contains(_ haystack: ArraySlice<UInt8>, any needles: [[UInt8]]) -> Bool {
        for needle in needles where contains(haystack, needle) { return true }
        return false
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard haystack.count >= n, n > 0 else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - n
        let first = needle[0]
        while i <= last {
            let b = haystack[i]
            let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            if lower == first {
                var j = 1
                while j < n {
                    let c = haystack[i + j]
                    let cl = (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c
                    if cl != needle[j] { break }
                    j += 1
                }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
