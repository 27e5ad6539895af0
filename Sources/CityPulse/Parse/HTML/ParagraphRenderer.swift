/// Turns parts of a `MarkupTree` into text with one paragraph per line: block elements break lines,
/// whitespace runs become one space, lines are trimmed and empty lines dropped. With cleaning, blocks
/// that are lists of links, widgets or chrome are left out.
struct ParagraphRenderer {
    let tree: MarkupTree
    let stats: TextStatistics?
    private var out: [UInt8] = []
    private var line: [UInt8] = []
    private var pendingSpace = false

    init(tree: MarkupTree, stats: TextStatistics?) {
        self.tree = tree
        self.stats = stats
        out.reserveCapacity(4096)
    }

    /// Appends the text of the subtree at `root`.
    mutating func render(_ root: Int, cleaning: Bool) {
        let nodes = tree.nodes
        let end = Int(nodes[root].end)
        // Open block elements whose end must break the line: a stack of subtree ends.
        var closes: [Int] = []
        var i = root
        while i < end {
            while let last = closes.last, last <= i {
                closes.removeLast()
                breakLine()
            }
            let node = nodes[i]
            if node.isText {
                append(tree.text, Int(node.start), Int(node.stop))
                i += 1
                continue
            }
            if node.tag.isInvisible || (cleaning && i != root && shouldDrop(i)) {
                i = Int(node.end)
                continue
            }
            if node.tag.isBlock {
                breakLine()
                if node.tag != .br && node.tag != .hr { closes.append(Int(node.end)) }
            }
            i += 1
        }
        breakLine()
    }

    /// Chrome inside the article container: named chrome, link lists, short link-only blocks.
    private func shouldDrop(_ i: Int) -> Bool {
        guard let stats else { return false }
        let tag = tree.nodes[i].tag
        if tag == .nav || tag == .aside || tag == .footer || tag == .form || tag == .header && stats.punct[i] == 0 { return true }
        if stats.excluded[i] { return true }
        let chars = stats.chars[i]
        guard chars > 0 else { return false }
        let ld = stats.linkDensity(i)
        switch tag {
        // Inline wrappers (span, font) are not judged: a link in a sentence is part of the sentence.
        case .div, .ul, .ol, .table, .section, .dl, .center, .p, .li, .td, .tr, .tbody:
            if ld > 0.5 && stats.punct[i] < 3 { return true }
            if ld > 0.75 { return true }
            if ClassHints.weight(tree, i) < 0 && ld > 0.2 { return true }
            return false
        default:
            return false
        }
    }

    private mutating func append(_ bytes: [UInt8], _ start: Int, _ stop: Int) {
        var i = start
        while i < stop {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C {
                pendingSpace = true
                i += 1
            } else if b == 0xC2 && i + 1 < stop && bytes[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
            } else if b == 0xE3 && i + 2 < stop && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 {
                // The ideographic space indents paragraphs; inside a line it is a space.
                pendingSpace = true
                i += 3
            } else {
                if pendingSpace && !line.isEmpty { line.append(0x20) }
                pendingSpace = false
                // Copy the whole run up to the next possible space at once.
                var j = i + 1
                while j < stop {
                    let c = bytes[j]
                    if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C || c == 0xC2 || c == 0xE3 { break }
                    j += 1
                }
                line.append(contentsOf: bytes[i..<j])
                i = j
            }
        }
    }

    private mutating func breakLine() {
        pendingSpace = false
        guard !line.isEmpty else { return }
        if !out.isEmpty { out.append(0x0A) }
        out.append(contentsOf: line)
        line.removeAll(keepingCapacity: true)
    }

    /// The text rendered so far.
    mutating func finish() -> String {
        breakLine()
        return String(decoding: out, as: UTF8.self)
    }
}
