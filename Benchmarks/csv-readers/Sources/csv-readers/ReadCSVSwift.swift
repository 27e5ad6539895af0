import CSV
import Foundation

/// yaslab/CSV.swift: streams from an `InputStream` (64 KiB buffer), decodes UTF-8 to Unicode scalars and
/// hands out each record as `[String]`.
func readWithCSVSwift(path: String) throws -> Tally {
    guard let stream = InputStream(fileAtPath: path) else {
        throw BenchError.cannotOpen(path)
    }
    let reader = try CSVReader(stream: stream, hasHeaderRow: false)
    var tally = Tally()
    while let row = reader.next() {
        tally.add(row: row)
    }
    if let error = reader.error {
        // On Linux, Foundation's InputStream still says it has bytes available at the end of a file, so the
        // library's byte iterator asks for one more byte, gets none and records `cannotReadFile` once the
        // last record is out. That is the end of the file, not a failure; anything else is.
        if case CSVError.cannotReadFile = error {} else {
            throw BenchError.library("CSV.swift stopped on \(error)")
        }
    }
    return tally
}
