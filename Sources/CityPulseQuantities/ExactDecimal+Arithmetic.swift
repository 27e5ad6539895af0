extension ExactDecimal {
    /// The value with its sign flipped.
    public var negated: ExactDecimal { ExactDecimal(significand: -significand, exponent: exponent) }

    /// The size of one step in the last written place: 1000 for 3000, 10 for 10, 100 for 3500,
    /// 0.1 for 1.5. A "3000多" runs from the value to the value plus this step.
    public var lastPlaceStep: ExactDecimal {
        guard significand != 0 else { return ExactDecimal(1) }
        var s = significand.magnitude
        var e = exponent
        while s % 10 == 0 {
            s /= 10
            e += 1
        }
        return ExactDecimal(significand: 1, exponent: e)
    }
}
