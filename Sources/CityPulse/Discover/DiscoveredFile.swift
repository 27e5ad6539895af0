import Foundation

/// One file a source's globs matched, inside the input root.
public struct DiscoveredFile: Sendable, Hashable {
    /// Path relative to the input root, with `/` separators.
    public var path: String
    public var url: URL
    public var source: SourceDefinition
    public var size: Int
    /// Modification time in nanoseconds, for stat-based change detection.
    public var modified: Int64
}
