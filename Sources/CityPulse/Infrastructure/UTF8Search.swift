import CStringSearch
import Glibc

/// Substring search on UTF-8 bytes. Both texts are valid UTF-8, so a byte match starts and ends on
/// scalar boundaries; no Foundation bridging, no locale folding (Foundation's `range(of:)` and
/// `contains` on `String` go through `CFStringFind` and cost a bridge and a fold per call).
extension StringProtocol {
    /// The first (or, with `backwards`, the last) place `needle` occurs, compared byte by byte.
    func utf8Range(of needle: some StringProtocol, backwards: Bool = false) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return startIndex..<startIndex }
        let search = { (hay: UnsafeBufferPointer<UInt8>) -> Int? in
            backwards ? UTF8Search.last(pattern, in: hay) : UTF8Search.first(pattern, in: hay)
        }
        guard let found = utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
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

    /// The offset of the first `pattern` in `hay`.
    static func first(_ pattern: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = hay.baseAddress, hay.count >= pattern.count else { return nil }
        return find(pattern, in: base, from: 0, through: hay.count - pattern.count)
    }

    /// The offset of the last `pattern` in `hay`.
    static func last(_ pattern: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = hay.count - pattern.count
        while i >= 0 {
            if hay[i] == pattern[0], pattern.indices.allSatisfy({ hay[i + $0] == pattern[$0] }) { return i }
            i -= 1
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

extension StringProtocol {
    /// The Unicode scalars as an array, decoded in one pass: `Array(s.unicodeScalars)` counts them in a
    /// pass of its own first. Room is made for one scalar per UTF-8 byte, the most there can be.
    func scalarArray() -> [Unicode.Scalar] {
        let capacity = utf8.count
        return [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { buffer, count in
            var n = 0
            for scalar in unicodeScalars {
                (buffer.baseAddress! + n).initialize(to: scalar)
                n += 1
            }
            count = n
        }
    }
}
