import CityPulseQuantities
import Glibc

/// Small operations on field bytes, so the hot path needs no `String`.
enum CSVBytes {
    /// Without ASCII spaces and tabs, and without U+3000 (ideographic space) at either end.
    @inline(__always)
    static func trim(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = 0
        var e = b.count
        while true {
            if s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1; continue }
            if s + 3 <= e, b[s] == 0xE3, b[s + 1] == 0x80, b[s + 2] == 0x80 { s += 3; continue }
            break
        }
        while true {
            if e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1; continue }
            if e - 3 >= s, b[e - 3] == 0xE3, b[e - 2] == 0x80, b[e - 1] == 0x80 { e -= 3; continue }
            break
        }
        return UnsafeBufferPointer(rebasing: b[s..<e])
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
    }

    /// A hash of the bytes eight at a time (a multiply and a shift per word, SplitMix's constants):
    /// cheap, and good enough to intern a few hundred distinct names (collisions are resolved by the
    /// interner anyway). Every region and dimension cell of every row goes through here.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        guard let base = b.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < b.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < b.count {
                tail |= UInt64(b[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return h
    }

    /// A plain decimal read from bytes: optional sign, digits with optional thousands separators, optional
    /// fraction; spaces around it allowed. Anything else (十二, N/A, 3人, 约5, -) is nil.
    static func decimal(_ raw: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        let b = trim(raw)
        var i = 0
        let n = b.count
        guard n > 0 else { return nil }
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        var significand: Int64 = 0
        var exponent = 0
        var digits = 0
        var groupDigits = 0
        var sawComma = false
        var sawPoint = false
        while i < n {
            let c = b[i]
            if c >= 0x30, c <= 0x39 {
                let (m, o1) = significand.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(c - 0x30))
                if o1 || o2 { return nil }
                significand = a
                digits += 1
                groupDigits += 1
                if sawPoint { exponent -= 1 }
            } else if c == UInt8(ascii: ","), !sawPoint, digits > 0 {
                // A thousands separator must be followed by exactly three digits.
                if sawComma, groupDigits != 3 { return nil }
                if !sawComma, groupDigits > 3 { return nil }
                sawComma = true
                groupDigits = 0
            } else if c == UInt8(ascii: "."), !sawPoint {
                if sawComma, groupDigits != 3 { return nil }
                sawPoint = true
                sawComma = false
                groupDigits = 0
            } else {
                return nil
            }
            i += 1
        }
        if sawComma, groupDigits != 3 { return nil }
        guard digits > 0 else { return nil }
        return ExactDecimal(significand: negative ? -significand : significand, exponent: exponent)
    }

    /// A whole number of ASCII digits, or nil.
    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start < end else { return nil }
        var v = 0
        for i in start..<end {
            let c = b[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }
}
