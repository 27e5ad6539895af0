/// What a page says about itself: title without the site suffix, publication day, site or source name,
/// author and responsible editor, canonical URL. Meta tags first, then the lines around the title and
/// the article body.
struct PageMetadata {
    var title: String?
    var published: Day?
    var site: String?
    var author: String?
    var editor: String?
    var url: String?

    init(tree: MarkupTree, mainRoots: [Int], mainText: String) {
        var metas: [String: String] = [:]
        var canonical: String?
        var titleText: String?
        var timeValue: String?
        var h1: Int?
        for i in tree.nodes.indices {
            let node = tree.nodes[i]
            switch node.tag {
            case .meta:
                guard let content = tree.attribute(.content, of: i) else { continue }
                for key in [AttributeKey.property, .name, .itemprop, .httpEquiv] {
                    if let k = tree.attribute(key, of: i)?.lowercased(), metas[k] == nil {
                        metas[k] = content.trimmingWhitespace()
                    }
                }
            case .link:
                if canonical == nil, let rel = tree.attribute(.rel, of: i), rel.lowercased() == "canonical" {
                    canonical = tree.attribute(.href, of: i)
                }
            case .title:
                if titleText == nil { titleText = tree.innerText(i).collapsingWhitespace() }
            case .time:
                if timeValue == nil { timeValue = tree.attribute(.datetime, of: i) ?? tree.innerText(i) }
            case .h1:
                if h1 == nil, !tree.innerText(i).collapsingWhitespace().isEmpty { h1 = i }
            default:
                if node.isText == false, let prop = tree.attribute(.itemprop, of: i)?.lowercased(), prop == "datepublished", metas["datepublished"] == nil {
                    metas["datepublished"] = tree.attribute(.datetime, of: i) ?? tree.attribute(.content, of: i) ?? tree.innerText(i)
                }
            }
        }

        // Title: the heading when the <title> contains it, else the <title> without its suffix.
        let heading = h1.map { tree.innerText($0).collapsingWhitespace() }
        let rawTitle = titleText.flatMap { $0.isEmpty ? nil : $0 } ?? metas["og:title"]
        if let heading, heading.unicodeScalars.count >= 4, let rawTitle, rawTitle.contains(heading) {
            title = heading
        } else if let rawTitle {
            title = PageMetadata.stripSiteSuffix(rawTitle)
        } else if let heading, !heading.isEmpty {
            title = heading
        } else if let og = metas["og:title"] {
            title = PageMetadata.stripSiteSuffix(og)
        }

        // The lines around the title and the article: date line, 来源, 记者, 责任编辑.
        let nearby = PageMetadata.nearbyText(tree: tree, from: h1 ?? mainRoots.first, roots: mainRoots)

        for key in ["article:published_time", "og:article:published_time", "og:published_time", "pubdate", "publishdate",
                    "publish_date", "publishtime", "datepublished", "og:release_date", "dc.date.issued", "dc.date",
                    "weibo:article:create_at", "article:published", "date", "sailthru.date", "parsely-pub-date"] {
            if let value = metas[key], let day = DateFinder.firstDay(in: value) {
                published = day
                break
            }
        }
        if published == nil, let timeValue { published = DateFinder.firstDay(in: timeValue) }
        if published == nil { published = DateFinder.firstDay(in: nearby.header) }
        if published == nil, let u = canonical ?? metas["og:url"] { published = DateFinder.dayInURL(u) }

        site = metas["og:site_name"].flatMap { $0.isEmpty ? nil : $0 }
            ?? BylineFinder.source(in: nearby.header)
            ?? BylineFinder.source(in: nearby.footer)
            ?? titleText.flatMap(PageMetadata.siteSuffix)

        author = BylineFinder.reporter(in: nearby.header) ?? BylineFinder.reporter(in: mainText)
            ?? BylineFinder.reporter(in: nearby.footer)
            ?? metas["author"].flatMap { $0.isEmpty || $0.hasPrefix("http") ? nil : $0 }
        editor = BylineFinder.editor(in: nearby.footer) ?? BylineFinder.editor(in: mainText) ?? BylineFinder.editor(in: nearby.header)

        url = canonical.flatMap { $0.isEmpty ? nil : $0 } ?? metas["og:url"].flatMap { $0.isEmpty ? nil : $0 }
    }

    // MARK: - Title

    static let separators = [" _ ", "_", " | ", "|", " - ", " – ", " — ", "－", "——", " :: ", "::", " » "]

    /// "标题_网易新闻" → "标题": the first part when it is long enough to be a headline.
    static func stripSiteSuffix(_ raw: String) -> String {
        let title = raw.collapsingWhitespace()
        for sep in separators {
            guard let range = title.range(of: sep) else { continue }
            let head = String(title[..<range.lowerBound]).trimmingWhitespace()
            if head.unicodeScalars.count >= 5 { return head }
        }
        return title
    }

    /// The last part of a suffixed title, taken as the site name.
    static func siteSuffix(_ raw: String) -> String? {
        let title = raw.collapsingWhitespace()
        for sep in separators {
            let parts = title.components(separatedBy: sep).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if parts.count >= 2, let last = parts.last, last.unicodeScalars.count <= 20 { return last }
        }
        return nil
    }

    // MARK: - Nearby text

    /// Text of the header area (from the heading up to the start of the article, bounded) and of the
    /// footer area (the end of the article and a little after it).
    static func nearbyText(tree: MarkupTree, from start: Int?, roots: [Int]) -> (header: String, footer: String) {
        let nodes = tree.nodes
        guard !nodes.isEmpty else { return ("", "") }
        let bodyStart = roots.first ?? 0
        var headerBytes: [UInt8] = []
        var i = start.map { min($0, bodyStart) } ?? bodyStart
        var budget = 3000
        let headerEnd = min(nodes.count, max(bodyStart + 1, i + 1))
        // From the heading through the first part of the article.
        while i < nodes.count && budget > 0 && (i < headerEnd || headerBytes.count < 1500) {
            if nodes[i].isText, !hiddenText(tree, i) {
                headerBytes.append(contentsOf: tree.textBytes(i))
                headerBytes.append(0x0A)
                budget -= Int(nodes[i].stop - nodes[i].start)
            }
            i += 1
        }
        var footerBytes: [UInt8] = []
        if let last = roots.last {
            let end = Int(nodes[last].end)
            var j = max(last, end - 80)
            var count = 0
            while j < nodes.count && count < 200 && footerBytes.count < 4000 {
                if nodes[j].isText, !hiddenText(tree, j) {
                    footerBytes.append(contentsOf: tree.textBytes(j))
                    footerBytes.append(0x0A)
                }
                j += 1
                count += 1
            }
        }
        return (String(decoding: headerBytes, as: UTF8.self), String(decoding: footerBytes, as: UTF8.self))
    }

    private static func hiddenText(_ tree: MarkupTree, _ i: Int) -> Bool {
        let p = Int(tree.nodes[i].parent)
        return p >= 0 && tree.nodes[p].tag.isInvisible
    }
}

extension String {
    /// Runs of whitespace (including no-break and ideographic spaces) as one space, trimmed.
    func collapsingWhitespace() -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for s in unicodeScalars {
            if s.properties.isWhitespace || s == "\u{3000}" || s == "\u{A0}" {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(s)
            }
        }
        return String(out)
    }

    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace || scalars[start] == "\u{3000}" { start = scalars.index(after: start) }
        while end > start {
            let prev = scalars.index(before: end)
            if scalars[prev].properties.isWhitespace || scalars[prev] == "\u{3000}" { end = prev } else { break }
        }
        return String(scalars[start..<end])
    }
}
