/// The character set a page or feed says it is in: `<meta charset>`, `http-equiv` content, or the XML
/// declaration. Only the head of the file is searched.
struct CharsetDeclaration: Sendable, Hashable {
    /// The label as written, lowercased (`gb2312`, `utf-8`, `big5`).
    var label: String

    /// How many leading bytes are searched.
    static let window = 8192

    /// Finds the first declaration in the head of `bytes`.
    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> CharsetDeclaration? {
        let n = min(bytes.count, window)
        // `<?xml … encoding="…"?>` only counts at the very start.
        if n >= 5, bytes[0] == 0x3C, bytes[1] == 0x3F, lower(bytes[2]) == 0x78 {
            var end = 2
            while end < n && bytes[end] != 0x3E { end += 1 }
            if let label = value(after: Array("encoding".utf8), in: bytes, from: 0, to: end) {
                return CharsetDeclaration(label: label)
            }
        }
        // `charset=…` anywhere in the head covers both `<meta charset>` and `http-equiv` content.
        if let label = value(after: Array("charset".utf8), in: bytes, from: 0, to: n) {
            return CharsetDeclaration(label: label)
        }
        return nil
    }

    /// The token after `key`, optional spaces, `=`, optional quotes.
    private static func value(after key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String? {
        var i = from
        let k = key.count
        while i + k < to {
            var match = true
            for j in 0..<k where lower(bytes[i + j]) != key[j] {
                match = false
                break
            }
            if !match {
                i += 1
                continue
            }
            var p = i + k
            while p < to && (bytes[p] == 0x20 || bytes[p] == 0x09) { p += 1 }
            guard p < to, bytes[p] == 0x3D else {
                i += 1
                continue
            }
            p += 1
            while p < to && (bytes[p] == 0x20 || bytes[p] == 0x09 || bytes[p] == 0x22 || bytes[p] == 0x27) { p += 1 }
            var q = p
            while q < to, isLabelByte(bytes[q]) { q += 1 }
            if q > p {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[p..<q]), as: UTF8.self).lowercased()
            }
            i = p
        }
        return nil
    }

    private static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
            || b == 0x2E || b == 0x3A
    }

    /// The family of the declared set, as the decoder handles it.
    var family: CharsetFamily {
        switch label.replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312", "chinese",
             "iso-ir-58", "gb-2312", "x-euc-cn", "hz-gb-2312":
            return .gb
        case "big5", "big-5", "cn-big5", "x-x-big5", "csbig5", "cp950", "ms950", "windows-950", "x-windows-950":
            return .big5
        case "big5-hkscs", "big5hkscs": return .big5
        case "utf-16", "utf-16le", "utf-16be": return .utf16
        default: return .other(label)
        }
    }
}

/// Groups of character sets the decoder treats alike.
enum CharsetFamily: Sendable, Hashable {
    case utf8, gb, big5, utf16
    case other(String)
}
