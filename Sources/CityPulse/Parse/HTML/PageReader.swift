/// Reads a news page: decodes it, parses it with libxml2, finds the main text and the metadata.
public struct PageReader: Sendable {
    public init() {}

    /// The article a page holds (or a non-article document with `isArticle == false`), and diagnostics.
    public func read(bytes: [UInt8], path: String, sourceID: String, contentHash: String) -> (Document, [Diagnostic]) {
        // Placeholder until the page reader lands: the decoded bytes with tags removed.
        let decoded = TextDecoding.decode(bytes)
        var text = ""
        var inTag = false
        for scalar in decoded.text.unicodeScalars {
            if scalar == "<" { inTag = true } else if scalar == ">" { inTag = false } else if !inTag { text.unicodeScalars.append(scalar) }
        }
        return (Document(path: path, sourceID: sourceID, contentHash: contentHash, encoding: decoded.encoding, text: text), [])
    }
}
