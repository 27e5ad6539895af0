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
        var headings: [String] = []
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
            case .h1, .h2, .h3:
                // A heading that wraps half the page (broken markup) is not a title.
                guard headings.count < 64, node.end - Int32(i) < 200 else { continue }
                let text = tree.innerText(i).collapsingWhitespace()
                if !text.isEmpty { headings.append(text) }
                if node.tag == .h1, h1 == nil, !text.isEmpty { h1 = i }
            default:
                if node.isText == false, let prop = tree.attribute(.itemprop, of: i)?.lowercased(), prop == "datepublished", metas["datepublished"] == nil {
                    metas["datepublished"] = tree.attribute(.datetime, of: i) ?? tree.attribute(.content, of: i) ?? tree.innerText(i)
                }
            }
        }

        // Title: the longest heading the <title> starts with (a blog's post heading, not its logo); else
        // the first <h1> when the <title> holds it and it is not much shorter than the headline part of the
        // <title>; else the <title> without its site suffix.
        let rawTitle = titleText.flatMap { $0.isEmpty ? nil : $0 } ?? metas["og:title"]
        let heading = h1.map { tree.innerText($0).collapsingWhitespace() }
        if let rawTitle, let leading = headings.filter({ $0.unicodeScalars.count >= 4 && rawTitle.hasPrefix($0) })
            .max(by: { $0.unicodeScalars.count < $1.unicodeScalars.count }) {
            title = leading
        } else if let rawTitle {
            let stripped = PageMetadata.stripSiteSuffix(rawTitle)
            if let heading, heading.unicodeScalars.count >= 4, rawTitle.containsUTF8(heading),
               heading.unicodeScalars.count * 2 >= stripped.unicodeScalars.count {
                title = heading
            } else {
                title = stripped
            }
        } else if let heading, !heading.isEmpty {
            title = heading
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
        if published == nil { published = PageMetadata.dateBeforeArticle(tree: tree, bodyStart: mainRoots.first ?? 0) }
        // Some pages date the article in its footer (发布日期：… under the text).
        if published == nil { published = PageMetadata.labelledDay(in: nearby.footer, last: false) }

        site = metas["og:site_name"].flatMap { $0.isEmpty ? nil : $0 }
            ?? BylineFinder.source(in: nearby.header)
            ?? BylineFinder.source(in: nearby.footer)
            ?? titleText.flatMap(PageMetadata.siteSuffix)

        // Bylines open or close an article: only its edges are searched, so a long text costs nothing.
        let edges = PageMetadata.edges(of: mainText, length: 1500)
        author = BylineFinder.reporter(in: nearby.header) ?? BylineFinder.reporter(in: edges)
            ?? BylineFinder.reporter(in: nearby.footer)
            ?? metas["author"].flatMap { PageMetadata.isPersonName($0, site: site) ? $0 : nil }
        editor = BylineFinder.editor(in: nearby.footer) ?? BylineFinder.editor(in: edges) ?? BylineFinder.editor(in: nearby.header)

        url = canonical.flatMap { $0.isEmpty ? nil : $0 } ?? metas["og:url"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A meta author that names a person: not a URL, an e-mail template, a user number, or the site
    /// itself (网易, 证券时报网).
    static func isPersonName(_ value: String, site: String?) -> Bool {
        guard !value.isEmpty, !value.hasPrefix("http"), !value.containsUTF8("@"), !value.containsUTF8("网"), !value.containsUTF8("網") else { return false }
        if value.unicodeScalars.allSatisfy({ $0.value < 0x80 && !($0.properties.isAlphabetic) }) { return false }
        if let site, !site.isEmpty, value == site || site.containsUTF8(value) { return false }
        return true
    }

    // MARK: - Title

    static let separators = [" _ ", "_", " | ", "|", " - ", " – ", " — ", "－", "——", " :: ", "::", " » "]

    /// "标题_网易新闻" → "标题": the first part when it is long enough to be a headline.
    static func stripSiteSuffix(_ raw: String) -> String {
        let title = raw.collapsingWhitespace()
        for sep in separators {
            guard let range = title.utf8Range(of: sep) else { continue }
            let head = String(title[..<range.lowerBound]).trimmingWhitespace()
            if head.unicodeScalars.count >= 5 { return head }
        }
        return title
    }

    /// The last part of a suffixed title, taken as the site name.
    static func siteSuffix(_ raw: String) -> String? {
        let title = raw.collapsingWhitespace()
        for sep in separators {
            let parts = title.utf8Components(separatedBy: sep).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
            if parts.count >= 2, let last = parts.last, last.unicodeScalars.count <= 20 { return last }
        }
        return nil
    }

    // MARK: - Nearby text

    /// The first and last `length` scalars of a text (the whole text when it is short), a line apart.
    static func edges(of text: String, length: Int) -> String {
        let scalars = text.unicodeScalars
        guard let headEnd = scalars.index(scalars.startIndex, offsetBy: length, limitedBy: scalars.endIndex),
              let tailStart = scalars.index(scalars.endIndex, offsetBy: -length, limitedBy: headEnd) else { return text }
        return String(scalars[..<headEnd]) + "\n" + String(scalars[tailStart...])
    }

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
                let piece = prefix(of: tree.textBytes(i), bytes: budget)
                headerBytes.append(contentsOf: piece)
                headerBytes.append(0x0A)
                budget -= piece.count + 1
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
                    footerBytes.append(contentsOf: prefix(of: tree.textBytes(j), bytes: 4000 - footerBytes.count))
                    footerBytes.append(0x0A)
                }
                j += 1
                count += 1
            }
        }
        return (String(decoding: headerBytes, as: UTF8.self), String(decoding: footerBytes, as: UTF8.self))
    }

    /// A date line outside the heading area: a labelled one (发布时间：2018-05-17) just before or at the
    /// start of the article, else the last date in the lines just before it (sidebars with dated
    /// headlines come after the article or far before it).
    static func dateBeforeArticle(tree: MarkupTree, bodyStart: Int) -> Day? {
        let nodes = tree.nodes
        guard bodyStart < nodes.count else { return nil }
        var lines: [String] = []
        var bytes = 0
        var i = bodyStart - 1
        while i >= 0 && bodyStart - i <= 400 && bytes < 6000 {
            if nodes[i].isText, !hiddenText(tree, i) {
                let slice = tree.textBytes(i)
                if slice.contains(where: { $0 > 0x20 }) {
                    lines.append(String(decoding: slice, as: UTF8.self))
                    bytes += slice.count
                }
            }
            i -= 1
        }
        lines.reverse()
        let before = lines.joined(separator: "\n")
        if let day = labelledDay(in: before, last: true) { return day }
        for line in lines.reversed() {
            if let day = DateFinder.firstDay(in: line) { return day }
        }
        return nil
    }

    /// At most `bytes` leading bytes of UTF-8 text, cut at a scalar boundary: one huge text run must not
    /// make the nearby text as long as the page.
    static func prefix(of text: ArraySlice<UInt8>, bytes: Int) -> ArraySlice<UInt8> {
        guard text.count > bytes else { return text }
        var end = text.startIndex + max(0, bytes)
        while end > text.startIndex, end < text.endIndex, text[end] & 0xC0 == 0x80 { end -= 1 }
        return text[text.startIndex..<end]
    }

    static let dateLabels = ["发布时间", "发布日期", "發布時間", "發佈時間", "发表时间", "發表時間", "发稿时间", "日期：", "时间：", "時間："]

    /// The day right after a date label (发布日期：2019-09-23), the first or the last such in the text.
    static func labelledDay(in text: String, last: Bool) -> Day? {
        for label in dateLabels {
            guard let range = text.utf8Range(of: label, backwards: last) else { continue }
            if let day = DateFinder.firstDay(in: String(text[range.upperBound...].prefix(40))) { return day }
        }
        return nil
    }

    private static func hiddenText(_ tree: MarkupTree, _ i: Int) -> Bool {
        let p = Int(tree.nodes[i].parent)
        return p >= 0 && tree.nodes[p].tag.isInvisible
    }
}

extension String {
    /// Runs of whitespace (Unicode White_Space: no-break and ideographic spaces too) as one space, trimmed.
    func collapsingWhitespace() -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for s in unicodeScalars {
            if NormalizedText.isWhitespace(s) {
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
        while start < end, NormalizedText.isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let prev = scalars.index(before: end)
            if NormalizedText.isWhitespace(scalars[prev]) { end = prev } else { break }
        }
        return String(scalars[start..<end])
    }
}
