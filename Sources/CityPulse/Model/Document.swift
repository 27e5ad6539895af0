/// One article read from a page or a feed item: metadata and main text, original and normalized.
public struct Document: Sendable, Hashable, Codable {
    /// Path relative to the input root; for a feed item, `feed.xml#3`.
    public var path: String
    public var sourceID: String
    public var contentHash: String
    /// The encoding the bytes were decoded with (UTF-8, GB18030, Big5…), and how it was decided.
    public var encoding: String
    public var title: String?
    public var published: Day?
    public var site: String?
    public var author: String?
    public var editor: String?
    public var url: String?
    /// False for list pages and portals: no facts are taken from them.
    public var isArticle: Bool
    /// Main text as it stands on the page, paragraphs separated by a newline.
    public var text: String

    public init(
        path: String, sourceID: String, contentHash: String, encoding: String, title: String? = nil,
        published: Day? = nil, site: String? = nil, author: String? = nil, editor: String? = nil,
        url: String? = nil, isArticle: Bool = true, text: String
    ) {
        self.path = path
        self.sourceID = sourceID
        self.contentHash = contentHash
        self.encoding = encoding
        self.title = title
        self.published = published
        self.site = site
        self.author = author
        self.editor = editor
        self.url = url
        self.isArticle = isArticle
        self.text = text
    }
}
