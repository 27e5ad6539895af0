/// The fields of one RSS item or Atom entry, read from its child elements.
struct FeedItem {
    var title: String?
    var link: String?
    var published: Day?
    var author: String?
    /// The name of the site an item was taken from (RSS `<source>`), when it says.
    var source: String?
    /// The body as paragraphs: full content when the feed carries it, else the description or summary.
    var text: String

    /// Element names of the item's fields, after `FeedLayout.name(of:in:)`.
    private static let contentNames: Set<String> = ["content:encoded", "content", "xhtml:body", "body"]
    private static let summaryNames: Set<String> = ["description", "summary", "dc:description", "itunes:summary"]
    /// Publication dates, before dates of change.
    private static let publishedNames: Set<String> = ["pubdate", "published", "dc:date", "dcterms:issued", "dcterms:created", "issued", "created"]
    private static let updatedNames: Set<String> = ["updated", "modified", "dcterms:modified"]
    private static let authorNames: Set<String> = ["author", "dc:creator", "creator"]

    init(element: Int, in tree: MarkupTree) {
        var title: String?
        var textLink: String?
        var alternateLink: String?
        var guidLink: String?
        var publishedDay: Day?
        var updatedDay: Day?
        var author: String?
        var source: String?
        var content = ""
        var summary = ""

        for child in FeedLayout.children(of: element, in: tree) {
            let name = FeedLayout.name(of: child, in: tree)
            switch name {
            case "title":
                if title == nil { title = FeedText.line(of: child, in: tree).nonEmpty }
            case "link":
                if let href = tree.attribute(.href, of: child)?.trimmingWhitespace(), !href.isEmpty {
                    let rel = tree.attribute(.rel, of: child)?.lowercased()
                    if alternateLink == nil, rel == nil || rel == "alternate" { alternateLink = href }
                } else if textLink == nil {
                    textLink = String(decoding: FeedText.textBytes(of: child, in: tree), as: UTF8.self).trimmingWhitespace().nonEmpty
                }
            case "guid", "id":
                let value = String(decoding: FeedText.textBytes(of: child, in: tree), as: UTF8.self).trimmingWhitespace()
                if guidLink == nil, value.hasPrefix("http://") || value.hasPrefix("https://") { guidLink = value }
            case "source":
                if source == nil { source = FeedText.line(of: child, in: tree).nonEmpty }
            default:
                if FeedItem.contentNames.contains(name) {
                    if content.isEmpty { content = FeedText.paragraphs(of: child, in: tree) }
                } else if FeedItem.summaryNames.contains(name) {
                    if summary.isEmpty { summary = FeedText.paragraphs(of: child, in: tree) }
                } else if FeedItem.publishedNames.contains(name) {
                    if publishedDay == nil { publishedDay = FeedDate.day(in: FeedText.line(of: child, in: tree)) }
                } else if FeedItem.updatedNames.contains(name) {
                    if updatedDay == nil { updatedDay = FeedDate.day(in: FeedText.line(of: child, in: tree)) }
                } else if FeedItem.authorNames.contains(name), author == nil {
                    author = FeedItem.authorName(child, in: tree)
                }
            }
        }
        self.title = title
        link = textLink ?? alternateLink ?? guidLink
        published = publishedDay ?? updatedDay ?? link.flatMap(DateFinder.dayInURL)
        self.author = author
        self.source = source
        text = content.isEmpty ? summary : content
    }

    /// Atom's `<author><name>`, or RSS's `mail@example.com (Name)` as the name, or the text as written.
    private static func authorName(_ element: Int, in tree: MarkupTree) -> String? {
        if let name = FeedLayout.children(of: element, in: tree).first(where: { FeedLayout.name(of: $0, in: tree) == "name" }) {
            return FeedText.line(of: name, in: tree).nonEmpty
        }
        let line = FeedText.line(of: element, in: tree)
        if line.contains("@"), let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"), open < close {
            let inner = String(line[line.index(after: open)..<close]).trimmingWhitespace()
            if !inner.isEmpty { return inner }
        }
        return line.nonEmpty
    }
}

private extension String {
    /// Nil for an empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
