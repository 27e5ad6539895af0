import CityPulseQuantities
import Foundation
import Testing

/// The test suites of cn2an, Duckling (ZH) and JioNLP (money), read in place from
/// `shared/corpus/numerals`, each case classified in `PeerScope` and checked against CityPulse.
@Suite(.enabled(if: PeerCorpus.isPresent, PeerCorpus.missing)) struct PeerSuiteTests {
    /// Whether `check` holds for `input`, and if not, what CityPulse said instead.
    static func run(_ check: PeerCheck, on input: String) -> (Bool, String) {
        let scanner = QuantityScanner()
        switch check {
        case .parses(let value):
            let got = ChineseNumeral.parse(input)
            return (got == value, "parse → \(got?.description ?? "nil")")
        case .refuses:
            let got = ChineseNumeral.parse(input)
            return (got == nil, "parse → \(got?.description ?? "nil")")
        case .reads(let expected):
            let got = scanner.readings(input)
            return (got == expected, "reads \(got)")
        case .sole(let kind, let value, let unitClass):
            let got = scanner.scan(input)
            let ok = got.count == 1 && got[0].kind == kind && got[0].value == value && got[0].unitClass == unitClass
                && got[0].start == 0 && got[0].end == input.unicodeScalars.count
            return (ok, "reads \(got.map(\.rendered))")
        case .amount(let value, let lower, let upper, let qualifiers, let unitClass):
            let got = scanner.scan(input)
            let ok = got.count == 1 && got[0].kind == .quantity && got[0].value == value && got[0].lower == lower
                && got[0].upper == upper && qualifiers.contains(got[0].qualifier) && got[0].unitClass == unitClass
            return (ok, "reads \(got.map(\.rendered))")
        case .moneySpans(let spans):
            let got = scanner.scan(input).filter { $0.kind == .quantity && $0.unitClass == .money }
                .map { PeerSpan(text: $0.text, start: $0.start, end: $0.end) }
            return (got == spans, "money \(got.map { "\($0.text)@\($0.start)-\($0.end)" })")
        }
    }

    @Test(arguments: PeerCorpus.all)
    func peerCase(_ c: PeerCase) {
        switch PeerScope.verdict(c) {
        case .inScope(let check):
            let (ok, got) = Self.run(check, on: c.input)
            #expect(ok, "in scope: \(c.testDescription); \(got)")
        case .convention(let why, let check):
            let (ok, got) = Self.run(check, on: c.input)
            #expect(ok, "convention (\(why)): \(c.testDescription); \(got)")
        case .outOfScope(let why):
            #expect(!why.hasPrefix("no rule"), "unclassified: \(c.testDescription)")
        }
    }

    /// Per suite: total, in scope, passed, out of scope, convention, pass rate. In-scope failures and
    /// broken conventions must both be zero.
    @Test func summary() {
        #expect(PeerCorpus.all.count > 400, "the peer corpus must be readable from \(PeerCorpus.directory.path)")
        for suite in PeerCorpus.suites {
            let cases = PeerCorpus.all.filter { $0.suite == suite }
            var inScope = 0, passed = 0, outOfScope = 0, convention = 0, conventionHeld = 0
            for c in cases {
                switch PeerScope.verdict(c) {
                case .inScope(let check):
                    inScope += 1
                    if Self.run(check, on: c.input).0 { passed += 1 }
                case .convention(_, let check):
                    convention += 1
                    if Self.run(check, on: c.input).0 { conventionHeld += 1 }
                case .outOfScope:
                    outOfScope += 1
                }
            }
            let rate = inScope == 0 ? 100.0 : Double(passed) * 100 / Double(inScope)
            print(
                "peer suite \(suite): total \(cases.count), in scope \(inScope), passed \(passed), "
                    + "out of scope \(outOfScope), convention \(convention) (held \(conventionHeld)), "
                    + "pass rate \(String(format: "%.1f", rate))%")
            #expect(cases.count == inScope + outOfScope + convention)
            #expect(passed == inScope, "\(suite): \(inScope - passed) in-scope failures")
            #expect(conventionHeld == convention, "\(suite): \(convention - conventionHeld) conventions broken")
        }
    }

    /// Every case named in `PeerScope` exists in the corpus, so a reclassification is never silent.
    @Test func everyNamedCaseExists() {
        let keys = Set(PeerCorpus.all.map(\.key))
        let missing = PeerScope.named.keys.filter { !keys.contains($0) }.sorted()
        #expect(missing.isEmpty, "named peer cases not in the corpus: \(missing)")
    }

    /// Out-of-scope reasons, grouped, so a reader sees what was left out and why.
    @Test func outOfScopeReasonsAreListed() {
        var reasons: [String: Int] = [:]
        for c in PeerCorpus.all {
            if case .outOfScope(let why) = PeerScope.verdict(c) { reasons[why, default: 0] += 1 }
        }
        for (why, count) in reasons.sorted(by: { $0.key < $1.key }) { print("out of scope ×\(count): \(why)") }
        #expect(!reasons.keys.contains { $0.hasPrefix("no rule") })
    }
}
