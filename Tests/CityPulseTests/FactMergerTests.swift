@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// One claim stated by many releases is one fact whose sources are every release that states it,
/// each once, earliest first.
@Suite struct FactMergerTests {
    static func fact(_ value: Int, from file: String, published: String) -> Fact {
        Fact(metric: "carriers", kind: .achievement, value: ExactDecimal(value), unit: "家", unitAsWritten: "家", period: nil,
             region: "hohhot", sources: [Provenance(file: file, contentHash: file, published: Day(iso: published), offsets: 0..<3)])
    }

    @Test func aClaimRepeatedIsOneFactWithEachSourceOnce() {
        let facts = [Self.fact(12, from: "b.html", published: "2024-05-02"), Self.fact(12, from: "a.html", published: "2024-05-03"),
                     Self.fact(13, from: "a.html", published: "2024-05-03"), Self.fact(12, from: "b.html", published: "2024-05-02")]
        let merged = FactMerger.merge(facts)
        #expect(merged.count == 2)
        let twelve = merged.first { $0.value == ExactDecimal(12) }
        #expect(twelve?.sources.map(\.file) == ["b.html", "a.html"], "earliest first, the repeated source once")
    }

    /// A claim reposted by 50 000 pages (a syndicated release in an archive) merges in time
    /// proportional to them; checking each source against a list took the square. The bound is loose
    /// enough for a debug build on a busy machine.
    @Test func fiftyThousandRepostsMergeInLinearTime() {
        let facts = (0..<50_000).map { Self.fact(12, from: "repost-\($0).html", published: "2024-05-02") }
        var merged: [Fact] = []
        let t = PageReaderScalingTests.seconds { merged = FactMerger.merge(facts + facts.prefix(100)) }
        #expect(merged.count == 1)
        #expect(merged.first?.sources.count == 50_000)
        #expect(t < 30, "merging 50 100 facts took \(t) s")
    }
}
