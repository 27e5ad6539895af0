/// One of `count` parts of a pipeline's inputs (`--shard K/N`). A file belongs to the shard its path
/// (relative to the input root, with `/` separators) hashes to, so every machine and every run puts a
/// file in the same shard, and a shard's files do not depend on which other files exist.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1…count.
    public let index: Int
    public let count: Int

    /// The largest number of shards a run may be split into.
    public static let maximumCount = 100_000

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maximumCount, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`, as `--shard` takes it.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the file at `path` falls in this shard.
    public func contains(path: String) -> Bool { Self.index(of: path, count: count) == index }

    /// The shard (1…count) of the file at `path`: its 64-bit FNV-1a hash modulo `count`, plus one.
    public static func index(of path: String, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count)) + 1
    }
}
