import Testing
@testable import CityPulse

/// The hand-rolled tables on the hot paths (record-log groups and interned cells, element and
/// attribute names) answer exactly like a dictionary.
@Suite struct LookupTableTests {
    @Test func pairTableAgreesWithADictionary() {
        var table = PairTable()
        var reference: [[UInt64]: Int] = [:]
        var rng = FuzzTests.Random(state: 42)
        // Keys that differ in one word only, keys that are all zero, and random ones; enough to grow many times.
        var keys: [(UInt64, UInt64)] = [(0, 0), (0, 1), (1, 0), (UInt64.max, UInt64.max)]
        for i in 0..<2000 { keys.append((UInt64(i), 7)) }
        for i in 0..<2000 { keys.append((7, UInt64(i) << 32)) }
        for _ in 0..<5000 { keys.append((rng.next(), rng.next())) }
        for (a, b) in keys where reference[[a, b]] == nil {
            #expect(table.find(a, b) == nil)
            reference[[a, b]] = reference.count
            table.insert(a, b, index: reference.count - 1)
        }
        #expect(table.count == reference.count)
        for (key, index) in reference { #expect(table.find(key[0], key[1]) == index) }
        for _ in 0..<1000 {
            let (a, b) = (rng.next(), rng.next())
            #expect(table.find(a, b) == reference[[a, b]])
        }
    }

    @Test func packedNamesFindEveryTagAndNothingElse() {
        for tag in Tag.allCases where tag != .text && tag != .other {
            #expect(Tag.lookup(Array(tag.name.utf8)) == tag)
            #expect(Tag.lookup(Array(tag.name.uppercased().utf8)) == tag)
        }
        for name in ["", "x", "divv", "articles", "blockquotes", "h7", "#text", "custom-element-name"] {
            #expect(Tag.lookup(Array(name.utf8)) == .other, "\(name)")
        }
        #expect(AttributeKey.lookup(Array("http-equiv".utf8)) == .httpEquiv)
        #expect(AttributeKey.lookup(Array("CLASS".utf8)) == .class)
        #expect(AttributeKey.lookup(Array("data-class".utf8)) == nil)
    }
}
