import CityPulseQuantities
import Foundation
import Testing

/// The Hohhot seed release, scanned sentence by sentence: exactly these numbers are quantities, and
/// every other number in it is set aside with its reason or not reported.
@Suite(.enabled(if: SeedFile.isPresent, SeedFile.missing)) struct SeedReleaseTests {
    struct Found: Equatable, CustomStringConvertible {
        var kind: QuantityKind
        var text: String
        var value: String?
        var unit: String
        var unitClass: UnitClass
        var qualifier: Qualifier?

        init(_ kind: QuantityKind, _ text: String, _ value: String?, _ unit: String = "",
             _ unitClass: UnitClass = .none, _ qualifier: Qualifier? = nil) {
            self.kind = kind
            self.text = text
            self.value = value
            self.unit = unit
            self.unitClass = unitClass
            self.qualifier = qualifier
        }

        init(_ q: Quantity) {
            self.init(q.kind, q.text, q.value?.description, q.unit, q.unitClass, q.qualifier)
        }

        var description: String { "\(kind.rawValue) \(text) \(value ?? "nil") \(unit)/\(unitClass.rawValue) \(qualifier?.rawValue ?? "-")" }
    }

    static var seedURL: URL { SeedFile.url }

    /// The release split into sentences at 。！？； and line ends.
    static func sentences() throws -> [String] {
        let text = try String(contentsOf: seedURL, encoding: .utf8)
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\n" || s == "。" || s == "！" || s == "？" || s == "；" {
                if s != "\n" { current.append(s) }
                if !current.isEmpty { out.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    static func scanAll() throws -> [Quantity] {
        try sentences().flatMap { QuantityScanner().scan($0) }
    }

    @Test func quantitiesAreExactlyTheTargets() throws {
        let quantities = try Self.scanAll().filter { $0.kind == .quantity }.map(Found.init)
        #expect(quantities == [
            Found(.quantity, "三年", "3", "年", .duration),
            Found(.quantity, "十萬", "100000"),
            Found(.quantity, "五萬", "50000"),
            Found(.quantity, "100名以上", "100", "名", .person, .atLeast),
            Found(.quantity, "10家以上", "10", "家", .organisation, .atLeast),
            Found(.quantity, "1家", "1", "家", .organisation),
            Found(.quantity, "1家", "1", "家", .organisation),
            Found(.quantity, "10個", "10", "個", .item),
            Found(.quantity, "50處", "50", "處", .site),
        ])
    }

    @Test func everythingElseIsSetAsideWithAReason() throws {
        let setAside = try Self.scanAll().filter { $0.kind != .quantity }.map { "\($0.kind.rawValue):\($0.text)" }
        #expect(setAside == [
            "date:2022年6月", "name:10條", "name:18條", "year:2024年", "ordinal:第一支", "anniversary:70周年",
            "anniversary:30 周年", "name:百人計劃", "formula:1+1>2", "date:五一",
            "ordinal:1.", "ordinal:2.", "ordinal:3.",
        ])
    }

    @Test func boundsAreKeptNotFlattened() throws {
        let all = try Self.scanAll()
        let talent = try #require(all.first { $0.text == "100名以上" })
        #expect(talent.value == ExactDecimal(100))
        #expect(talent.lower == ExactDecimal(100))
        #expect(talent.upper == nil)
        let carriers = try #require(all.first { $0.text == "10家以上" })
        #expect(carriers.lower == ExactDecimal(10) && carriers.qualifier == .atLeast)
    }

    @Test func offsetsPointAtTheText() throws {
        for sentence in try Self.sentences() {
            let scalars = Array(sentence.unicodeScalars)
            for q in QuantityScanner().scan(sentence) {
                #expect(String(String.UnicodeScalarView(scalars[q.start..<q.end])) == q.text)
            }
        }
    }

    @Test func articlesAndIdiomsAreNotNumbers() throws {
        let texts = Set(try Self.scanAll().map(\.text))
        for word in ["一個", "一家", "一座", "一批", "一系列", "兩地", "兩市", "一刻", "唯一", "一"] {
            #expect(!texts.contains(word), "\(word) must not be reported")
        }
    }
}

/// The seed release beside the project; a lone clone has none, and the suite is skipped, saying why.
enum SeedFile {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seed/hohhot-youth-city-2024.txt")
    static let isPresent = FileManager.default.fileExists(atPath: url.path)
    static let missing: Comment = "needs the seed release beside the project (../shared/seed), which this clone lacks"
}
