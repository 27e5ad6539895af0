@testable import CityPulse
import Foundation
import Testing

/// `rejects.csv` mentions every reject: listed ones as rows, the rest of a capped file as a count.
@Suite struct RejectsWriterTests {
    static func run(rejects: [Reject], tables: [TableRecord]) throws -> RunResult {
        RunResult(
            pipeline: try TestRun.defaultPipeline(), asOf: Day(year: 2024, month: 11, day: 30)!, inputs: [], documents: [], facts: [],
            series: [], targets: [], rejects: rejects, diagnostics: [], rowCounts: RowCounts(), tables: tables)
    }

    static func table(_ path: String, total: Int, listed: Int) -> TableRecord {
        TableRecord(path: path, encoding: "UTF-8", rowsRead: total, rowsUsed: 0, rowsRejected: total, rowsFiltered: 0, notes: [],
                    rejectsTotal: total, rejectsListed: listed)
    }

    static func lines(_ csv: String) -> [String] {
        csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func cappedFileGetsACountRow() throws {
        let listed = (2...4).map { Reject(file: "stats/log.csv", line: $0, column: "人数", reason: "not a number", excerpt: "x") }
        let csv = RejectsWriter.csv(try Self.run(rejects: listed, tables: [Self.table("stats/log.csv", total: 1250, listed: 3)]))
        let lines = Self.lines(csv)
        #expect(lines.count == 1 + 3 + 1)
        #expect(lines.last?.hasPrefix("stats/log.csv,,,\"1247 more rejects in this file are not listed (1250 in all") == true)
    }

    @Test func uncappedFileHasNoCountRow() throws {
        let listed = [Reject(file: "a.csv", line: 2, reason: "unknown region", excerpt: "y")]
        let csv = RejectsWriter.csv(try Self.run(rejects: listed, tables: [Self.table("a.csv", total: 1, listed: 1)]))
        #expect(Self.lines(csv) == ["file,line,column,reason,excerpt", "a.csv,2,,unknown region,y"])
    }

    @Test func formulaLikeCellsAreDefused() throws {
        let listed = [Reject(file: "a.csv", line: 2, reason: "not a number", excerpt: "=HYPERLINK(\"x\")")]
        let csv = RejectsWriter.csv(try Self.run(rejects: listed, tables: []))
        #expect(Self.lines(csv).last == "a.csv,2,,not a number,\"'=HYPERLINK(\"\"x\"\")\"")
    }

    /// RFC 4180: a field with a comma, a quote or a line break (CR LF included) is quoted, quotes doubled.
    @Test func fieldsAreQuotedWhenTheyMustBe() {
        #expect(RejectsWriter.field("赛罕区") == "赛罕区")
        #expect(RejectsWriter.field("a,b") == "\"a,b\"")
        #expect(RejectsWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(RejectsWriter.field("line\r\nnext") == "\"line\r\nnext\"")
        #expect(RejectsWriter.field("line\nnext") == "\"line\nnext\"")
        #expect(RejectsWriter.field("-5") == "'-5")
        #expect(RejectsWriter.field("@x,y") == "\"'@x,y\"")
        #expect(RejectsWriter.field("") == "")
    }
}
