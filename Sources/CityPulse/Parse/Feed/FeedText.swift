/// Turns the text fields of a feed item into paragraphs, one per line.
///
/// Feeds carry their bodies in three ways: escaped HTML or HTML in CDATA (`<description>`,
/// `<content:encoded>`, Atom `type="html"`), which is parsed with the page parser and rendered like
/// a page's paragraphs; markup written straight into the element (Atom `type="xhtml"`, and feeds that
/// forget to escape), which is already in the tree; and plain text, where each line is a paragraph.
enum FeedText {
    /// The paragraphs of the element at `index` of a parsed feed.
    static func paragraphs(of index: Int, in tree: MarkupTree) -> String {
        let node = tree.nodes[index]
        var hasElements = false
        var i = index + 1
        while i < Int(node.end) {
            if !tree.nodes[i].isText {
                hasElements = true
                break
            }
            i += 1
        }
        if hasElements {
            var renderer = ParagraphRenderer(tree: tree, stats: nil)
            if !node.tag.isInvisible {
                renderer.render(index, cleaning: false)
            } else {
                // `title` and `link` are names a page hides; in a feed their content is the text.
                var child = index + 1
                while child < Int(node.end) {
                    renderer.render(child, cleaning: false)
                    child = Int(tree.nodes[child].end)
                }
            }
            return renderer.finish()
        }
        return paragraphs(ofText: textBytes(of: index, in: tree))
    }

    /// A one-line text: a title or a name, with markup removed and whitespace collapsed.
    static func line(of index: Int, in tree: MarkupTree) -> String {
        paragraphs(of: index, in: tree).split(separator: "\n").joined(separator: " ")
    }

    /// The paragraphs of a field's text, parsed as HTML when it holds markup or character references.
    static func paragraphs(ofText bytes: [UInt8]) -> String {
        if looksLikeHTML(bytes) {
            let parse = LibXMLParser.parseHTML(utf8: bytes)
            var renderer = ParagraphRenderer(tree: parse.tree, stats: nil)
            for top in parse.tree.nodes.indices where parse.tree.nodes[top].parent < 0 {
                renderer.render(top, cleaning: false)
            }
            return renderer.finish()
        }
        return plainParagraphs(bytes)
    }

    /// All text of the subtree at `index`, as it stands.
    static func textBytes(of index: Int, in tree: MarkupTree) -> [UInt8] {
        var out: [UInt8] = []
        var i = index
        while i < Int(tree.nodes[index].end) {
            if tree.nodes[i].isText { out.append(contentsOf: tree.textBytes(i)) }
            i += 1
        }
        return out
    }

    /// True when the text holds a tag (`<p`, `</`, `<!--`, `<br/>`) or an entity (`&nbsp;`, `&#12288;`):
    /// then it is HTML that the feed escaped.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i + 1 < n {
            let b = bytes[i]
            if b == 0x3C {
                let c = bytes[i + 1]
                if isASCIILetter(c) || c == 0x2F || c == 0x21 { return true }
            } else if b == 0x26 {
                // `&name;` or `&#…;` within a short reach.
                var j = i + 1
                if bytes[j] == 0x23 { j += 1 }
                let start = j
                while j < n, j - start < 10, isASCIILetter(bytes[j]) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
                if j > start, j < n, bytes[j] == 0x3B { return true }
            }
            i += 1
        }
        return false
    }

    /// Plain text: each line a paragraph, whitespace runs (also no-break and ideographic spaces) as one
    /// space, lines trimmed, empty lines dropped.
    static func plainParagraphs(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var line: [UInt8] = []
        var pendingSpace = false
        func breakLine() {
            pendingSpace = false
            guard !line.isEmpty else { return }
            if !out.isEmpty { out.append(0x0A) }
            out.append(contentsOf: line)
            line.removeAll(keepingCapacity: true)
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                breakLine()
                i += 1
            } else if b == 0x20 || b == 0x09 || b == 0x0C {
                pendingSpace = true
                i += 1
            } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
            } else if b == 0xE3, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                pendingSpace = true
                i += 3
            } else {
                if pendingSpace && !line.isEmpty { line.append(0x20) }
                pendingSpace = false
                line.append(b)
                i += 1
            }
        }
        breakLine()
        return String(decoding: out, as: UTF8.self)
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
}
