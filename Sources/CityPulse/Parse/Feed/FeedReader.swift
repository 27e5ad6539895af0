/// Reads an RSS or Atom feed of press releases: each item becomes a document.
public struct FeedReader: Sendable {
    public init() {}

    /// One document per item, and diagnostics.
    public func read(bytes: [UInt8], path: String, sourceID: String, contentHash: String) -> ([Document], [Diagnostic]) {
        // Placeholder until the feed reader lands.
        ([], [Diagnostic(.warning, stage: "parse", file: path, "feeds are not read yet")])
    }
}
