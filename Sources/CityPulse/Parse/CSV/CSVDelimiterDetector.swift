/// Picks the delimiter of a file whose mapping names none: comma, tab or semicolon.
///
/// Each candidate is counted outside quotes on the first lines; the one that splits the most lines into the
/// same number of fields wins (NBS metadata lines, which have no delimiter, do not spoil the vote), with the
/// total count breaking ties and comma as the default.
enum CSVDelimiterDetector {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]

    static func detect(in bytes: [UInt8], maxLines: Int = 30) -> UInt8 {
        var counts = [[Int]](repeating: [], count: candidates.count)
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lines = 0
        var i = 0
        while i < bytes.count, lines < maxLines {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                for k in candidates.indices { counts[k].append(current[k]) }
                current = [Int](repeating: 0, count: candidates.count)
                lines += 1
                if c == UInt8(ascii: "\r"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
            } else if !inQuotes, let k = candidates.firstIndex(of: c) {
                current[k] += 1
            }
            i += 1
        }
        if lines < maxLines { for k in candidates.indices { counts[k].append(current[k]) } }
        var best = 0
        var bestScore = (0, 0)
        for k in candidates.indices {
            let nonzero = counts[k].filter { $0 > 0 }
            guard !nonzero.isEmpty else { continue }
            var frequency: [Int: Int] = [:]
            for n in nonzero { frequency[n, default: 0] += 1 }
            let modeLines = frequency.values.max() ?? 0
            let score = (modeLines, nonzero.reduce(0, +))
            if score > bestScore {
                bestScore = score
                best = k
            }
        }
        return candidates[best]
    }
}
