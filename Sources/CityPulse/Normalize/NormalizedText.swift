/// A text folded for matching (width, whitespace, pinyin annotations, Traditional→Simplified), with a
/// map from every normalized position back to the original text.
public struct NormalizedText: Sendable, Hashable {
    /// The original text, as shown to users.
    public let original: String
    /// The folded text that quantities and metric words are matched in.
    public let normalized: String
    /// For each scalar of `normalized`, the offset of the original scalar it came from; one extra entry
    /// at the end holds the original length.
    public let originalOffsets: [Int]

    public init(_ original: String) {
        // Placeholder until normalization lands: identity.
        self.original = original
        self.normalized = original
        let n = original.unicodeScalars.count
        self.originalOffsets = Array(0...n)
    }

    /// The span of the original text a normalized span came from (scalar offsets, end exclusive).
    public func originalRange(of normalizedRange: Range<Int>) -> Range<Int> {
        let start = originalOffsets[normalizedRange.lowerBound]
        let end = normalizedRange.isEmpty ? start : originalOffsets[normalizedRange.upperBound - 1] + 1
        return start..<max(start, end)
    }
}
