import Foundation

/// Compares a run with the last publish: a run that would drop more than `quality.max_drop` of the
/// inputs, facts or series points published last time (a release folder half synced, an export cut
/// short) is refused, unless the operator accepts the drop. The manifest records the comparison.
struct ShrinkGuard: Sendable {
    struct Count: Sendable {
        var name: String
        var previous: Int
        var now: Int
    }

    var counts: [Count]
    var maxDrop: Double
    var accepted: Bool

    /// The comparison with the manifest of the last publish at `manifest`; nil when there is none (a
    /// first run) or it cannot be read.
    static func compare(lastManifest manifest: URL, inputs: Int, facts: Int, series: Int, maxDrop: Double, accepted: Bool) -> ShrinkGuard? {
        guard let bytes = try? POSIXFile.read(manifest.path), let counts = Self.counts(inManifest: bytes) else { return nil }
        func previous(_ key: String) -> Int? { (counts[key] as? NSNumber)?.intValue }
        guard let i = previous("inputs"), let f = previous("facts"), let s = previous("series") else { return nil }
        return ShrinkGuard(
            counts: [Count(name: "inputs", previous: i, now: inputs), Count(name: "facts", previous: f, now: facts),
                     Count(name: "series points", previous: s, now: series)],
            maxDrop: maxDrop, accepted: accepted)
    }

    /// The `counts` object of a manifest. The manifest of a large run is megabytes of inputs and
    /// documents; the counts, a flat object of numbers, are parsed alone when they can be found (the
    /// manifest is written with sorted keys, so they come before the long lists), else the whole file.
    static func counts(inManifest bytes: [UInt8]) -> [String: Any]? {
        let key = Array("\"counts\": {".utf8)
        if let start = bytes.withUnsafeBufferPointer({ UTF8Search.first(key, in: $0) }),
           let close = bytes[(start + key.count)...].firstIndex(of: UInt8(ascii: "}")),
           let counts = try? JSONSerialization.jsonObject(with: Data(bytes[(start + key.count - 1)...close])) as? [String: Any] {
            return counts
        }
        return (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])?["counts"] as? [String: Any]
    }

    /// The counts that fell by more than the allowed share.
    var dropped: [Count] {
        guard maxDrop < 1 else { return [] }
        return counts.filter { $0.previous > 0 && Double($0.previous - $0.now) > maxDrop * Double($0.previous) }
    }

    /// Why the run must not publish, when it must not.
    var refusal: String? {
        let dropped = dropped
        guard !dropped.isEmpty, !accepted else { return nil }
        let what = dropped.map { "\($0.name) \($0.previous) → \($0.now)" }.joined(separator: ", ")
        return "nothing published: compared with the last publish the run drops more than \(Int((maxDrop * 100).rounded()))% of its \(what) (quality.max_drop); --accept-drop publishes anyway"
    }

    func json() -> JSONValue {
        [
            "max_drop": .ratio(maxDrop), "accepted": .bool(accepted && !dropped.isEmpty),
            "dropped": .array(dropped.map { .string($0.name) }),
            "previous": .object(Dictionary(counts.map { ($0.name, JSONValue.int($0.previous)) }, uniquingKeysWith: { a, _ in a })),
            "now": .object(Dictionary(counts.map { ($0.name, JSONValue.int($0.now)) }, uniquingKeysWith: { a, _ in a })),
        ]
    }
}
