import CityPulseQuantities

/// A JSON value written deterministically: object keys sorted, numbers in plain decimal notation
/// (exact decimals stay exact), no trailing spaces. Every output file goes through this.
public indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    /// A number already in JSON form (from `ExactDecimal.description` or an integer).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }
    public static func decimal(_ v: ExactDecimal) -> JSONValue { .number(v.description) }
    public static func decimal(_ v: ExactDecimal?) -> JSONValue { v.map { .number($0.description) } ?? .null }
    public static func string(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }
    /// A ratio rounded to 4 decimals, written without exponent notation; one too large for 4 exact
    /// decimals (a target of 1 against an actual in the billions) is rounded to a whole number.
    public static func ratio(_ v: Double?) -> JSONValue {
        guard let v, v.isFinite else { return .null }
        let scaled = (v * 10000).rounded()
        guard abs(scaled) < 9.2e18 else { return .number(String(format: "%.0f", v.rounded())) }
        return .decimal(ExactDecimal(significand: Int64(scaled), exponent: -4))
    }

    /// Compact form, one line: for NDJSON and the gzip feed.
    public func compact() -> String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented form with two spaces, for files people read (the manifest).
    public func pretty() -> String {
        var out = ""
        write(into: &out, indent: "  ", level: 0)
        out += "\n"
        return out
    }

    /// The indented form of an object some of whose fields are long arrays made a row at a time:
    /// `rows[key]` gives the count and the maker of each element, so the whole array never exists
    /// as values at once. The text is that of `pretty()` on the object with the arrays filled in.
    public static func pretty(object fields: [String: JSONValue], rows: [String: (count: Int, row: (Int) -> JSONValue)]) -> String {
        let indent = "  "
        let keys = Set(fields.keys).union(rows.keys).sorted()
        if keys.isEmpty { return "{}\n" }
        var out = "{"
        for (i, key) in keys.enumerated() {
            if i > 0 { out += "," }
            out += "\n" + indent
            escape(key, into: &out)
            out += ": "
            if let (count, row) = rows[key] {
                if count == 0 { out += "[]"; continue }
                out += "["
                for r in 0..<count {
                    if r > 0 { out += "," }
                    out += "\n" + indent + indent
                    row(r).write(into: &out, indent: indent, level: 2)
                }
                out += "\n" + indent + "]"
            } else {
                fields[key]!.write(into: &out, indent: indent, level: 1)
            }
        }
        out += "\n}\n"
        return out
    }

    private func write(into out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): JSONValue.escape(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case let .object(fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{"
            for (i, key) in fields.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                JSONValue.escape(key, into: &out)
                out += indent == nil ? ":" : ": "
                fields[key]!.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// JSON string escaping; `<`, `>` and `&` are escaped too so the text is safe inside an HTML page.
    static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most strings (paths, hashes, titles) need no escape at all: one pass over the bytes says so.
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }
        }
        if plain == true {
            out += s
            out += "\""
            return
        }
        // Runs of bytes that need no escape are copied whole; only ASCII specials and U+2028/U+2029
        // (E2 80 A8/A9 in UTF-8) stop a run, and both start a scalar, so every run is valid text.
        let utf8 = s.utf8
        var runStart = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let byte = utf8[i]
            var replacement: String?
            var width = 1
            switch byte {
            case 0x22: replacement = "\\\""
            case 0x5C: replacement = "\\\\"
            case 0x0A: replacement = "\\n"
            case 0x0D: replacement = "\\r"
            case 0x09: replacement = "\\t"
            case 0x3C: replacement = "\\u003c"
            case 0x3E: replacement = "\\u003e"
            case 0x26: replacement = "\\u0026"
            case 0xE2:
                let next = utf8.index(after: i)
                if next != utf8.endIndex, utf8[next] == 0x80 {
                    let last = utf8.index(after: next)
                    if last != utf8.endIndex, utf8[last] == 0xA8 || utf8[last] == 0xA9 {
                        replacement = utf8[last] == 0xA8 ? "\\u2028" : "\\u2029"
                        width = 3
                    }
                }
            default:
                if byte < 0x20 {
                    let hex = String(byte, radix: 16)
                    replacement = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
            if let replacement {
                // Sliced as scalars: a run may begin with a combining mark, which is no Character boundary.
                out += Substring(s.unicodeScalars[runStart..<i])
                out += replacement
                i = utf8.index(i, offsetBy: width)
                runStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        out += Substring(s.unicodeScalars[runStart..<utf8.endIndex])
        out += "\""
    }
}
