/// What one input file gave, in the form the cache keeps between runs.
public struct FileResult: Sendable, Equatable, Codable {
    /// Documents read (text dropped once facts are taken, to keep runs small).
    public var documents: [Document]
    /// Facts from text, before merging across documents.
    public var facts: [Fact]
    public var diagnostics: [Diagnostic]
    /// For CSV inputs: observations, rejects and counts.
    public var table: CSVExtraction?

    public init(documents: [Document] = [], facts: [Fact] = [], diagnostics: [Diagnostic] = [], table: CSVExtraction? = nil) {
        self.documents = documents
        self.facts = facts
        self.diagnostics = diagnostics
        self.table = table
    }
}
