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
}
