@testable import CityPulse

extension SeriesBuilder {
    /// The series of `facts`, for tests that look at the points only.
    func build(_ facts: [Fact]) -> [SeriesPoint] {
        var diagnostics: [Diagnostic] = []
        return build(facts, diagnostics: &diagnostics)
    }
}
