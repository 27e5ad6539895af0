/// Collects what one CSV file yields while it streams: facts, rejects (the first `maxRejects` kept as
/// records, all of them counted) and the row counts that must add up.
struct CSVExtractionBuilder {
    let file: String
    let contentHash: String
    let maxRejects: Int
    var extraction: CSVExtraction

    init(file: String, contentHash: String, encoding: String, maxRejects: Int) {
        self.file = file
        self.contentHash = contentHash
        self.maxRejects = maxRejects
        extraction = CSVExtraction(
            facts: [], rejects: [], rowsRead: 0, rowsUsed: 0, rowsRejected: 0, rowsFiltered: 0,
            encoding: encoding, notes: [], diagnostics: [])
    }

    /// The line of the last data row read.
    private(set) var lastRowLine: Int?

    /// A data row was read; exactly one of `used`, `rejectRow` or `filtered` follows.
    @inline(__always) mutating func rowRead(_ record: borrowing CSVRecord) {
        extraction.rowsRead += 1
        lastRowLine = record.line
    }
    @inline(__always) mutating func used() { extraction.rowsUsed += 1 }
    @inline(__always) mutating func filtered() { extraction.rowsFiltered += 1 }

    /// The whole row is not used.
    mutating func rejectRow(_ record: borrowing CSVRecord, column: String?, _ reason: @autoclosure () -> Diagnostic.Message) {
        extraction.rowsRejected += 1
        rejectCell(record, column: column, reason())
    }

    /// One value of a row is not used (the row's other values may be).
    mutating func rejectCell(_ record: borrowing CSVRecord, column: String?, _ reason: @autoclosure () -> Diagnostic.Message) {
        extraction.rejectsTotal += 1
        guard extraction.rejects.count < maxRejects else { return }
        extraction.rejects.append(Reject(file: file, line: record.line, column: column, reason: reason().text, excerpt: record.excerpt()))
    }

    mutating func diagnose(_ severity: Diagnostic.Severity, line: Int? = nil, _ message: Diagnostic.Message) {
        extraction.diagnostics.append(Diagnostic(severity, stage: "extract", file: file, line: line, message))
    }

    /// Ends the file. `unterminatedLastLine` is the reader's: a last data row with no line end after
    /// it is a warning at its line, since a row cut inside its last value still has all its columns.
    mutating func finish(replacements: Int, unterminatedLastLine: Int? = nil) -> CSVExtraction {
        if let line = unterminatedLastLine, line == lastRowLine {
            diagnose(.warning, line: line, .csvLastRowUnterminated)
        }
        if extraction.rejectsTotal > extraction.rejects.count {
            diagnose(.note, .csvRejectsCapped(kept: extraction.rejects.count, total: extraction.rejectsTotal))
        }
        if replacements > 0 {
            diagnose(.warning, .csvReplacedBytes(replacements, encoding: extraction.encoding))
        }
        return extraction
    }
}
