@testable import CityPulse
import Foundation
import Testing

/// Reads every page of the shared corpus and prints what the page reader makes of it (CITYPULSE_DUMP=1
/// adds the text and diagnostics); the finer checks are in the decoding, main-text, metadata and
/// normalization suites.
@Suite(.serialized, .enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) struct PageCorpusTests {
    static func pages() -> [String] { PageCorpus.pages() }

    static func bytes(_ name: String) throws -> [UInt8] { try PageCorpus.bytes(name) }

    @Test func everyPageReadsWithItsPathAndAnEncoding() throws {
        let dump = ProcessInfo.processInfo.environment["CITYPULSE_DUMP"] != nil
        let pages = Self.pages()
        try #require(!pages.isEmpty, "the corpus has no pages")
        for name in pages {
            let (doc, diags) = PageReader().read(bytes: try Self.bytes(name), path: name, sourceID: "corpus", contentHash: "")
            #expect(doc.path == name && !doc.encoding.isEmpty, "\(name): path \(doc.path), encoding \(doc.encoding)")
            print("\(name)\n  encoding=\(doc.encoding) article=\(doc.isArticle) title=\(doc.title ?? "-") published=\(doc.published?.description ?? "-") site=\(doc.site ?? "-") author=\(doc.author ?? "-") editor=\(doc.editor ?? "-") url=\(doc.url ?? "-") chars=\(doc.text.count) diags=\(diags.count)")
            if dump { print(doc.text.prefix(3000)); for d in diags { print("  \(d)") } }
        }
    }
}

extension PageCorpusTests {
    static var treePage: String? { ProcessInfo.processInfo.environment["CITYPULSE_TREE"] }

    /// With CITYPULSE_TREE=page.html, prints the scored outline of one page (a tool for tuning the
    /// main-text choice, reported as skipped otherwise).
    @Test(.enabled(if: treePage != nil, "prints an outline only when CITYPULSE_TREE names a page"))
    func outlineOfOnePage() throws {
        let name = try #require(Self.treePage)
        let decoded = TextDecoding.decode(try Self.bytes(name))
        var text = decoded.text
        let parse = text.withUTF8 { LibXMLParser.parseHTML(utf8: $0) }
        let tree = parse.tree
        let stats = TextStatistics(tree, excludeUnlikely: true)
        for i in tree.nodes.indices where !tree.nodes[i].isText && stats.chars[i] >= 30 {
            let n = tree.nodes[i]
            let cls = tree.attribute(.class, of: i) ?? ""
            let id = tree.attribute(.id, of: i) ?? ""
            let indent = String(repeating: " ", count: min(Int(n.depth), 40))
            print("\(indent)\(i) <\(n.tag.name) class=\(cls) id=\(id)> chars=\(stats.chars[i]) cjk=\(stats.cjk[i]) ld=\(String(format: "%.2f", stats.linkDensity(i))) punct=\(stats.punct[i]) excl=\(stats.excluded[i]) line=\(n.line)")
        }
        for issue in parse.issues { print(issue) }
        print("nodes=\(tree.nodes.count) issues=\(parse.issueCount)")
        if ProcessInfo.processInfo.environment["CITYPULSE_ALL"] != nil {
            for i in tree.nodes.indices.prefix(400) {
                let n = tree.nodes[i]
                print("\(i) \(n.tag.name) parent=\(n.parent) end=\(n.end) line=\(n.line) \(n.isText ? String(decoding: tree.textBytes(i).prefix(40), as: UTF8.self) : "")")
            }
        }
    }
}
