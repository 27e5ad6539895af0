@testable import CityPulse
import Foundation
import Testing

/// Reads every page of the shared corpus and checks what the page reader makes of it.
@Suite(.serialized) struct PageCorpusTests {
    static let htmlFolder = ProjectPaths.corpus.appendingPathComponent("html")

    static func pages() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: htmlFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: htmlFolder.appendingPathComponent(name)))
    }

    @Test func dumpsEveryPage() throws {
        let dump = ProcessInfo.processInfo.environment["CITYPULSE_DUMP"] != nil
        for name in Self.pages() {
            let (doc, diags) = PageReader().read(bytes: try Self.bytes(name), path: name, sourceID: "corpus", contentHash: "")
            print("\(name)\n  encoding=\(doc.encoding) article=\(doc.isArticle) title=\(doc.title ?? "-") published=\(doc.published?.description ?? "-") site=\(doc.site ?? "-") author=\(doc.author ?? "-") editor=\(doc.editor ?? "-") url=\(doc.url ?? "-") chars=\(doc.text.count) diags=\(diags.count)")
            if dump { print(doc.text.prefix(3000)); for d in diags { print("  \(d)") } }
        }
    }
}
