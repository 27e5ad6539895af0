@testable import CityPulse
import Foundation
import Testing

/// The development corpus of real releases (`shared/corpus/releases`): pages, the pipeline that declares
/// their metrics and places, and the hand-written labels, read in place. The score follows the labels'
/// conventions (see the README there): a label is found when a fact of its page has its metric and
/// value; it is right in kind, period (the year its period ends) and region when those match, a label
/// without `end_year` or `region` accepting any; a `must_not` entry is wrongly claimed when any fact of
/// its page has its value (and its metric, when it names one).
enum ReleaseCorpus {
    static let folder = ProjectPaths.corpus.appendingPathComponent("releases")
    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected.json").path)
            && FileManager.default.fileExists(atPath: folder.appendingPathComponent("pages").path)
    }
    static let skipReason: Comment = "the real-release corpus is not beside the project (../shared/corpus/releases)"

    struct Label {
        var metric: String
        var value: Double
        var kind: String
        var endYear: Int?
        var region: String?
    }

    struct Forbidden {
        var value: Double
        var metric: String?
    }

    struct Page {
        var name: String
        var must: [Label]
        var mustNot: [Forbidden]
    }

    /// One page's score, or a total.
    struct Score: CustomStringConvertible {
        var labels = 0, found = 0, kind = 0, period = 0, region = 0, forbidden = 0, wronglyClaimed = 0
        var problems: [String] = []

        static func + (a: Score, b: Score) -> Score {
            Score(labels: a.labels + b.labels, found: a.found + b.found, kind: a.kind + b.kind, period: a.period + b.period,
                  region: a.region + b.region, forbidden: a.forbidden + b.forbidden,
                  wronglyClaimed: a.wronglyClaimed + b.wronglyClaimed, problems: a.problems + b.problems)
        }

        func rate(_ n: Int) -> Double { labels == 0 ? 1 : Double(n) / Double(labels) }

        var description: String {
            "facts found \(found)/\(labels), right kind \(kind), right period \(period), right region \(region), "
                + "wrongly claimed \(wronglyClaimed)/\(forbidden)"
        }
    }

    static func pages() throws -> [Page] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        let all = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return all.keys.sorted().map { name in
            let entry = all[name] as? [String: Any] ?? [:]
            let must = (entry["must"] as? [[String: Any]] ?? []).map { m in
                Label(metric: m["metric"] as? String ?? "", value: (m["value"] as? NSNumber)?.doubleValue ?? .nan,
                      kind: m["kind"] as? String ?? "", endYear: (m["end_year"] as? NSNumber)?.intValue, region: m["region"] as? String)
            }
            let mustNot = (entry["must_not"] as? [[String: Any]] ?? []).map { n in
                Forbidden(value: (n["value"] as? NSNumber)?.doubleValue ?? .nan, metric: n["metric"] as? String)
            }
            return Page(name: name, must: must, mustNot: mustNot)
        }
    }

    static func pipeline() throws -> PipelineDefinition {
        try PipelineLoader().load(path: folder.appendingPathComponent("pipeline.yml").path)
    }

    /// The facts CityPulse takes from a page of the corpus.
    static func facts(of page: String, extractor: FactExtractor) throws -> [Fact] {
        let url = folder.appendingPathComponent("pages").appendingPathComponent(page + ".html")
        let bytes = [UInt8](try Data(contentsOf: url))
        let (document, _) = PageReader().read(bytes: bytes, path: "pages/\(page).html", sourceID: "releases", contentHash: "")
        return extractor.extract(document).flatMap(\.facts)
    }

    /// Scores a page's facts against its labels; each label is matched to a different fact, the one
    /// that gets most of it right.
    static func score(_ page: Page, facts: [Fact]) -> Score {
        var score = Score(labels: page.must.count, forbidden: page.mustNot.count)
        var used = Set<Int>()
        for label in page.must {
            func checks(_ f: Fact) -> (Bool, Bool, Bool) {
                (f.kind.rawValue == label.kind, label.endYear == nil || f.period?.end.year == label.endYear,
                 label.region == nil || f.region == label.region)
            }
            let candidates = facts.indices.filter { i in
                !used.contains(i) && facts[i].metric == label.metric && Double(facts[i].value.description) == label.value
            }
            guard let best = candidates.max(by: { a, b in
                let (x, y) = (checks(facts[a]), checks(facts[b]))
                return [x.0, x.1, x.2].filter { $0 }.count < [y.0, y.1, y.2].filter { $0 }.count
            }) else {
                score.problems.append("\(page.name): not found: \(label.metric) \(label.value)")
                continue
            }
            used.insert(best)
            let f = facts[best]
            let (kind, period, region) = checks(f)
            score.found += 1
            if kind { score.kind += 1 }
            if period { score.period += 1 }
            if region { score.region += 1 }
            if !(kind && period && region) {
                score.problems.append(
                    "\(page.name): \(label.metric) \(label.value): kind \(f.kind.rawValue) (label \(label.kind)), "
                        + "ends \(f.period.map { String($0.end.year) } ?? "-") (label \(label.endYear.map(String.init) ?? "any")), "
                        + "region \(f.region ?? "-") (label \(label.region ?? "any"))")
            }
        }
        for n in page.mustNot {
            if let f = facts.first(where: { Double($0.value.description) == n.value && (n.metric == nil || n.metric == $0.metric) }) {
                score.wronglyClaimed += 1
                score.problems.append("\(page.name): wrongly claimed \(n.value) as \(f.metric): \(f.sources.first?.sentence ?? "")")
            }
        }
        return score
    }
}
