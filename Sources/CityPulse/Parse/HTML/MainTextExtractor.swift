/// Finds the article body of a page, readability-style, on the flat `MarkupTree`: paragraphs score
/// their ancestors by length and punctuation, containers are weighted by class/id hints and penalised
/// by link density, the best container (with worthy siblings) is rendered as paragraphs, and blocks of
/// links, widgets and chrome inside it are left out.
struct MainTextExtractor {
    /// The article text and where it came from.
    struct Result {
        var text: String
        /// The chosen containers, in document order.
        var roots: [Int]
        var isArticle: Bool
        /// Why a page is not taken as an article.
        var reason: String?
    }

    let tree: MarkupTree
    let stats: TextStatistics

    init(tree: MarkupTree) {
        self.tree = tree
        self.stats = TextStatistics(tree, excludeUnlikely: true)
    }

    func extract() -> Result {
        let nodes = tree.nodes
        let n = nodes.count
        guard n > 0 else { return Result(text: "", roots: [], isArticle: false, reason: "the page has no content") }

        var score = [Double](repeating: 0, count: n)
        var isCandidate = [Bool](repeating: false, count: n)

        func initialize(_ i: Int) {
            guard !isCandidate[i] else { return }
            isCandidate[i] = true
            var base: Double
            switch nodes[i].tag {
            case .div, .article, .main: base = 5
            case .section, .td, .pre, .blockquote: base = 3
            case .ol, .ul, .dl, .dd, .dt, .li, .form, .address: base = -3
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: base = -5
            default: base = 0
            }
            score[i] = base + Double(ClassHints.weight(tree, i))
        }

        func credit(_ container: Int, _ amount: Double) {
            var a = container
            var level = 0
            while a >= 0 && level < 4 {
                if stats.excluded[a] { return }
                initialize(a)
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                score[a] += amount / divider
                a = Int(nodes[a].parent)
                level += 1
            }
        }

        // Is any ancestor excluded? Checked once per node, top-down: parents come first.
        var hidden = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let p = Int(nodes[i].parent)
            hidden[i] = stats.excluded[i] || (p >= 0 && hidden[p])
        }

        // For each element, the nearest block at or above it, and whether a link lies between the two;
        // computed top-down once, so deep inline nesting (100 000 spans) costs no walk per text run.
        var blockAt = [Int32](repeating: -1, count: n)
        var linkBelowBlock = [Bool](repeating: false, count: n)
        for i in 0..<n where !nodes[i].isText {
            let p = Int(nodes[i].parent)
            let tag = nodes[i].tag
            if tag.isBlock && tag != .br {
                blockAt[i] = Int32(i)
            } else {
                blockAt[i] = p >= 0 ? blockAt[p] : -1
                linkBelowBlock[i] = tag == .a || (p >= 0 && linkBelowBlock[p])
            }
        }

        // Paragraph elements score their parents; text written straight into a container scores it.
        var directChars = [Int32](repeating: 0, count: n)
        var directPunct = [Int32](repeating: 0, count: n)
        for i in 0..<n where !hidden[i] {
            let node = nodes[i]
            if node.isText {
                guard stats.chars[i] > 0, node.parent >= 0 else { continue }
                let b = Int(blockAt[Int(node.parent)])
                guard b >= 0, !MainTextExtractor.paragraphTags.contains(nodes[b].tag) else { continue }
                // Text in a link is not paragraph text.
                if linkBelowBlock[Int(node.parent)] { continue }
                directChars[b] += stats.chars[i]
                directPunct[b] += stats.punct[i]
            } else if MainTextExtractor.paragraphTags.contains(node.tag) {
                let chars = stats.chars[i]
                guard chars >= 10, node.parent >= 0 else { continue }
                let own = 1 + Double(stats.punct[i]) + min(Double(chars) / 100, 3)
                credit(Int(node.parent), own * (1 - stats.linkDensity(i)))
            }
        }
        for b in 0..<n where directChars[b] >= 10 {
            let own = 1 + Double(directPunct[b]) + min(Double(directChars[b]) / 100, 3)
            credit(b, own)
        }

        var top = -1
        var best = -Double.infinity
        for i in 0..<n where isCandidate[i] {
            let s = score[i] * (1 - stats.linkDensity(i))
            score[i] = s
            if s > best {
                best = s
                top = i
            }
        }
        guard top >= 0 else {
            return Result(text: "", roots: [], isArticle: false, reason: "no paragraph of text was found")
        }

        // Siblings that belong to the article too.
        var roots: [Int] = []
        let parent = Int(nodes[top].parent)
        if parent >= 0 {
            let threshold = max(10, best * 0.2)
            var c = parent + 1
            let end = Int(nodes[parent].end)
            while c < end {
                if c == top {
                    roots.append(c)
                } else if !hidden[c] && !nodes[c].isText {
                    let ld = stats.linkDensity(c)
                    if isCandidate[c] && score[c] >= threshold && ld < 0.3 {
                        roots.append(c)
                    } else if nodes[c].tag == .p && stats.chars[c] >= 40 && ld < 0.25 && stats.punct[c] > 0 {
                        roots.append(c)
                    }
                }
                c = Int(nodes[c].end)
            }
        } else {
            roots = [top]
        }

        var renderer = ParagraphRenderer(tree: tree, stats: stats)
        for r in roots { renderer.render(r, cleaning: true) }
        let text = renderer.finish()

        // Judged on the text kept, not on the containers: a list page's best block is mostly links the
        // renderer leaves out.
        let kept = Array(text.utf8)
        let counts = TextStatistics.count(kept, 0, kept.count)
        let mainCJK = Int(counts.cjk)
        let mainPunct = Int(counts.punct)
        var isArticle = true
        var reason: String?
        let pageLinkDensity = stats.linkDensity(0)
        if mainCJK < 60 || mainPunct < 3 {
            isArticle = false
            reason = mainCJK < 60
                ? "the main text has only \(mainCJK) Chinese characters"
                : "the main text has \(mainPunct) punctuation marks in \(mainCJK) Chinese characters: not prose"
        } else if pageLinkDensity > 0.6 && mainCJK < 400 {
            isArticle = false
            reason = "the page is mostly links (\(Int(pageLinkDensity * 100))% of its text)"
        }
        return Result(text: text, roots: roots, isArticle: isArticle, reason: reason)
    }

    static let paragraphTags: Set<Tag> = [.p, .pre, .td, .blockquote, .dd, .li, .h2, .h3, .h4]
}
