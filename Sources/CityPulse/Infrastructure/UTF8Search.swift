import CStringSearch
import Glibc

/// Substring search on UTF-8 bytes. Both texts are valid UTF-8, so a byte match starts and ends on
/// scalar boundaries; no Foundation bridging, no locale folding (Foundation's `range(of:)` and
/// `contains` on `String` go through `CFStringFind` and cost a bridge and a fold per call).
extension StringProtocol {
    /// The first (or, with `backwards`, the last) place `needle` occurs, compared byte by byte.
    func utf8Range(of needle: some StringProtocol, backwards: Bool = false) -> Range<Index>? {
        let hay = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, pattern.count <= hay.count else { return pattern.isEmpty ? startIndex..<startIndex : nil }
        let found: Int? = hay.withContiguousStorageIfAvailable { buffer -> Int? in
            guard !backwards, let base = buffer.baseAddress else { return UTF8Search.offset(of: pattern, first: first, in: buffer, backwards: backwards) }
            return UTF8Search.find(pattern, in: base, from: 0, through: buffer.count - pattern.count)
        }
            ?? UTF8Search.offset(of: pattern, first: first, in: Array(hay), backwards: backwards)
        guard let found else { return nil }
        let lower = hay.index(hay.startIndex, offsetBy: found)
        return lower..<hay.index(lower, offsetBy: pattern.count)
    }

    /// Whether `needle` occurs, compared byte by byte.
    func containsUTF8(_ needle: some StringProtocol) -> Bool { utf8Range(of: needle) != nil }
}

enum UTF8Search {
    /// The first `byte` in `base[from...last]` (glibc's `memchr`).
    @inline(__always)
    static func find(byte: UInt8, in base: UnsafePointer<UInt8>, from: Int, through last: Int) -> Int? {
        guard from <= last, let hit = memchr(base + from, Int32(byte), last - from + 1) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first start of `pattern` in `base[from...]` no later than `last` (glibc's `memmem`, which
    /// skips ahead on byte pairs instead of testing every position).
    @inline(__always)
    static func find(_ pattern: [UInt8], in base: UnsafePointer<UInt8>, from: Int, through last: Int) -> Int? {
        guard from <= last else { return nil }
        if pattern.count == 1 { return find(byte: pattern[0], in: base, from: from, through: last) }
        let length = last - from + pattern.count
        return pattern.withUnsafeBytes { p -> Int? in
            guard let hit = cs_memmem(base + from, length, p.baseAddress, p.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    static func offset<Bytes: RandomAccessCollection<UInt8>>(of pattern: [UInt8], first: UInt8, in hay: Bytes, backwards: Bool) -> Int?
        where Bytes.Index == Int {
        let base = hay.startIndex
        let last = hay.endIndex - pattern.count
        guard last >= base else { return nil }
        var i = backwards ? last : base
        while backwards ? i >= base : i <= last {
            if hay[i] == first {
                var m = 1
                while m < pattern.count, hay[i + m] == pattern[m] { m += 1 }
                if m == pattern.count { return i - base }
            }
            i += backwards ? -1 : 1
        }
        return nil
    }
}

extension String {
    /// The parts between occurrences of `separator` (empty parts kept), like Foundation's
    /// `components(separatedBy:)` without its bridging.
    func utf8Components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.utf8Range(of: separator), !separator.isEmpty {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
