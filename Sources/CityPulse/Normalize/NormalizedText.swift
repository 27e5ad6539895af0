/// A text folded for matching (width, whitespace, pinyin annotations, Traditional→Simplified), with a
/// map from every normalized position back to the original text.
///
/// The folds, in the order they apply:
/// - **pinyin annotations** after a Chinese character are removed: `創(chuàng)業(yè)` → `創業`. An annotation
///   is a parenthesis (ASCII or full-width) right after an ideograph holding one lowercase syllable with a
///   tone mark or ü; real parentheses such as `共青團(青聯(lián))` keep theirs: `共青團(青聯)`.
/// - **width**: full-width digits, letters and symbols become ASCII (`１０％` → `10%`, `（` → `(`).
///   The Chinese sentence marks ，！？：； stay as they are (as do 。、「」, which have no ASCII twin),
///   because they separate clauses in Chinese; a full-width comma between two digits (`１，０００`)
///   is a thousands separator and becomes `,`.
/// - **whitespace**: every run of white space (including U+3000 and no-break space) becomes one space,
///   or one newline if it holds a line break; runs at the start and end are dropped.
/// - **script**: Traditional characters fold to Simplified one for one (`創業` → `创业`), from the table in
///   `Tables/TraditionalToSimplified.txt`.
///
/// Each fold keeps or removes whole scalars, so every normalized scalar comes from one original scalar.
public struct NormalizedText: Sendable, Hashable {
    /// The original text, as shown to users.
    public let original: String
    /// The folded text that quantities and metric words are matched in.
    public let normalized: String
    /// For each scalar of `normalized`, the offset of the original scalar it came from; one extra entry
    /// at the end holds the original length.
    public let originalOffsets: [Int]
    /// For each scalar of `normalized`, the end of the original stretch it stands for: a character owns
    /// the annotation removed after it, a space the whole run of white space it replaced.
    private let originalEnds: [Int]

    public init(_ original: String) {
        self.original = original
        let source = original.scalarArray()
        let annotations = PinyinAnnotations.ranges(in: source)
        let table = TraditionalSimplifiedTable.shared

        // The folded text is built as UTF-8 bytes: appending scalar by scalar to a String is several
        // times slower on long texts.
        var out: [UInt8] = []
        out.reserveCapacity(original.utf8.count)
        var offsets: [Int] = []
        var ends: [Int] = []
        offsets.reserveCapacity(source.count + 1)
        ends.reserveCapacity(source.count)
        var whitespaceStart = -1
        var whitespaceHasNewline = false
        var annotationIndex = 0
        var i = 0
        while i < source.count {
            if annotationIndex < annotations.count, annotations[annotationIndex].lowerBound == i {
                i = annotations[annotationIndex].upperBound
                annotationIndex += 1
                if !ends.isEmpty && whitespaceStart < 0 { ends[ends.count - 1] = i }
                continue
            }
            let s = source[i]
            if NormalizedText.isWhitespace(s) {
                if whitespaceStart < 0 { whitespaceStart = i }
                if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" { whitespaceHasNewline = true }
                i += 1
                continue
            }
            if whitespaceStart >= 0 {
                if !offsets.isEmpty {
                    out.append(whitespaceHasNewline ? 0x0A : 0x20)
                    offsets.append(whitespaceStart)
                    ends.append(i)
                }
                whitespaceStart = -1
                whitespaceHasNewline = false
            }
            var folded = NormalizedText.foldWidth(s, previous: i > 0 ? source[i - 1] : nil, next: i + 1 < source.count ? source[i + 1] : nil)
            if let simple = table.simplified(folded) { folded = simple }
            NormalizedText.appendUTF8(folded, to: &out)
            offsets.append(i)
            ends.append(i + 1)
            i += 1
        }
        offsets.append(source.count)
        self.normalized = String(decoding: out, as: UTF8.self)
        self.originalOffsets = offsets
        self.originalEnds = ends
    }

    /// The span of the original text a normalized span came from (scalar offsets, end exclusive). The span
    /// runs up to where the next normalized character starts, so removed annotations and collapsed
    /// spaces that follow its last character belong to it.
    public func originalRange(of normalizedRange: Range<Int>) -> Range<Int> {
        let start = originalOffsets[normalizedRange.lowerBound]
        guard !normalizedRange.isEmpty else { return start..<start }
        return start..<max(start, originalEnds[normalizedRange.upperBound - 1])
    }

    /// The original text of a normalized span.
    public func originalText(of normalizedRange: Range<Int>) -> String {
        let r = originalRange(of: normalizedRange)
        let scalars = original.unicodeScalars
        let a = scalars.index(scalars.startIndex, offsetBy: r.lowerBound)
        let b = scalars.index(a, offsetBy: r.count)
        return String(scalars[a..<b])
    }

    // MARK: - Folds

    @inline(__always)
    static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Full-width forms to ASCII, except the Chinese sentence marks.
    static func foldWidth(_ s: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> Unicode.Scalar {
        let v = s.value
        guard v >= 0xFF01 && v <= 0xFF5E else { return s }
        switch v {
        case 0xFF0C:
            // ，between digits is a thousands separator.
            if let previous, let next, isDigit(previous), isDigit(next) { return "," }
            return s
        case 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B:
            return s
        default:
            return Unicode.Scalar(v - 0xFEE0) ?? s
        }
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }
}
