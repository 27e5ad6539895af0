import CityPulseQuantities
import Testing

/// The scan is linear in the length of its input: a line ten times longer gives exactly ten times the
/// readings, and shapes that once made a scanner retry from every scalar (long digit runs, long runs
/// of numeral characters) finish within the time limit. Timings are measured outside the tests, on a
/// release build (see `README.md`).
@Suite(.timeLimit(.minutes(2))) struct LinearScanTests {
    /// A release sentence with a bit of everything, ending in a full stop so repeats do not join.
    static let sentence =
        "2024年呼和浩特新增创业载体10家以上，引进高层次人才100名以上、約1.5萬名大學生留呼，近三成企业超过2000人次，"
        + "投资16.4亿元，开放50處早夜市，“人才新政10條”第一支队伍70周年，电话0471-1234567，1+1>2。"

    static func repeated(_ unit: String, toScalars target: Int) -> (String, Int) {
        let count = max(1, (target + unit.unicodeScalars.count - 1) / unit.unicodeScalars.count)
        return (String(repeating: unit, count: count), count)
    }

    @Test func readingsScaleExactlyWithLength() {
        let perSentence = QuantityScanner().scan(Self.sentence)
        #expect(perSentence.count == 13)
        let (small, smallCount) = Self.repeated(Self.sentence, toScalars: 200_000)
        let largeCount = 10 * smallCount
        let large = String(repeating: Self.sentence, count: largeCount)
        #expect(large.unicodeScalars.count >= 2_000_000)
        let a = QuantityScanner().scan(small)
        let b = QuantityScanner().scan(large)
        #expect(a.count == smallCount * perSentence.count)
        #expect(b.count == 10 * a.count)
        // The last sentence's readings are the first sentence's, shifted: nothing drifts along the line.
        let shift = (largeCount - 1) * Self.sentence.unicodeScalars.count
        #expect(b.suffix(perSentence.count).map { $0.start - shift } == perSentence.map(\.start))
        #expect(b.suffix(perSentence.count).map(\.text) == perSentence.map(\.text))
    }

    /// Shapes that are not sentences: each is read in one pass, whatever its length.
    @Test(arguments: [
        ("1", 1), ("一", 0), ("万", 0), ("1,", 1), ("1-", 1), ("1.", 1), ("a1", 1), ("零", 0), ("1+", 1),
        ("百分之五，", 1), ("第", 0), ("几", 0), ("“", 0), ("1 ", 1), ("2024年", 1),
    ])
    func pathologicalShapesStayLinear(_ unit: String, _ nonEmpty: Int) {
        let (small, count) = Self.repeated(unit, toScalars: 20_000)
        let large = String(repeating: unit, count: 10 * count)
        let a = QuantityScanner().scan(small).count
        let b = QuantityScanner().scan(large).count
        if nonEmpty == 0 {
            #expect(a == 0 && b == 0)
        } else {
            // Either one reading for the whole run (an identifier, a formula) or a fixed number per repeat.
            #expect(a >= 1 && (b == a || b == 10 * a), "\(a) → \(b)")
        }
    }
}
