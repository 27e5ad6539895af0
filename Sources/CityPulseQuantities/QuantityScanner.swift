/// Finds the numbers in a line of Chinese text and says, for each, whether it is a quantity or why
/// it was set aside.
///
/// The scanner works on the text's Unicode scalars in one left-to-right pass, linear in the length of
/// the text; it allocates one array per call (the scalar values) and builds a `String` only for each
/// reported span.
/// See `README.md` in this folder for the conventions (bounds of 多/余/以上, dates, articles).
public struct QuantityScanner: Sendable {
    public init() {}

    /// Every number in `text`, in order of position. Offsets are in Unicode scalars of `text`.
    public func scan(_ text: String) -> [Quantity] {
        var pass = ScanPass(text)
        pass.run()
        return pass.found
    }
}
