extension PageReader {
    /// True when the text is an RSS, Atom or RDF feed rather than a page: its first element (after the XML
    /// declaration, comments and white space) is `<rss`, `<feed` or `<rdf:RDF`. A feed handed to the page
    /// reader is a list of items, never one article.
    static func looksLikeFeed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(utf8.count, 4096)
        var i = 0
        while i < n {
            let b = utf8[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                i += 1
                continue
            }
            guard b == 0x3C, i + 1 < n else { return false }
            let next = utf8[i + 1]
            if next == 0x3F || next == 0x21 {
                // `<?xml …?>`, `<!-- … -->` or `<!DOCTYPE …>`: skip to the end of it.
                let isComment = i + 3 < n && utf8[i + 2] == 0x2D && utf8[i + 3] == 0x2D
                var j = i + 2
                while j < n {
                    if utf8[j] == 0x3E && (!isComment || (j >= 2 && utf8[j - 1] == 0x2D && utf8[j - 2] == 0x2D)) { break }
                    j += 1
                }
                i = j + 1
                continue
            }
            return startsWith(utf8, at: i + 1, "rss") || startsWith(utf8, at: i + 1, "feed") || startsWith(utf8, at: i + 1, "rdf:rdf")
        }
        return false
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ name: String) -> Bool {
        let word = Array(name.utf8)
        let count = word.count
        guard start + count < bytes.count else { return false }
        for k in 0..<count {
            let b = bytes[start + k]
            let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            if lower != word[k] { return false }
        }
        let after = bytes[start + count]
        return after == 0x20 || after == 0x3E || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x2F
    }
}
