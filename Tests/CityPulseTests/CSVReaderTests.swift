@testable import CityPulse
import Foundation
import Testing

/// The streaming reader on its own: RFC 4180 cases, encodings, delimiters, chunk boundaries.
@Suite struct CSVReaderTests {
    struct Row: Equatable, CustomStringConvertible {
        var line: Int
        var fields: [String]
        var problem: CSVRowProblem?
        var description: String { "\(line):\(fields)\(problem.map { " \($0)" } ?? "")" }
    }

    static func rows(_ url: URL, encoding: String? = nil, delimiter: UInt8? = nil, limits: CSVReaderLimits = .init()) throws -> (rows: [Row], reader: CSVReader) {
        let reader = try CSVReader(url: url, encoding: encoding, delimiter: delimiter, limits: limits)
        var out: [Row] = []
        reader.forEachRecord { r in
            out.append(Row(line: r.line, fields: r.problem == nil ? (0..<r.count).map { r.string($0) } : [r.rawText], problem: r.problem))
            return true
        }
        return (out, reader)
    }

    static func rows(_ text: String, chunk: Int = 1 << 20, maxLines: Int = 64) throws -> [Row] {
        let url = try CSVTestSupport.write(text)
        return try rows(url, limits: CSVReaderLimits(maxLinesInQuotedField: maxLines, chunkSize: chunk)).rows
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var expected: [[String]]
        var lines: [Int]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "LF", text: "a,b\n1,2\n", expected: [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case(name: "CRLF", text: "a,b\r\n1,2\r\n", expected: [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case(name: "lone CR", text: "a,b\r1,2\r", expected: [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case(name: "no final line end", text: "a,b\n1,2", expected: [["a", "b"], ["1", "2"]], lines: [1, 2]),
        Case(name: "quoted delimiter", text: "a,\"b,c\",d\n", expected: [["a", "b,c", "d"]], lines: [1]),
        Case(name: "doubled quotes", text: "\"say \"\"hi\"\"\",x\n", expected: [["say \"hi\"", "x"]], lines: [1]),
        Case(name: "line break inside quotes", text: "\"one\r\ntwo\",x\nnext,y\n", expected: [["one\r\ntwo", "x"], ["next", "y"]], lines: [1, 3]),
        Case(name: "blank lines counted, not read", text: "a\n\n\r\nb\n", expected: [["a"], ["b"]], lines: [1, 4]),
        Case(name: "empty fields", text: ",,\n\"\",x,\n", expected: [["", "", ""], ["", "x", ""]], lines: [1, 2]),
        Case(name: "quote inside an unquoted field is text", text: "5\"3,x\n", expected: [["5\"3", "x"]], lines: [1]),
        Case(name: "quoted last field at end of file", text: "a,\"b\"", expected: [["a", "b"]], lines: [1]),
        Case(name: "trailing delimiter at end of file", text: "a,", expected: [["a", ""]], lines: [1]),
    ]

    @Test(arguments: cases)
    func splitsRecords(_ c: Case) throws {
        // Every chunk size, so each boundary falls inside a field, a quote pair and a CRLF somewhere.
        for chunk in [1, 2, 3, 5, 1 << 20] {
            let rows = try Self.rows(c.text, chunk: chunk)
            #expect(rows.map(\.fields) == c.expected, "chunk \(chunk)")
            #expect(rows.map(\.line) == c.lines, "chunk \(chunk)")
        }
    }

    @Test func unterminatedQuoteRejectsOneLineAndReadsOn() throws {
        let text = "h1,h2\n1,\"open\n2,b\n3,c\n"
        for chunk in [1, 4, 1 << 20] {
            let rows = try Self.rows(text, chunk: chunk, maxLines: 64)
            try #require(rows.map(\.line) == [1, 2, 3, 4], "chunk \(chunk)")
            #expect(rows[1].problem == .unterminatedQuote(column: 2))
            #expect(rows[1].fields == ["1,\"open"])
            #expect(rows[2].fields == ["2", "b"])
        }
    }

    @Test func quotedFieldIsBoundedInLines() throws {
        var text = "x,\"starts here\n"
        for i in 0..<100 { text += "row \(i)\n" }
        text += "end\",y\n"
        let rows = try Self.rows(text, maxLines: 10)
        try #require(rows.count == 102, "the other lines are read again as rows")
        #expect(rows[0].problem == .unterminatedQuote(column: 2))
        #expect(rows[1] == Row(line: 2, fields: ["row 0"]))
    }

    @Test func textAfterClosingQuote() throws {
        let rows = try Self.rows("\"ab\"c,d\nok,1\n")
        try #require(rows.count == 2, "\(rows)")
        #expect(rows[0].problem == .textAfterQuote(column: 1))
        #expect(rows[1].fields == ["ok", "1"])
    }

    @Test func encodingsAreDetected() throws {
        let text = "日期,区县,人数\r\n2024-05-01,新城区,3\r\n"
        let expected = [["日期", "区县", "人数"], ["2024-05-01", "新城区", "3"]]
        let variants: [(URL, String)] = [
            (try CSVTestSupport.write(text), "UTF-8"),
            (try CSVTestSupport.write(text, bom: [0xEF, 0xBB, 0xBF]), "UTF-8 (BOM)"),
            (try CSVTestSupport.write(text, encoding: .utf16LittleEndian, bom: [0xFF, 0xFE]), "UTF-16LE (BOM)"),
            (try CSVTestSupport.write(text, encoding: .utf16BigEndian, bom: [0xFE, 0xFF]), "UTF-16BE (BOM)"),
            (try CSVTestSupport.write(text, encoding: CSVTestSupport.gb18030), "GB18030"),
        ]
        for (url, name) in variants {
            let (rows, reader) = try Self.rows(url)
            #expect(reader.encoding == name)
            #expect(rows.map(\.fields) == expected, "\(name)")
        }
    }

    @Test func declaredEncodingIsUsed() throws {
        let url = try CSVTestSupport.write("地区,2024年\n北京市,1\n", encoding: CSVTestSupport.gb18030)
        let (rows, reader) = try Self.rows(url, encoding: "GBK")
        #expect(reader.encoding == "GB18030")
        #expect(rows.last?.fields == ["北京市", "1"])
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), ("\t", UInt8(ascii: "\t")), (";", UInt8(ascii: ";"))])
    func delimiterIsDetected(_ d: String, _ byte: UInt8) throws {
        let text = "指标：某指标(万人)\n地区\(d)2024年\(d)2023年\n北京市\(d)\"1,5\"\(d)2\n"
        let (rows, reader) = try Self.rows(try CSVTestSupport.write(text))
        #expect(reader.delimiter == byte)
        #expect(rows.last?.fields == ["北京市", "1,5", "2"])
    }

    @Test func fieldsSpanningManyChunksAreWhole() throws {
        let long = String(repeating: "长", count: 5000)
        let rows = try Self.rows("a,\"\(long)\"\r\nb,c\r\n", chunk: 1000)
        #expect(rows.map(\.fields) == [["a", long], ["b", "c"]])
    }

    /// The word-at-a-time search for a field's end finds the first delimiter, CR or LF, as a byte loop
    /// does: on random bytes (most of them above 0x7F, as in Chinese text, and zeros next to hits), every
    /// start and three delimiters.
    @Test func fieldEndSearchAgreesWithAByteLoop() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x2C, 0x09, 0x3B, 0x0D, 0x0A, 0x00, 0x01, 0x22, 0x41, 0x7F, 0x80, 0xE4, 0xB8, 0xAD, 0xFF, 0x2B, 0x0B, 0x2D]
        for _ in 0..<300 {
            var bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0x80...0xFF, using: &rng)
            }
            for delimiter: UInt8 in [0x2C, 0x09, 0x3B] {
                bytes.withUnsafeMutableBufferPointer { buf in
                    for start in 0...buf.count {
                        let expected = buf[start...].firstIndex { $0 == delimiter || $0 == 0x0D || $0 == 0x0A } ?? buf.count
                        #expect(CSVReader.nextStop(buf, from: start, delimiter: delimiter) == expected)
                    }
                }
            }
        }
    }
}
