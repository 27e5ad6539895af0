@testable import CityPulse
import Foundation
import Testing

/// Inputs the coverage-guided fuzzers (`Fuzz/run`) found to crash, reduced to what matters, so a
/// regression fails here first.
@Suite struct FuzzFindingsTests {
    /// A month named with no year before it, in a text with no publication date (a feed item without
    /// pubDate), once dated the month in year 0 and trapped on the invalid day. Such a month dates
    /// nothing: the fact is kept and gets no period from it.
    @Test(arguments: ["截至10月底，全市已开放夜市38处。", "1至6月，全市新开放夜市12处。", "上半年全市新开放夜市12处。"])
    func aMonthWithNoYearAndNoPublicationDate(_ text: String) throws {
        let document = Document(path: "item.xml#1", sourceID: "t", contentHash: "", encoding: "UTF-8", title: "甲市夜市",
                                published: nil, text: text)
        let facts = FactCueTests.extractor.extract(document).flatMap(\.facts)
        let fact = try #require(facts.first { $0.metric == "markets" }, "\(facts)")
        #expect(fact.period == nil, "\(String(describing: fact.period))")
    }
}
