import Foundation

/// The Traditional→Simplified character table shipped in `Tables/TraditionalToSimplified.txt`,
/// loaded once. Matching Traditional text depends on it, so an installation without it stops at
/// the first text normalized, naming the missing resource, rather than folding nothing.
struct TraditionalSimplifiedTable: Sendable {
    private let map: [UInt32: Unicode.Scalar]
    /// The same folds for U+3400…U+FFFF as a flat array (0 where there is none): every Chinese character
    /// of a text is looked up, and indexing an array costs far less than hashing.
    private let basic: [UInt32]
    private static let basicStart: UInt32 = 0x3400

    static let shared: TraditionalSimplifiedTable = {
        do {
            return try TraditionalSimplifiedTable(resource: "TraditionalToSimplified")
        } catch {
            fatalError("\(error)")
        }
    }()

    /// The table's resource is missing, unreadable or holds no folds.
    struct MissingTable: Error, CustomStringConvertible {
        var resource: String
        var reason: String
        var description: String { "the Traditional→Simplified table \(resource).txt \(reason); CityPulse's resources are not installed with it" }
    }

    /// Number of characters the table folds.
    var count: Int { map.count }

    init(resource: String) throws(MissingTable) {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "txt", subdirectory: "Tables")
                ?? Bundle.module.url(forResource: resource, withExtension: "txt") else {
            throw MissingTable(resource: resource, reason: "is not in the bundle")
        }
        guard let data = try? Data(contentsOf: url) else { throw MissingTable(resource: resource, reason: "cannot be read") }
        self.init(text: String(decoding: data, as: UTF8.self))
        guard count > 0 else { throw MissingTable(resource: resource, reason: "holds no folds") }
    }

    init(text: String) {
        var map: [UInt32: Unicode.Scalar] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let scalars = Array(line.unicodeScalars)
            guard scalars.count == 3, scalars[1] == "\t" else { continue }
            map[scalars[0].value] = scalars[2]
        }
        self.map = map
        var basic = [UInt32](repeating: 0, count: Int(0x10000 - TraditionalSimplifiedTable.basicStart))
        for (k, v) in map where k >= TraditionalSimplifiedTable.basicStart && k < 0x10000 {
            basic[Int(k - TraditionalSimplifiedTable.basicStart)] = v.value
        }
        self.basic = basic
    }

    /// The Simplified form of `s`, or nil when it has none of its own.
    func simplified(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < TraditionalSimplifiedTable.basicStart { return nil }
        if v < 0x10000 {
            let folded = basic[Int(v - TraditionalSimplifiedTable.basicStart)]
            return folded == 0 ? nil : Unicode.Scalar(folded)
        }
        return map[v]
    }
}
