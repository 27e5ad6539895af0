/// Counts over the text of each node of a `MarkupTree`, summed up the tree: visible characters, CJK
/// ideographs, characters inside links, and sentence punctuation. Computed in one backward pass.
struct TextStatistics {
    /// Visible non-space characters.
    var chars: [Int32]
    /// CJK ideographs.
    var cjk: [Int32]
    /// Visible characters inside `<a>`.
    var linkChars: [Int32]
    /// Chinese and Western sentence punctuation (，。、；：！？ and , ; ).
    var punct: [Int32]
    /// Elements whose content does not count: invisible tags and page chrome by class or id.
    var excluded: [Bool]

    init(_ tree: MarkupTree, excludeUnlikely: Bool) {
        let n = tree.nodes.count
        chars = [Int32](repeating: 0, count: n)
        cjk = [Int32](repeating: 0, count: n)
        linkChars = [Int32](repeating: 0, count: n)
        punct = [Int32](repeating: 0, count: n)
        excluded = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let node = tree.nodes[i]
            if node.isText {
                let s = TextStatistics.count(tree.text, Int(node.start), Int(node.stop))
                chars[i] = s.chars
                cjk[i] = s.cjk
                punct[i] = s.punct
            } else if node.tag.isInvisible {
                excluded[i] = true
            }
        }
        if excludeUnlikely {
            // Chrome by class or id, unless the block holds most of the page's sentences (a page
            // wrapper whose class merely mentions its navigation).
            var rawPunct = punct
            var i = n - 1
            while i > 0 {
                let p = Int(tree.nodes[i].parent)
                if p >= 0 && !excluded[i] { rawPunct[p] += rawPunct[i] }
                i -= 1
            }
            var total: Int32 = 0
            for i in 0..<n where tree.nodes[i].parent < 0 && !excluded[i] { total += rawPunct[i] }
            let limit = max(10, total * 2 / 5)
            for i in 0..<n where !tree.nodes[i].isText && !excluded[i] && ClassHints.isUnlikely(tree, i) {
                if rawPunct[i] < limit || tree.nodes[i].tag.isChrome { excluded[i] = true }
            }
        }
        // Children come after their parent: a backward pass sums every subtree.
        var i = n - 1
        while i >= 0 {
            let node = tree.nodes[i]
            if !node.isText, node.tag == .a { linkChars[i] = chars[i] }
            let p = Int(node.parent)
            if p >= 0 && !excluded[i] {
                chars[p] += chars[i]
                cjk[p] += cjk[i]
                linkChars[p] += linkChars[i]
                punct[p] += punct[i]
            }
            i -= 1
        }
    }

    func linkDensity(_ i: Int) -> Double {
        chars[i] > 0 ? Double(linkChars[i]) / Double(chars[i]) : 0
    }

    /// Counts over UTF-8 bytes, without building a string.
    static func count(_ bytes: [UInt8], _ start: Int, _ stop: Int) -> (chars: Int32, cjk: Int32, punct: Int32) {
        var chars: Int32 = 0, cjk: Int32 = 0, punct: Int32 = 0
        var i = start
        while i < stop {
            let b = bytes[i]
            if b < 0x80 {
                if b > 0x20 {
                    chars += 1
                    if b == 0x2C || b == 0x3B { punct += 1 }
                }
                i += 1
            } else if b >= 0xE0 && b < 0xF0 && i + 2 < stop {
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                if b >= 0xE4 && b <= 0xE9 {
                    cjk += 1
                    chars += 1
                } else if b == 0xE3 && b1 == 0x80 {
                    // 、。 count as punctuation; U+3000 is a space.
                    if b2 == 0x81 || b2 == 0x82 { punct += 1 }
                    if b2 != 0x80 { chars += 1 }
                } else if b == 0xEF && b1 == 0xBC {
                    // ！，：；？ in the full-width block.
                    if b2 == 0x81 || b2 == 0x8C || b2 == 0x9A || b2 == 0x9B || b2 == 0x9F { punct += 1 }
                    chars += 1
                } else {
                    chars += 1
                }
                i += 3
            } else if b == 0xC2 && i + 1 < stop && bytes[i + 1] == 0xA0 {
                // No-break space.
                i += 2
            } else {
                if b >= 0xC0 { chars += 1 }
                i += 1
            }
        }
        return (chars, cjk, punct)
    }
}
