import Foundation

/// The Traditional→Simplified character table shipped in `Tables/TraditionalToSimplified.txt`,
/// loaded once. If the resource cannot be read the table is empty and nothing is folded.
struct TraditionalSimplifiedTable: Sendable {
    private let map: [UInt32: Unicode.Scalar]

    static let shared = TraditionalSimplifiedTable(resource: "TraditionalToSimplified")

    /// Number of characters the table folds.
    var count: Int { map.count }

    init(resource: String) {
        guard let url = Bundle.module.url(forResource: resource, withExtension: "txt", subdirectory: "Tables")
                ?? Bundle.module.url(forResource: resource, withExtension: "txt"),
              let data = try? Data(contentsOf: url) else {
            self.init(text: "")
            return
        }
        self.init(text: String(decoding: data, as: UTF8.self))
    }

    init(text: String) {
        var map: [UInt32: Unicode.Scalar] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let scalars = Array(line.unicodeScalars)
            guard scalars.count == 3, scalars[1] == "\t" else { continue }
            map[scalars[0].value] = scalars[2]
        }
        self.map = map
    }

    /// The Simplified form of `s`, or nil when it has none of its own.
    func simplified(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        s.value < 0x3400 ? nil : map[s.value]
    }
}
