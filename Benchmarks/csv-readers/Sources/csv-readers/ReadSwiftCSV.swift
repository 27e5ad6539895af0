import Foundation
import SwiftCSV

/// swiftcsv/SwiftCSV, used in its lightest way: the library has no streaming input (every initializer
/// takes the whole file as one `String`), so the file is loaded as text; the rows are then enumerated
/// through a callback instead of being kept (`rowLimit: 0` keeps the initializer from building
/// `rows`, which would hold every record as `[String]`). A quote inside an unquoted field, or text after
/// a closing quote, makes the parser throw and stop.
func readWithSwiftCSV(path: String) throws -> Tally {
    let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
    var tally = Tally()
    do {
        try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { row in
            tally.add(row: row)
        }
    } catch {
        // Report how far it got rather than nothing.
        FileHandle.standardError.write(Data("swiftcsv: stopped after \(tally.records) records: \(error)\n".utf8))
        tally.problems = -1
    }
    return tally
}

/// swiftcsv/SwiftCSV as its README shows it: `CSV<Enumerated>(url:)` parses the whole file into `rows`
/// (every record kept as `[String]`, header excluded), which are then walked. The header is counted by
/// hand so that `records` means the same as for the other readers.
func readWithSwiftCSVRows(path: String) throws -> Tally {
    let csv = try CSV<Enumerated>(url: URL(fileURLWithPath: path), delimiter: .comma, encoding: .utf8, loadColumns: false)
    var tally = Tally()
    tally.add(row: csv.header)
    for row in csv.rows {
        tally.add(row: row)
    }
    return tally
}
