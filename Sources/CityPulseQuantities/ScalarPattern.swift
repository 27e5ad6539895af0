/// Literal text as scalar values, matched against the scanner's scalar array without building strings.
struct ScalarPattern: Sendable, Hashable {
    let scalars: [UInt32]

    init(_ text: String) { scalars = text.unicodeScalars.map(\.value) }

    var count: Int { scalars.count }

    /// Whether the pattern occurs in `u` starting at `i`.
    @inline(__always)
    func matches(_ u: [UInt32], at i: Int) -> Bool {
        guard i >= 0, i + scalars.count <= u.count else { return false }
        for k in 0..<scalars.count where u[i + k] != scalars[k] { return false }
        return true
    }

    /// Whether the pattern occurs in `u` ending just before `end`, not reaching before `floor`.
    @inline(__always)
    func matches(_ u: [UInt32], endingAt end: Int, floor: Int = 0) -> Bool {
        let i = end - scalars.count
        guard i >= floor else { return false }
        return matches(u, at: i)
    }
}

/// A set of patterns searched longest first, indexed by their first scalar.
struct PatternTable<Payload: Sendable>: Sendable {
    private var byFirst: [UInt32: [(ScalarPattern, Payload)]] = [:]
    private var byLast: [UInt32: [(ScalarPattern, Payload)]] = [:]

    init(_ entries: [(String, Payload)]) {
        for (text, payload) in entries {
            let p = ScalarPattern(text)
            byFirst[p.scalars[0], default: []].append((p, payload))
            byLast[p.scalars[p.count - 1], default: []].append((p, payload))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.0.count > $1.0.count } }
        for key in byLast.keys { byLast[key]!.sort { $0.0.count > $1.0.count } }
    }

    /// The longest entry starting at `i`.
    func longest(in u: [UInt32], at i: Int) -> (ScalarPattern, Payload)? {
        guard i < u.count, let candidates = byFirst[u[i]] else { return nil }
        for entry in candidates where entry.0.matches(u, at: i) { return entry }
        return nil
    }

    /// The longest entry ending just before `end`, starting no earlier than `floor`.
    func longest(in u: [UInt32], endingAt end: Int, floor: Int) -> (ScalarPattern, Payload)? {
        guard end > 0, end - 1 >= floor, let candidates = byLast[u[end - 1]] else { return nil }
        for entry in candidates where entry.0.matches(u, endingAt: end, floor: floor) { return entry }
        return nil
    }
}
