import CityPulseQuantities
import Foundation
import Testing

/// What a peer tool's test says the answer is, kept close to how the peer wrote it.
enum PeerExpectation: Sendable, CustomStringConvertible {
    /// A numeral's value (cn2an, Duckling numerals and ordinals).
    case value(ExactDecimal)
    /// The peer refuses the input (cn2an's error lists).
    case error
    /// The peer's rewrite of a sentence (cn2an transform) or digit-by-digit reading (cn2an direct).
    case text(String)
    /// Money spans found in a sentence, offsets in Unicode scalars (JioNLP extractor).
    case spans([PeerSpan])
    /// A money reading: one number or a range, currency and how exact it is (JioNLP parser).
    case money(PeerMoney)
    /// A Duckling value line: `simple Dollar 7`, `under Dollar 1.2`, `between Dollar (5.6, 5.78)`.
    case duckling(PeerDuckling)

    var description: String {
        switch self {
        case .value(let v): "\(v)"
        case .error: "error"
        case .text(let t): t
        case .spans(let s): s.map { "\($0.text)@\($0.start)-\($0.end)" }.joined(separator: " ")
        case .money(let m): "\(m.lower)\(m.upper.map { "–\($0)" } ?? "") \(m.currency) \(m.definition)"
        case .duckling(let d): d.line
        }
    }
}

struct PeerSpan: Sendable, Equatable {
    var text: String
    var start: Int
    var end: Int
}

struct PeerMoney: Sendable {
    var lower: ExactDecimal
    var upper: ExactDecimal?
    var currency: String
    /// accurate, blur (about, or a range), blur- (below), blur+ (at least).
    var definition: String
}

struct PeerDuckling: Sendable {
    var line: String
    /// simple, under, above, between; `NumeralValue` and `OrdinalData` read as simple.
    var relation: String
    /// Cent, Dollar, CNY, HKD, Gram, or empty for numerals and ordinals.
    var unit: String
    var numbers: [ExactDecimal]
}

/// One case of a peer's test suite, read in place from `shared/corpus/numerals`.
struct PeerCase: Sendable, CustomTestStringConvertible {
    /// cn2an, duckling or jionlp.
    var suite: String
    /// The peer's own name for the list the case comes from, e.g. `cn2an.strict_data_dict`.
    var group: String
    var input: String
    var expected: PeerExpectation

    var key: String { "\(group) \(input)" }
    var testDescription: String { "\(suite) \(group) \(input) → \(expected)" }
}

enum PeerCorpus {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/numerals").standardizedFileURL

    static let suites = ["cn2an", "duckling", "jionlp"]

    /// Whether the numeral suites are beside the project; a lone clone has none, and the suites that
    /// read them are skipped, saying why (CI fails without them).
    static let isPresent = FileManager.default.fileExists(atPath: directory.path)
    static let missing: Comment = "needs the peers' numeral suites beside the project (../shared/corpus/numerals), which this clone lacks"

    /// Every case of every suite, in file order. Fails loudly (an empty list and a recorded issue)
    /// when the corpus is there but cannot be read, so a broken corpus never passes as "0 failures".
    static let all: [PeerCase] = {
        guard isPresent else { return [] }
        do {
            return try suites.flatMap { try load($0) }
        } catch {
            Issue.record("peer corpus unreadable: \(error)")
            return []
        }
    }()

    static func load(_ suite: String) throws -> [PeerCase] {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(suite).json"))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        var out: [PeerCase] = []
        for (section, body) in root.sorted(by: { $0.key < $1.key }) where section != "source" {
            switch suite {
            case "cn2an":
                guard let groups = body as? [String: Any] else { continue }
                for (name, list) in groups.sorted(by: { $0.key < $1.key }) {
                    for item in list as? [[String: Any]] ?? [] {
                        let input = item["input"] as? String ?? ""
                        let expected: PeerExpectation
                        if let s = item["expected"] as? String {
                            expected = s == "error" ? .error : .text(s)
                        } else {
                            expected = .value(try exact(item["expected"] as Any))
                        }
                        out.append(PeerCase(suite: suite, group: "\(section).\(name)", input: input, expected: expected))
                    }
                }
            case "duckling":
                for item in body as? [[String: Any]] ?? [] {
                    let line = item["value"] as? String ?? ""
                    let d = try duckling(line)
                    for input in item["inputs"] as? [String] ?? [] {
                        let expected: PeerExpectation =
                            d.unit.isEmpty && d.relation == "simple" ? .value(d.numbers[0]) : .duckling(d)
                        out.append(PeerCase(suite: suite, group: section, input: input, expected: expected))
                    }
                }
            default:  // jionlp
                for item in body as? [[String: Any]] ?? [] {
                    let input = item["input"] as? String ?? ""
                    let expected: PeerExpectation
                    if let spans = item["expected"] as? [[String: Any]] {
                        expected = .spans(spans.map {
                            let offset = $0["offset"] as? [Int] ?? [0, 0]
                            return PeerSpan(text: $0["text"] as? String ?? "", start: offset[0], end: offset[1])
                        })
                    } else if let m = item["expected"] as? [String: Any] {
                        let nums = (m["num"] as? [String]) ?? [m["num"] as? String ?? ""]
                        let values = try nums.map { try exact($0) }
                        expected = .money(PeerMoney(
                            lower: values[0], upper: values.count > 1 ? values[1] : nil,
                            currency: m["case"] as? String ?? "", definition: m["definition"] as? String ?? ""))
                    } else {
                        throw CorpusError(message: "unexpected JioNLP case \(input)")
                    }
                    out.append(PeerCase(suite: suite, group: section, input: input, expected: expected))
                }
            }
        }
        return out
    }

    struct CorpusError: Error { var message: String }

    /// A JSON number or numeric string as an exact decimal. JSON numbers come back as doubles, whose
    /// shortest printed form is the literal the peer wrote (11.1, 1e-15).
    static func exact(_ any: Any) throws -> ExactDecimal {
        var text: String
        if let s = any as? String {
            text = s
        } else if let i = any as? Int {
            text = String(i)
        } else if let d = any as? Double {
            text = d == d.rounded() && abs(d) < 1e18 ? String(Int64(d)) : "\(d)"
        } else {
            throw CorpusError(message: "not a number: \(any)")
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        guard var value = ExactDecimal(text) else { throw CorpusError(message: "not a number: \(text)") }
        value = value.multiplied(by: ExactDecimal(significand: 1, exponent: exponent)) ?? value
        return value
    }

    /// `NumeralValue (-1200000)`, `between Dollar (5.6, 5.78)`, `simple Gram 2 Nothing`.
    static func duckling(_ line: String) throws -> PeerDuckling {
        let words = line.split(whereSeparator: { " (),".contains($0) }).map(String.init)
        guard let head = words.first else { throw CorpusError(message: "empty Duckling value") }
        var relation = head
        var rest = Array(words.dropFirst())
        var unit = ""
        if head == "NumeralValue" || head == "OrdinalData" {
            relation = "simple"
        } else if let u = rest.first {
            unit = u
            rest.removeFirst()
        }
        let numbers = rest.compactMap { try? exact($0) }
        guard !numbers.isEmpty else { throw CorpusError(message: "no number in \(line)") }
        return PeerDuckling(line: line, relation: relation, unit: unit, numbers: numbers)
    }
}
