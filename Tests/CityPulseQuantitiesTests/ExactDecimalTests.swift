import CityPulseQuantities
import Testing

@Suite struct ExactDecimalTests {
    @Test(arguments: [("16.4", "16.4"), ("100000", "100000"), ("0.05", "0.05"), ("1.50", "1.5"), ("-3", "-3")])
    func parsesAndPrints(_ text: String, _ printed: String) {
        #expect(ExactDecimal(text)?.description == printed)
    }

    @Test func scalingHasNoDrift() {
        let value = ExactDecimal("16.4")!.multiplied(by: ExactDecimal(100_000_000))!
        #expect(value.description == "1640000000")
        #expect(value == ExactDecimal(1_640_000_000))
    }

    @Test func sumsAndOrders() {
        let a = ExactDecimal("0.1")!, b = ExactDecimal("0.2")!
        #expect(a.adding(b) == ExactDecimal("0.3"))
        #expect(a < b)
        #expect(ExactDecimal("1e3") == nil)
    }
}
