/// Reads a news page: decodes it, parses it with libxml2, finds the main text and the metadata.
public struct PageReader: Sendable {
    /// Recovered parse problems reported one by one; the rest are summarised in one diagnostic.
    public var reportedParseIssues = 5

    public init() {}

    /// The article a page holds (or a non-article document with `isArticle == false`), and diagnostics.
    public func read(bytes: [UInt8], path: String, sourceID: String, contentHash: String) -> (Document, [Diagnostic]) {
        let decoded = TextDecoding.decode(bytes)
        var diagnostics = decoded.problems.map { Diagnostic(.warning, stage: "decode", file: path, $0) }
        let parse = decoded.utf8.withUnsafeBufferPointer(PageReader.parse)
        diagnostics += PageReader.parseDiagnostics(parse, file: path, limit: reportedParseIssues)

        var main = MainTextExtractor(tree: parse.tree).extract()
        if main.isArticle, decoded.utf8.withUnsafeBufferPointer(PageReader.looksLikeFeed) {
            main.isArticle = false
            main.reason = "the file is an RSS or Atom feed, not a page; read it as a feed"
        }
        let meta = PageMetadata(tree: parse.tree, mainRoots: main.roots, mainText: main.text)
        if !main.isArticle {
            diagnostics.append(Diagnostic(.note, stage: "parse", file: path, .notAnArticle(main.reason ?? "no article text")))
        }
        let document = Document(
            path: path, sourceID: sourceID, contentHash: contentHash, encoding: decoded.encoding, title: meta.title,
            published: meta.published, site: meta.site, author: meta.author, editor: meta.editor, url: meta.url,
            isArticle: main.isArticle, text: main.text)
        return (document, diagnostics)
    }

    /// The page parsed by libxml2, without its script and style bodies and the attribute values the tree
    /// does not keep (see `MarkupCuts`); the columns of recovered problems are those of the page.
    static func parse(_ page: UnsafeBufferPointer<UInt8>) -> MarkupParse {
        guard let cut = MarkupCuts.cut(page) else { return LibXMLParser.parseHTML(utf8: page) }
        var parse = LibXMLParser.parseHTML(utf8: cut.markup)
        let columns = cut.originalColumns(of: parse.issues.map { ($0.line, $0.column) }, page: page)
        for k in parse.issues.indices { parse.issues[k].column = columns[k] }
        return parse
    }

    /// The first recovered problems with their lines, and one line counting the rest.
    static func parseDiagnostics(_ parse: MarkupParse, file: String, limit: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for issue in parse.issues.prefix(limit) {
            out.append(Diagnostic(.note, stage: "parse", file: file, line: issue.line, column: issue.column > 0 ? issue.column : nil,
                                  .recoveredMarkup(issue.message)))
        }
        if parse.issueCount > limit {
            out.append(Diagnostic(.note, stage: "parse", file: file, .moreRecoveredMarkup(parse.issueCount - limit, total: parse.issueCount)))
        }
        return out
    }
}
