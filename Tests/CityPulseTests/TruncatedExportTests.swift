@testable import CityPulse
import Foundation
import Testing

/// An export cut short (a copy that stopped mid-row) never loses a row silently: every row read is
/// used, filtered or rejected, a row cut inside its fields is a reject with its line, and a last row
/// with no line end after it is a warning at its line.
@Suite struct TruncatedExportTests {
    static let mapping = CSVTestSupport.retentionRecords(category: "留呼登记")

    @Test func everyCutOfTheSampleLogIsAccountedFor() throws {
        let log = try Data(contentsOf: ProjectPaths.root.appendingPathComponent("Input/stats/hohhot_graduate_retention_log.csv"))
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("log.csv")
        var cutsInsideARow = 0
        // Cut points spread over the file, some inside a row and some at its end.
        for cut in stride(from: 200, to: min(log.count, 20_000), by: 997) {
            let head = log.prefix(cut)
            try head.write(to: url)
            let e = try CSVTestSupport.extract(url, csv: Self.mapping)
            #expect(e.rowsRead == e.rowsUsed + e.rowsFiltered + e.rowsRejected, "cut at byte \(cut)")
            // The rows the cut left whole (header aside) are all read.
            let lines = String(decoding: head, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
            let whole = lines.dropLast().count - 1
            #expect(e.rowsRead >= whole, "cut at byte \(cut): read \(e.rowsRead) of \(whole) whole rows")
            let warnings = e.diagnostics.filter { $0.severity == .warning && $0.message.contains("no line end") }
            if let last = lines.last, !last.isEmpty {
                cutsInsideARow += 1
                // A row cut before its last field is short of columns: a reject at its line.
                let fields = last.split(separator: ",", omittingEmptySubsequences: false).count
                if fields < 5 {
                    #expect(e.rejects.contains { $0.line == lines.count }, "cut at byte \(cut): the partial row \(last) is not a reject")
                }
                // A row cut inside its last number (12 → 1) still has every column: the missing line
                // end is what shows it, as a warning at the row's line.
                #expect(warnings.map(\.line) == [lines.count], "cut at byte \(cut): no warning for the partial row \(last)")
            } else {
                #expect(warnings.isEmpty, "cut at byte \(cut), at a line end: \(warnings)")
            }
        }
        #expect(cutsInsideARow > 5)
    }

    @Test func aLastRowWithoutALineEndIsWarnedAndAWholeFileIsNot() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("log.csv")
        let rows = "日期,区县,学历,类别,人数\n2024-05,赛罕区,本科,留呼登记,12\n"
        for (text, warned) in [(rows, false), (rows + "\n\n", false), (rows + "2024-06,赛罕区,本科,留呼登记,1", true),
                               (rows + "2024-06,赛罕区,本科,留呼登记,\"1", true), (String(rows.dropLast()), true)] {
            try Data(text.utf8).write(to: url)
            let e = try CSVTestSupport.extract(url, csv: Self.mapping)
            let warnings = e.diagnostics.filter { $0.message.contains("no line end") }
            #expect(warnings.count == (warned ? 1 : 0), "\(text.debugDescription): \(warnings)")
            #expect(e.rowsRead == e.rowsUsed + e.rowsFiltered + e.rowsRejected)
        }
    }
}
