import Foundation

/// What is cut out of a page before libxml2 reads it: the bodies of `<script>` and `<style>` elements,
/// the insides of comments and the quoted values of attributes the tree does not keep (`onclick`,
/// `style`, `data-*`, SVG path data, `href` outside `<link>`…).
///
/// Scripts and styles are about two fifths of a news page's bytes and none of its text, the dropped
/// attribute values a third of the rest, yet libxml2 reads both character by character (and complains
/// about every `</div>` inside a script string and every bare `&` in an `onclick`). The cut is made
/// with a scanner that follows libxml2's own HTML rules for what is a tag: comments, processing
/// instructions, the doctype and the attribute values of every tag are skipped, so a `<script` inside
/// them is not taken for one; a body ends at the first `</script` (or `</style`) in any letter case,
/// as libxml2 ends it in recovery mode. A value keeps its quotes and loses what is between them. Each
/// cut is replaced by the line breaks it held, so line numbers stay those of the page, and
/// `originalColumns` maps the columns libxml2 reports back to the page's. Where the scanner meets
/// something it does not follow (an unterminated comment, quote or tag), it stops cutting and hands the
/// rest over as it is.
struct MarkupCuts {
    /// The page with the cuts made.
    private(set) var markup: [UInt8] = []
    /// For each cut: where in `markup` it was made, the byte range of the page it took out, and how many
    /// line breaks of it were kept.
    private(set) var cuts: [(at: Int, original: Range<Int>, kept: Int)] = []

    /// The page without its script and style bodies and dropped attribute values, or nil when it has
    /// nothing worth cutting.
    static func cut(_ page: UnsafeBufferPointer<UInt8>) -> MarkupCuts? {
        var scanner = Scanner(page)
        guard scanner.run(), !scanner.cuts.isEmpty else { return nil }
        var result = MarkupCuts()
        result.markup.reserveCapacity(page.count - scanner.cutBytes + scanner.cuts.count * 8)
        var from = 0
        for taken in scanner.cuts {
            result.markup.append(contentsOf: UnsafeBufferPointer(rebasing: page[from..<taken.lowerBound]))
            let at = result.markup.count
            var p = taken.lowerBound
            while let newline = UTF8Search.find(byte: 0x0A, in: page.baseAddress!, from: p, through: taken.upperBound - 1) {
                result.markup.append(0x0A)
                p = newline + 1
            }
            result.cuts.append((at, taken, result.markup.count - at))
            from = taken.upperBound
        }
        result.markup.append(contentsOf: UnsafeBufferPointer(rebasing: page[from...]))
        return result
    }

    /// The page's columns (1-based, in characters, as libxml2 counts them) of places libxml2 reported at
    /// `line`:`column` of `markup`: the columns of places after a cut on the same line grow by what the
    /// cut took out. One pass over `markup` for all of them.
    func originalColumns(of places: [(line: Int, column: Int)], page: UnsafeBufferPointer<UInt8>) -> [Int] {
        var columns = places.map(\.column)
        let order = places.indices.filter { places[$0].line > 0 && places[$0].column > 1 }.sorted { (places[$0].line, places[$0].column) < (places[$1].line, places[$1].column) }
        guard !order.isEmpty else { return columns }
        markup.withUnsafeBufferPointer { m in
            var lineStart = 0
            var line = 1
            var cut = 0
            var removed = 0
            var (lastLine, lastColumn, lastOffset) = (0, 1, 0)
            var (lastPageOffset, lastPageColumn, pageLineEnd) = (0, 1, 0)
            for k in order {
                let (wanted, column) = places[k]
                // The start of the wanted line of `markup`.
                while line < wanted {
                    guard let newline = UTF8Search.find(byte: 0x0A, in: m.baseAddress!, from: lineStart, through: m.count - 1) else { return }
                    lineStart = newline + 1
                    line += 1
                }
                // `column - 1` characters on, within the line (on from the last place when it is on the same line).
                var offset = lineStart
                var characters = 1
                if lastLine == wanted, lastColumn <= column {
                    offset = lastOffset
                    characters = lastColumn
                }
                while characters < column, offset < m.count, m[offset] != 0x0A {
                    offset += 1
                    while offset < m.count, m[offset] & 0xC0 == 0x80 { offset += 1 }
                    characters += 1
                }
                (lastLine, lastColumn, lastOffset) = (wanted, characters, offset)
                // The same place on the page: every cut before it took out its bytes less the line breaks kept.
                while cut < cuts.count, cuts[cut].at + cuts[cut].kept <= offset {
                    removed += cuts[cut].original.count - cuts[cut].kept
                    cut += 1
                }
                let pageOffset = offset + removed
                // Its column on the page: characters since the line's start (counted on from the last place
                // when it is on the same line of the page).
                var start = pageOffset
                var count = 1
                if pageLineEnd > pageOffset, lastPageOffset <= pageOffset {
                    start = lastPageOffset
                    count = lastPageColumn
                } else {
                    while start > 0, page[start - 1] != 0x0A { start -= 1 }
                    pageLineEnd = (UTF8Search.find(byte: 0x0A, in: page.baseAddress!, from: pageOffset, through: page.count - 1) ?? page.count) + 1
                }
                for i in start..<pageOffset where page[i] & 0xC0 != 0x80 { count += 1 }
                (lastPageOffset, lastPageColumn) = (pageOffset, count)
                columns[k] = count
            }
        }
        return columns
    }

    /// Finds the bodies and values to cut, following libxml2 2.9's HTML parser (`htmlParseContent`,
    /// `htmlParseStartTag`, `htmlParseAttValue`, `htmlParseScript`) in what it takes for markup.
    private struct Scanner {
        let b: UnsafeBufferPointer<UInt8>
        let n: Int
        var cuts: [Range<Int>] = []
        var cutBytes = 0
        /// Values to cut in the start tag being read, kept apart until its `>` is found.
        var valueCuts: [Range<Int>] = []

        init(_ b: UnsafeBufferPointer<UInt8>) {
            self.b = b
            n = b.count
        }

        /// Scans the page; false when it found nothing it could cut.
        mutating func run() -> Bool {
            guard let base = b.baseAddress else { return false }
            var i = 0
            while i < n {
                guard let hit = memchr(base + i, 0x3C, n - i) else { break }
                let lt = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard lt + 1 < n else { break }
                let next = b[lt + 1]
                if next == 0x21 {
                    // `<!--` comment to the first `-->` or `--!>`; a doctype to its `>` (quoted literals
                    // skipped); any other `<!` is text to libxml2.
                    if lt + 3 < n, b[lt + 2] == 0x2D, b[lt + 3] == 0x2D {
                        guard let (end, closer) = commentEnd(from: lt + 4) else { return true }
                        // The tree keeps no comments: what is between `<!--` and its end goes.
                        if end - (lt + 4) >= Self.shortestValueCut {
                            cuts.append(lt + 4..<end)
                            cutBytes += end - (lt + 4)
                        }
                        i = end + closer
                    } else if matches(Self.doctype, at: lt + 2) {
                        guard let end = tagEnd(from: lt + 9, quotesAnywhere: true) else { return true }
                        i = end + 1
                    } else {
                        i = lt + 1
                    }
                } else if next == 0x3F {
                    // A processing instruction with a target runs to the first `>`.
                    guard lt + 2 < n, isNameStart(b[lt + 2]) || b[lt + 2] >= 0x80 else {
                        i = lt + 2
                        continue
                    }
                    guard let end = find(byte: 0x3E, from: lt + 2) else { return true }
                    i = end + 1
                } else if next == 0x2F {
                    // An end tag with a name runs to the next `>`.
                    guard lt + 2 < n, isLetter(b[lt + 2]) else {
                        i = lt + 2
                        continue
                    }
                    guard let end = find(byte: 0x3E, from: lt + 2) else { return true }
                    i = end + 1
                } else if isLetter(next) {
                    var p = lt + 1
                    while p < n, isNameChar(b[p]) { p += 1 }
                    let name = lt + 1..<p
                    // A tag left unterminated ends the cutting; its values are not taken.
                    guard let (end, selfClosed) = startTagEnd(from: p, keepsHref: equalsIgnoringCase(name, Self.link)) else { return true }
                    cuts += valueCuts
                    valueCuts.removeAll(keepingCapacity: true)
                    i = end + 1
                    guard !selfClosed else { continue }
                    let closer: [UInt8]
                    if equalsIgnoringCase(name, Self.script) {
                        closer = Self.script
                    } else if equalsIgnoringCase(name, Self.style) {
                        closer = Self.style
                    } else {
                        continue
                    }
                    let bodyEnd = bodyEnd(from: i, closer: closer)
                    if bodyEnd > i {
                        cuts.append(i..<bodyEnd)
                        cutBytes += bodyEnd - i
                    }
                    i = bodyEnd
                } else {
                    i = lt + 1
                }
            }
            return true
        }

        /// Where a comment whose text begins at `start` ends, and the length of its closer: the first `-->`,
        /// or `--!>` (libxml2 2.9.14 takes it for an end, with a complaint), found from `start` on.
        func commentEnd(from start: Int) -> (at: Int, closer: Int)? {
            var p = start
            while let dashes = find(0x2D, 0x2D, from: p) {
                if dashes + 2 < n, b[dashes + 2] == 0x3E { return (dashes, 3) }
                if dashes + 3 < n, b[dashes + 2] == 0x21, b[dashes + 3] == 0x3E { return (dashes, 4) }
                p = dashes + 1
            }
            return nil
        }

        /// The end of a raw-text body: the first `</` followed by the element's name in any case, else
        /// the end of the page.
        func bodyEnd(from start: Int, closer: [UInt8]) -> Int {
            var p = start
            while let lt = find(0x3C, 0x2F, from: p) {
                if matches(closer, at: lt + 2) { return lt }
                p = lt + 2
            }
            return n
        }

        /// The `>` that ends a start tag whose attributes begin at `p`, and whether the tag closed itself
        /// with `/>`. Attributes are read as libxml2 reads them: a name, optional blanks, `=`, blanks, then a
        /// quoted value or an unquoted one up to a blank or `>`; anything else is skipped to a blank or `>`.
        /// Quoted values the tree drops go to `valueCuts` (unless they hold a NUL, where libxml2 ends a value).
        mutating func startTagEnd(from start: Int, keepsHref: Bool) -> (end: Int, selfClosed: Bool)? {
            var p = start
            while true {
                while p < n, isBlank(b[p]) { p += 1 }
                guard p < n else { return nil }
                if b[p] == 0x3E { return (p, false) }
                if b[p] == 0x2F, p + 1 < n, b[p + 1] == 0x3E { return (p + 1, true) }
                if isNameStart(b[p]) {
                    let nameStart = p
                    while p < n, isNameChar(b[p]) { p += 1 }
                    let name = nameStart..<p
                    while p < n, isBlank(b[p]) { p += 1 }
                    guard p < n, b[p] == 0x3D else { continue }
                    p += 1
                    while p < n, isBlank(b[p]) { p += 1 }
                    guard p < n else { return nil }
                    if b[p] == 0x22 || b[p] == 0x27 {
                        guard let close = find(byte: b[p], from: p + 1) else { return nil }
                        if close - p > Self.shortestValueCut, !keepsValue(of: name, keepsHref: keepsHref),
                           memchr(b.baseAddress! + p + 1, 0, close - p - 1) == nil {
                            valueCuts.append(p + 1..<close)
                            cutBytes += close - p - 1
                        }
                        p = close + 1
                    } else {
                        while p < n, !isBlank(b[p]), b[p] != 0x3E { p += 1 }
                    }
                } else {
                    // Not an attribute name: libxml2 skips the bogus text up to a blank, `>` or `/>`.
                    while p < n, !isBlank(b[p]), b[p] != 0x3E, !(b[p] == 0x2F && p + 1 < n && b[p + 1] == 0x3E) { p += 1 }
                }
            }
        }

        /// Quoted values and comments shorter than this are left in: libxml2 reads them quickly, a cut
        /// costs a copy.
        static let shortestValueCut = 8

        /// Whether the tree keeps the value of the attribute named by `name`: an `AttributeKey`, `href`
        /// only on `<link>` (see `MarkupTreeBuilder`). Names longer than libxml2 reads in one piece
        /// (100 bytes; it reads the rest as a second name) are kept whole.
        func keepsValue(of name: Range<Int>, keepsHref: Bool) -> Bool {
            guard name.count <= 100, let key = AttributeKey.lookup(UnsafeBufferPointer(rebasing: b[name])) else {
                return name.count > 100
            }
            return key != .href || keepsHref
        }

        /// The next `>` from `p`, skipping quoted literals when `quotesAnywhere` is set.
        func tagEnd(from start: Int, quotesAnywhere: Bool) -> Int? {
            var p = start
            while p < n {
                let c = b[p]
                if c == 0x3E { return p }
                if quotesAnywhere, c == 0x22 || c == 0x27 {
                    guard let close = find(byte: c, from: p + 1) else { return nil }
                    p = close + 1
                    continue
                }
                p += 1
            }
            return nil
        }

        static let script = Array("script".utf8)
        static let style = Array("style".utf8)
        static let link = Array("link".utf8)

        func find(byte: UInt8, from start: Int) -> Int? {
            guard let base = b.baseAddress, start < n else { return nil }
            return UTF8Search.find(byte: byte, in: base, from: start, through: n - 1)
        }

        /// The next `first` followed by `second`: the first byte is looked for with `memchr`, which
        /// passes over a long script or comment much faster than a two-byte `memmem`.
        func find(_ first: UInt8, _ second: UInt8, from start: Int) -> Int? {
            var p = start
            while let hit = find(byte: first, from: p) {
                if hit + 1 >= n { return nil }
                if b[hit + 1] == second { return hit }
                p = hit + 1
            }
            return nil
        }

        static let doctype = Array("doctype".utf8)

        func matches(_ word: [UInt8], at start: Int) -> Bool {
            guard start + word.count <= n else { return false }
            for k in word.indices where lower(b[start + k]) != word[k] { return false }
            return true
        }

        func equalsIgnoringCase(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
            range.count == word.count && matches(word, at: range.lowerBound)
        }

        @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        @inline(__always) func isNameStart(_ c: UInt8) -> Bool { isLetter(c) || c == 0x5F || c == 0x3A || c == 0x2E }
        @inline(__always) func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 0x30 && c <= 0x39) || c == 0x2D }
        @inline(__always) func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    }
}
