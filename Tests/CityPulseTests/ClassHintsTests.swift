@testable import CityPulse
import Foundation
import Testing

/// Class and id words are found as a plain case-insensitive substring search finds them.
@Suite struct ClassHintsTests {
    static func naive(_ value: String, _ set: ClassHints.WordSet) -> Bool {
        let lower = String(decoding: value.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return set.words.contains { lower.utf8.count >= $0.count && lower.contains(String(decoding: $0, as: UTF8.self)) }
    }

    @Test func wordsAreFoundAsASubstringSearchFindsThem() {
        let sets = [ClassHints.positive, ClassHints.negative, ClassHints.unlikely, ClassHints.maybe]
        var values = ["", "main-content", "NAV", "side_bar", "article_content con_box", "ad-break", "-ad-", "xgyd hotNews",
                      "正文 content", "adsbygoogle", "tool", "too", "foote", "FOOTER", "c", "detai", "Detail"]
        // Seeded, so a failure replays: the seed is in every failure message.
        let seed = UInt64(ProcessInfo.processInfo.environment["CITYPULSE_SEED"] ?? "") ?? 20_241_130
        var rng = FuzzTests.Random(state: seed)
        let pieces = ["nav", "Foo", "ter", "-", "_", "ad", "s", "con", "tent", "中", " ", "Main", "x", "ART", "icle", "rss", "gd", "pr"]
        for _ in 0..<2000 {
            values.append((0..<rng.below(6)).map { _ in pieces[rng.below(pieces.count)] }.joined())
        }
        for value in values {
            let bytes = Array(value.utf8)[...]
            for set in sets {
                #expect(set.occurs(in: bytes) == Self.naive(value, set), "\(value) (CITYPULSE_SEED=\(seed))")
            }
        }
    }
}
