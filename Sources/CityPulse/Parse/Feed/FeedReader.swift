/// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed of press releases: each item becomes a document.
///
/// The bytes are decoded like a page's (BOM, UTF-8 validity, the XML declaration, GBK/Big5 detection)
/// and parsed with libxml2's XML parser, recovering from broken markup, with no network, no DTD and no
/// entity substitution: an entity that points at a file stays unresolved. Each item's document is
/// named `feed.xml#N` (N counting items from 1) so facts trace back to the item, and its `url` is the
/// item's link. Bodies carried as escaped HTML are rendered as paragraphs like a page's main text.
public struct FeedReader: Sendable {
    /// Recovered parse problems reported one by one; the rest are summarised in one diagnostic.
    public var reportedParseIssues = 5

    public init() {}

    /// One document per item, and diagnostics.
    public func read(bytes: [UInt8], path: String, sourceID: String, contentHash: String) -> ([Document], [Diagnostic]) {
        let decoded = TextDecoding.decode(bytes)
        var diagnostics = decoded.problems.map { Diagnostic(.warning, stage: "decode", file: path, $0) }
        guard decoded.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }) else {
            diagnostics.append(Diagnostic(.warning, stage: "parse", file: path, .emptyFeedFile))
            return ([], diagnostics)
        }
        var text = decoded.text
        let parse = text.withUTF8 { LibXMLParser.parseXML(utf8: $0) }
        diagnostics += PageReader.parseDiagnostics(parse, file: path, limit: reportedParseIssues)
        let tree = parse.tree

        guard let layout = FeedLayout(tree: tree) else {
            let message: Diagnostic.Message = FeedLayout.rootElement(of: tree).map { .notAFeed(tree.name(of: $0)) } ?? .noMarkup
            diagnostics.append(Diagnostic(.error, stage: "parse", file: path, message))
            return ([], diagnostics)
        }
        guard !layout.items.isEmpty else {
            diagnostics.append(Diagnostic(.warning, stage: "parse", file: path, .feedWithoutItems(layout.format.displayName)))
            return ([], diagnostics)
        }

        let site = layout.channel.flatMap { channel in
            FeedLayout.children(of: channel, in: tree).first { FeedLayout.name(of: $0, in: tree) == "title" }
        }.map { FeedText.line(of: $0, in: tree) }.flatMap { $0.isEmpty ? nil : $0 }

        var documents: [Document] = []
        documents.reserveCapacity(layout.items.count)
        for (offset, element) in layout.items.enumerated() {
            let number = offset + 1
            let line = Int(tree.nodes[element].line)
            let item = FeedItem(element: element, in: tree)
            var body = item.text
            if body.isEmpty {
                guard let title = item.title else {
                    diagnostics.append(Diagnostic(.warning, stage: "parse", file: path, line: line > 0 ? line : nil, .feedItemWithoutText(number)))
                    continue
                }
                diagnostics.append(Diagnostic(.note, stage: "parse", file: path, line: line > 0 ? line : nil, .feedItemTitleOnly(number)))
                body = title
            }
            if item.published == nil {
                diagnostics.append(Diagnostic(.note, stage: "parse", file: path, line: line > 0 ? line : nil, .feedItemWithoutDate(number)))
            }
            documents.append(Document(
                path: "\(path)#\(number)", sourceID: sourceID, contentHash: contentHash, encoding: decoded.encoding,
                title: item.title, published: item.published, site: item.source ?? site, author: item.author, url: item.link,
                isArticle: true, text: body))
        }
        return (documents, diagnostics)
    }
}

extension FeedLayout.Format {
    /// The format's usual name, for messages.
    var displayName: String {
        switch self {
        case .rss: return "RSS"
        case .rdf: return "RSS 1.0 (RDF)"
        case .atom: return "Atom"
        }
    }
}
