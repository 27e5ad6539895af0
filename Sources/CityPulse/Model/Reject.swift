/// Something read and not used, with the place and a reason a user understands.
public struct Reject: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    /// Column name or 1-based index, when one column is to blame.
    public var column: String?
    public var reason: String
    /// The raw row, shortened, so a user can see it without opening the file.
    public var excerpt: String

    public init(file: String, line: Int, column: String? = nil, reason: String, excerpt: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.excerpt = excerpt
    }
}
