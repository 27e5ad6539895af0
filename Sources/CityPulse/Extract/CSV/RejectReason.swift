/// The reasons a CSV row or cell is not used, worded for the people who own the file. All texts live here
/// so every reject of one kind reads the same in `rejects.csv` and the report.
public enum RejectReason {
    public static func columnCount(expected: Int, found: Int) -> Diagnostic.Message {
        "expected \(expected) columns, found \(found)"
    }
    public static func notANumber(_ text: String) -> Diagnostic.Message { "not a number: \"\(text)\"" }
    public static let emptyValue: Diagnostic.Message = "not a number: the value is empty"
    public static func unknownRegion(_ name: String) -> Diagnostic.Message { "unknown region \"\(name)\" (not in the pipeline's regions)" }
    public static let emptyRegion: Diagnostic.Message = "the region is empty"
    public static func impossibleDate(_ text: String) -> Diagnostic.Message { "impossible date \"\(text)\"" }
    public static func dateOutOfRange(_ text: String) -> Diagnostic.Message {
        "date out of range \"\(text)\" (years \(CSVDate.years.lowerBound)–\(CSVDate.years.upperBound))"
    }
    public static func excelSerial(_ text: String) -> Diagnostic.Message {
        "\"\(text)\" looks like an Excel date serial; export the column as a date (2024-05-01)"
    }
    public static func unreadableDate(_ text: String) -> Diagnostic.Message {
        "not a date \"\(text)\" (expected 2024-05-01, 2024-05, 2024年5月 or 2024)"
    }
    public static let emptyDate: Diagnostic.Message = "the date is empty"
    public static let unterminatedQuote: Diagnostic.Message = "unterminated quote: a quoted field never closes on this line"
    public static let textAfterQuote: Diagnostic.Message = "text after a closing quote (a quote inside a field must be doubled)"
    public static func valueTooLarge(_ text: String) -> Diagnostic.Message { "value \"\(text)\" is too large to hold exactly" }
    public static func unknownUnit(_ text: String) -> Diagnostic.Message { "unit \"\(text)\" does not match the metric's unit" }

    static func message(for date: CSVDate.Problem, text: String) -> Diagnostic.Message {
        switch date {
        case .empty: return emptyDate
        case .excelSerial: return excelSerial(text)
        case .impossible: return impossibleDate(text)
        case .outOfRange: return dateOutOfRange(text)
        case .unreadable: return unreadableDate(text)
        }
    }

    static func message(for problem: CSVRowProblem) -> (Diagnostic.Message, column: Int) {
        switch problem {
        case let .unterminatedQuote(column): return (unterminatedQuote, column)
        case let .textAfterQuote(column): return (textAfterQuote, column)
        }
    }
}

extension Diagnostic.Message {
    static func csvColumnMissing(_ column: String, role: String, header: [String]) -> Self {
        "the \(role) column \"\(column)\" is not in the header (\(header.joined(separator: ", ")))"
    }
    static let csvNoHeader: Self = "no header line found"
    static func csvUnreadable(_ detail: String) -> Self { "cannot read the file: \(detail)" }
    static func csvIndicatorNotMapped(_ indicator: String) -> Self {
        "indicator \"\(indicator)\" matches no indicator of the mapping; its rows are left out"
    }
    static func csvUnitMismatch(indicator: String, unit: String, metric: String, expected: String) -> Self {
        "indicator \"\(indicator)\" counts in \(unit) but metric \(metric) counts in \(expected)"
    }
    static func csvRejectsCapped(kept: Int, total: Int) -> Self {
        "\(total) rows rejected; the first \(kept) are listed"
    }
    static func csvReplacedBytes(_ n: Int, encoding: String) -> Self {
        "\(n) byte sequences are not valid \(encoding) and were replaced"
    }
    static let csvLastRowUnterminated: Self =
        "the file ends inside this row, with no line end after it: the export may have been cut short (a value cut short still reads as a number)"
    static func csvSumOverflow(metric: String) -> Self { "a sum of \(metric) is too large to hold exactly; the group was left out" }
    static let csvNoYearColumns: Self = "no year columns (such as 2024年) in the header"
}
