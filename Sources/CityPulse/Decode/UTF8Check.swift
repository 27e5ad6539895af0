/// How well a byte buffer reads as UTF-8.
struct UTF8Check: Sendable, Hashable {
    /// Bytes that start no valid sequence.
    var invalid = 0
    /// Valid sequences of two to four bytes.
    var multibyte = 0
    /// A valid but incomplete sequence at the very end (a file cut short).
    var truncatedTail = false

    /// True when every byte belongs to a valid sequence.
    var isValid: Bool { invalid == 0 && !truncatedTail }
    /// True when the bytes are UTF-8 with rare damage: many good multi-byte sequences, few bad bytes.
    var isMostlyUTF8: Bool { multibyte >= 16 && invalid * 50 <= multibyte }

    /// Checks `bytes`, stopping early once it is clear that they are not UTF-8 when `stopEarly` is set.
    init(_ bytes: UnsafeBufferPointer<UInt8>, stopEarly: Bool = false) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            var need = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: need = -1
            }
            if need < 0 {
                invalid += 1
                i += 1
                if stopEarly && invalid > 8 && invalid * 50 > multibyte { return }
                continue
            }
            var j = 1
            var ok = true
            while j <= need {
                if i + j >= n {
                    truncatedTail = ok
                    return
                }
                let c = bytes[i + j]
                let lo: UInt8 = j == 1 ? low : 0x80
                let hi: UInt8 = j == 1 ? high : 0xBF
                if c < lo || c > hi {
                    ok = false
                    break
                }
                j += 1
            }
            if ok {
                multibyte += 1
                i += need + 1
            } else {
                invalid += 1
                i += 1
                if stopEarly && invalid > 8 && invalid * 50 > multibyte { return }
            }
        }
    }
}
