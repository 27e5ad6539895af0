/// Finds the numbers in a line of Chinese text and says, for each, whether it is a quantity or why
/// it was set aside.
public struct QuantityScanner: Sendable {
    public init() {}

    /// Every number in `text`, in order of position. Offsets are in Unicode scalars of `text`.
    public func scan(_ text: String) -> [Quantity] {
        // Placeholder until the scanner lands: Arabic digit runs only.
        var out: [Quantity] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i].properties.numericType == .decimal, scalars[i].isASCII {
                let start = i
                while i < scalars.count, scalars[i].isASCII, scalars[i].properties.numericType == .decimal { i += 1 }
                let s = String(String.UnicodeScalarView(scalars[start..<i]))
                out.append(Quantity(kind: .quantity, text: s, value: ExactDecimal(s), start: start, end: i))
            } else {
                i += 1
            }
        }
        return out
    }
}
