@testable import CityPulse
import Foundation
import Testing

/// An export cut short (a copy that stopped mid-row) never loses a row silently: every row read is
/// used, filtered or rejected, and a row cut inside its fields is a reject with its line.
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
            if let last = lines.last, !last.isEmpty {
                cutsInsideARow += 1
                // A row cut before its last field is short of columns: a reject at its line. (A row cut
                // inside its last number, 12 → 1, still has every column and cannot be told apart.)
                let fields = last.split(separator: ",", omittingEmptySubsequences: false).count
                if fields < 5 {
                    #expect(e.rejects.contains { $0.line == lines.count }, "cut at byte \(cut): the partial row \(last) is not a reject")
                }
            }
        }
        #expect(cutsInsideARow > 5)
    }
}
