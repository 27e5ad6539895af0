import Foundation

/// `rejects.csv`: everything read and not used, with location and reason (RFC 4180, UTF-8 with BOM so
/// spreadsheet programs show the Chinese text).
public enum RejectsWriter {
    public static func csv(_ run: RunResult) -> String {
        String(decoding: bytes(run), as: UTF8.self)
    }

    /// The file's bytes.
    public static func bytes(_ run: RunResult) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128 + run.rejects.count * 96)
        out += Array("\u{FEFF}file,line,column,reason,excerpt\r\n".utf8)
        for r in run.rejects {
            row([r.file, String(r.line), r.column ?? "", r.reason, r.excerpt], into: &out)
        }
        // Files over the per-file cap: one row says how many more there are, so no reject goes unmentioned.
        for u in run.unlistedRejects {
            let reason = "\(u.total - u.listed) more rejects in this file are not listed (\(u.total) in all, the first \(u.listed) above); counts are in manifest.json"
            row([u.file, "", "", reason, ""], into: &out)
        }
        return out
    }

    private static func row(_ fields: [String], into out: inout [UInt8]) {
        for (k, f) in fields.enumerated() {
            if k > 0 { out.append(0x2C) }
            field(f, into: &out)
        }
        out += [0x0D, 0x0A]
    }

    static func field(_ s: String) -> String {
        var out: [UInt8] = []
        field(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One field: a leading = + - @ (a formula to spreadsheets) gets a quote prefix that defuses it; a
    /// field with a comma, quote or line break is quoted, its quotes doubled.
    static func field(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { u in
            let formula = u.first.map { $0 == 0x3D || $0 == 0x2B || $0 == 0x2D || $0 == 0x40 } ?? false
            let quoted = u.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if quoted { out.append(0x22) }
            if formula { out.append(0x27) }
            if quoted {
                for b in u {
                    out.append(b)
                    if b == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: u)
            }
        }
    }
}
