/// Where the channel and the items of a parsed feed are: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom.
///
/// Elements are matched by name with the usual prefixes of the feed's own vocabulary removed
/// (`atom:link`, `rdf:RDF`, `rss:item`, .NET's `a10:updated`), so a feed that writes its elements
/// with a prefix reads like one that declares a default namespace. Other prefixes stay: `dc:date`,
/// `content:encoded` and `media:title` are different fields.
struct FeedLayout {
    enum Format: String, Sendable {
        case rss, rdf, atom
    }

    var format: Format
    /// The element describing the whole feed (`channel`, or Atom's `feed`), if any.
    var channel: Int?
    /// Item (or entry) elements in document order.
    var items: [Int]

    /// The layout of `tree`, or nil when its root element is not a feed's.
    init?(tree: MarkupTree) {
        guard let root = FeedLayout.rootElement(of: tree) else { return nil }
        switch FeedLayout.name(of: root, in: tree) {
        case "rss":
            format = .rss
            channel = FeedLayout.children(of: root, in: tree).first { FeedLayout.name(of: $0, in: tree) == "channel" }
            // Items belong in the channel; a few feeds put them beside it.
            items = (channel.map { FeedLayout.children(of: $0, in: tree) } ?? []) + FeedLayout.children(of: root, in: tree)
            items = items.filter { FeedLayout.name(of: $0, in: tree) == "item" }.sorted()
        case "channel":
            // A channel without its <rss> wrapper.
            format = .rss
            channel = root
            items = FeedLayout.children(of: root, in: tree).filter { FeedLayout.name(of: $0, in: tree) == "item" }
        case "rdf":
            // RSS 1.0: items stand beside the channel, which lists them in <items>.
            format = .rdf
            let top = FeedLayout.children(of: root, in: tree)
            channel = top.first { FeedLayout.name(of: $0, in: tree) == "channel" }
            items = (top + (channel.map { FeedLayout.children(of: $0, in: tree) } ?? []))
                .filter { FeedLayout.name(of: $0, in: tree) == "item" }.sorted()
        case "feed":
            format = .atom
            channel = root
            items = FeedLayout.children(of: root, in: tree).filter { FeedLayout.name(of: $0, in: tree) == "entry" }
        default:
            return nil
        }
    }

    /// The first element at the top of the tree.
    static func rootElement(of tree: MarkupTree) -> Int? {
        var i = 0
        while i < tree.nodes.count {
            if !tree.nodes[i].isText { return i }
            i = Int(tree.nodes[i].end)
        }
        return nil
    }

    /// The direct child elements of `index`, in order.
    static func children(of index: Int, in tree: MarkupTree) -> [Int] {
        var out: [Int] = []
        var c = index + 1
        let end = Int(tree.nodes[index].end)
        while c < end {
            if !tree.nodes[c].isText { out.append(c) }
            c = Int(tree.nodes[c].end)
        }
        return out
    }

    /// Prefixes of the feed vocabularies themselves, dropped when matching names.
    static let ownPrefixes: Set<String> = ["atom", "rss", "rdf", "a10"]

    /// The element's name, lowercased, without a feed-vocabulary prefix.
    static func name(of index: Int, in tree: MarkupTree) -> String {
        let name = tree.name(of: index).lowercased()
        if let colon = name.firstIndex(of: ":"), ownPrefixes.contains(String(name[..<colon])) {
            return String(name[name.index(after: colon)...])
        }
        return name
    }
}
