extension Diagnostic.Message {
    static func recoveredMarkup(_ message: String) -> Self { "recovered from broken markup: \(message)" }
    static func moreRecoveredMarkup(_ count: Int, total: Int) -> Self {
        "\(count) more markup problems recovered (\(total) in all)"
    }
    static func notAnArticle(_ reason: String) -> Self { "not taken as an article: \(reason)" }
    static func feedItemWithoutText(_ index: Int) -> Self { "feed item \(index) has no title and no text" }
    static func notAFeed(_ root: String) -> Self { "no RSS channel or Atom feed found (root element \(root))" }
}
