import CityPulseQuantities

/// Where a fact came from: a span of a sentence in a document, or a line of a CSV file.
public struct Provenance: Sendable, Hashable, Codable {
    /// Path relative to the input root.
    public var file: String
    /// SHA-256 of the file's bytes.
    public var contentHash: String
    /// The document's publication date, when it has one.
    public var published: Day?
    /// The page's title or the table's indicator.
    public var title: String?
    /// The page's URL, when it declares one.
    public var url: String?
    /// Text sources: the sentence as it stands in the original text.
    public var sentence: String?
    /// Text sources: the quantity's span within `sentence`, in Unicode scalars, end exclusive.
    public var spanInSentence: Range<Int>?
    /// Text sources: the quantity's span in the document's original main text, in Unicode scalars.
    public var offsets: Range<Int>?
    /// CSV sources: 1-based physical line of the row.
    public var line: Int?
    /// CSV sources: the column the value came from.
    public var column: String?

    public init(
        file: String, contentHash: String, published: Day? = nil, title: String? = nil, url: String? = nil,
        sentence: String? = nil, spanInSentence: Range<Int>? = nil, offsets: Range<Int>? = nil,
        line: Int? = nil, column: String? = nil
    ) {
        self.file = file
        self.contentHash = contentHash
        self.published = published
        self.title = title
        self.url = url
        self.sentence = sentence
        self.spanInSentence = spanInSentence
        self.offsets = offsets
        self.line = line
        self.column = column
    }
}
