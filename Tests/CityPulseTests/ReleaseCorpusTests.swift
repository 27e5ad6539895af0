@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// Facts from real releases of many cities (`shared/corpus/releases`), scored against hand-written
/// labels: per page and in total, facts found, right kind, right period, right region and numbers
/// wrongly claimed. The goal: each of the four at least 95% of the labels, nothing wrongly claimed.
@Suite(.serialized, .enabled(if: ReleaseCorpus.isPresent, ReleaseCorpus.skipReason))
struct ReleaseCorpusTests {
    static let goal = 0.95

    @Test func scoresMeetTheGoal() throws {
        let pages = try ReleaseCorpus.pages()
        #expect(pages.count >= 40, "expected the forty labelled pages, read \(pages.count)")
        let extractor = FactExtractor(pipeline: try ReleaseCorpus.pipeline())
        var total = ReleaseCorpus.Score()
        for page in pages {
            let score = ReleaseCorpus.score(page, facts: try ReleaseCorpus.facts(of: page.name, extractor: extractor))
            print("release corpus \(page.name): \(score)")
            total = total + score
        }
        for problem in total.problems { print("release corpus problem: \(problem)") }
        print("release corpus total: \(total)")
        #expect(total.labels >= 70, "the labels must be readable")
        #expect(total.rate(total.found) >= Self.goal, "facts found: \(total)")
        #expect(total.rate(total.kind) >= Self.goal, "right kind: \(total)")
        #expect(total.rate(total.period) >= Self.goal, "right period: \(total)")
        #expect(total.rate(total.region) >= Self.goal, "right region: \(total)")
        #expect(total.wronglyClaimed == 0, "wrongly claimed: \(total)")
    }
}

/// The release-corpus scorer, on facts made up for it (runs without the corpus).
@Suite struct ReleaseCorpusScorerTests {
    /// The scorer itself: a fact with the label's metric and value is found; kind, period and region are
    /// judged separately; a forbidden value claimed counts against the page.
    @Test func scorerJudgesEachPart() {
        let page = ReleaseCorpus.Page(
            name: "p", must: [ReleaseCorpus.Label(metric: "m", value: 5, kind: "target", endYear: 2025, region: "a")],
            mustNot: [ReleaseCorpus.Forbidden(value: 7, metric: nil), ReleaseCorpus.Forbidden(value: 9, metric: "other")])
        func fact(_ value: Int, kind: Fact.Kind, year: Int, region: String, metric: String = "m") -> Fact {
            Fact(metric: metric, kind: kind, value: ExactDecimal(value), unit: "人", unitAsWritten: "人", period: .year(year),
                 region: region, sources: [])
        }
        let right = ReleaseCorpus.score(page, facts: [fact(5, kind: .target, year: 2025, region: "a")])
        #expect((right.found, right.kind, right.period, right.region, right.wronglyClaimed) == (1, 1, 1, 1, 0))
        let wrong = ReleaseCorpus.score(page, facts: [fact(5, kind: .achievement, year: 2024, region: "b"), fact(7, kind: .target, year: 2025, region: "a"),
                                                      fact(9, kind: .target, year: 2025, region: "a")])
        #expect((wrong.found, wrong.kind, wrong.period, wrong.region, wrong.wronglyClaimed) == (1, 0, 0, 0, 1))
        let missing = ReleaseCorpus.score(page, facts: [fact(5, kind: .target, year: 2025, region: "a", metric: "other")])
        #expect(missing.found == 0)
    }
}
