import Foundation

/// `rejects.csv`: everything read and not used, with location and reason (RFC 4180, UTF-8 with BOM so
/// spreadsheet programs show the Chinese text).
public enum RejectsWriter {
    public static func csv(_ run: RunResult) -> String {
        var out = "\u{FEFF}file,line,column,reason,excerpt\r\n"
        for r in run.rejects {
            out += [r.file, String(r.line), r.column ?? "", r.reason, r.excerpt].map(field).joined(separator: ",")
            out += "\r\n"
        }
        // Files over the per-file cap: one row says how many more there are, so no reject goes unmentioned.
        for u in run.unlistedRejects {
            let reason = "\(u.total - u.listed) more rejects in this file are not listed (\(u.total) in all, the first \(u.listed) above); counts are in manifest.json"
            out += [u.file, "", "", reason, ""].map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func field(_ s: String) -> String {
        // A leading = + - @ would be read as a formula by spreadsheets; a quote prefix defuses it.
        var s = s
        if let first = s.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
