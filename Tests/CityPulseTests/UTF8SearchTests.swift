@testable import CityPulse
import Foundation
import Testing

/// The byte-level string helpers agree with the standard library and Foundation they stand in for.
@Suite struct UTF8SearchTests {
    static let texts = ["", "a", "呼和浩特市2024年新增创业载体5家", "e\u{301} 👩‍👩‍👧 ｆｕｌｌ", "责任编辑：张三 记者 李四", "\u{0}\r\n混合 mixed"]

    @Test func scalarArrayMatchesTheScalarView() {
        for text in Self.texts {
            #expect(text.scalarArray() == Array(text.unicodeScalars))
            let middle = text.dropFirst().dropLast()
            #expect(middle.scalarArray() == Array(middle.unicodeScalars))
        }
    }

    @Test func searchAndSplitMatchFoundation() {
        for text in Self.texts {
            for needle in ["年", "a", "记者", "👩", "\r\n", "不在"] {
                let found = text.utf8Range(of: needle).map { text[$0] }
                #expect(found.map(String.init) == text.range(of: needle).map { String(text[$0]) }, "\(text) / \(needle)")
                #expect(text.containsUTF8(needle) == (text.range(of: needle) != nil))
                // Foundation does not split inside a grapheme cluster (an emoji family joined by ZWJ); the
                // byte-level split does, by scalars. The page texts split this way are plain prose.
                if !text.unicodeScalars.contains("\u{200D}") {
                    #expect(text.utf8Components(separatedBy: needle).map(String.init) == text.components(separatedBy: needle))
                }
            }
        }
        #expect("👩‍👧".utf8Components(separatedBy: "👩").map(String.init) == ["", "\u{200D}👧"])
        let twice = "年a年b"
        #expect(twice.utf8Range(of: "年", backwards: true).map { twice.utf8.distance(from: twice.startIndex, to: $0.lowerBound) } == 4)
    }

    /// The page decoder's UTF-8 check accepts exactly what the standard library accepts: every lead byte
    /// with the boundary values of its continuation bytes, sequences cut short, and random bytes, each
    /// after ASCII runs of every length around the sixteen-byte step.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var cases: [[UInt8]] = [[], [0x41], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80]]
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for lead in 0x80...0xFF {
            for c1 in edges {
                cases.append([UInt8(lead), c1])
                cases.append([UInt8(lead), c1, 0x80])
                cases.append([UInt8(lead), c1, 0x80, 0x80])
                cases.append([UInt8(lead), c1, 0xBF, 0xBF, 0x41])
            }
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            cases.append((0..<Int.random(in: 1...12, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8.random(in: 0x80...0xBF, using: &rng) : UInt8.random(in: 0...0xFF, using: &rng)
            })
        }
        cases += ["呼和浩特", "👩‍👧", "é"].map { Array($0.utf8) }
        for tail in cases {
            for prefix in [0, 1, 15, 16, 17, 31, 33] {
                let bytes = [UInt8](repeating: 0x61, count: prefix) + tail
                let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) } != nil
                let decoded = TextDecoding.decode(bytes, declared: "utf-8")
                #expect((decoded.encoding == "UTF-8" && decoded.problems.isEmpty) == expected, "\(bytes)")
                if expected { #expect(decoded.utf8 == bytes) }
            }
        }
    }
}
