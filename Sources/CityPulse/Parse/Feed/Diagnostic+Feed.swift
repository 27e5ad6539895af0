extension Diagnostic.Message {
    static let emptyFeedFile: Self = "the file is empty: no feed to read"
    static let noMarkup: Self = "no XML element found: the file is not an RSS or Atom feed"
    static func feedWithoutItems(_ format: String) -> Self { "the \(format) feed has no items" }
    static func feedItemTitleOnly(_ index: Int) -> Self { "feed item \(index) has no text; its title is read as its text" }
    static func feedItemWithoutDate(_ index: Int) -> Self { "feed item \(index) has no publication date" }
}
