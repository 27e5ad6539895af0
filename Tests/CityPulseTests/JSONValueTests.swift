@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func keysAreSortedAndNumbersExact() {
        let v: JSONValue = ["b": .decimal(ExactDecimal("16.4")!.multiplied(by: ExactDecimal(100_000_000))!), "a": [1, true, .null]]
        #expect(v.compact() == #"{"a":[1,true,null],"b":1640000000}"#)
    }

    @Test func textIsEscapedForJSONAndForHTMLPages() throws {
        let hostile = "</script><!-- \"x\" & \u{2028} \u{01}"
        let text = JSONValue.string(hostile).compact()
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == hostile)
    }

    @Test(arguments: [
        "\"\u{301}e", "呼和浩特\"\u{301}", "a\u{2028}b\u{2029}", "\u{E2}\u{80}", "x\u{1F}\u{7F}y", "", "\\\\", "é\n\u{301}<",
        "混合 text\t\"引号\"\r\n",
    ])
    func everyStringRoundTrips(_ text: String) throws {
        let json = JSONValue.string(text).compact()
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded?.unicodeScalars.elementsEqual(text.unicodeScalars) == true, "\(json)")
        #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}"))
    }

    @Test func longRunsAreCopiedWhole() throws {
        let text = String(repeating: "长", count: 5000) + "&" + String(repeating: "a", count: 3000) + "\u{2028}"
        let json = JSONValue.string(text).compact()
        #expect(json == "\"" + String(repeating: "长", count: 5000) + "\\u0026" + String(repeating: "a", count: 3000) + "\\u2028\"")
    }

    @Test func prettyFormParsesBack() throws {
        let v: JSONValue = ["x": ["y": .array([.string("呼和浩特"), .int(3)])]]
        let object = try JSONSerialization.jsonObject(with: Data(v.pretty().utf8)) as? [String: Any]
        #expect(((object?["x"] as? [String: Any])?["y"] as? [Any])?.count == 2)
    }

    @Test func ratiosAreRoundedWithoutExponents() {
        #expect(JSONValue.ratio(1.0 / 3.0).compact() == "0.3333")
        #expect(JSONValue.ratio(0.00001).compact() == "0")
        #expect(JSONValue.ratio(.nan).compact() == "null")
    }

    /// An object whose long arrays are written a row at a time reads exactly as the same object
    /// built whole: keys of both kinds in one sorted order, empty arrays, nested values.
    @Test func rowsAreWrittenAsTheWholeArrayWouldBe() {
        let fields: [String: JSONValue] = ["b": ["x": 1, "y": [true, .null]], "d": "text <&>", "f": [:]]
        let row = { (i: Int) -> JSONValue in ["n": .int(i), "name": .string("第\(i)行"), "list": .array((0..<i).map { .int($0) })] }
        let rows: [String: (count: Int, row: (Int) -> JSONValue)] = ["a": (3, row), "c": (0, row), "e": (1, row)]
        var whole = fields
        whole["a"] = .array((0..<3).map(row))
        whole["c"] = []
        whole["e"] = .array([row(0)])
        #expect(JSONValue.pretty(object: fields, rows: rows) == JSONValue.object(whole).pretty())
        #expect(JSONValue.pretty(object: [:], rows: [:]) == JSONValue.object([:]).pretty())
    }
}
