/// Finds pinyin written after a character by scrapers and converters: `創(chuàng)`, `區（qū）`. An
/// annotation is one parenthesised syllable of lowercase pinyin letters with a tone mark (or ü), right
/// after a CJK ideograph; a parenthesis that holds anything else is real text and stays.
enum PinyinAnnotations {
    /// The longest syllable written with tone marks (`zhuàng`, `chuāng`).
    static let maxSyllable = 7

    /// Ranges of `scalars` (the parentheses included) to remove, in order.
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 1
        while i < scalars.count {
            let open = scalars[i]
            guard open == "(" || open == "（", isIdeograph(scalars[i - 1]) else {
                i += 1
                continue
            }
            var j = i + 1
            var toned = false
            while j < scalars.count, j - i - 1 <= maxSyllable {
                let s = scalars[j]
                if isPlainLetter(s) {
                    j += 1
                } else if isTonedLetter(s) {
                    toned = true
                    j += 1
                } else {
                    break
                }
            }
            let length = j - i - 1
            if length >= 1, length <= maxSyllable, toned, j < scalars.count, scalars[j] == ")" || scalars[j] == "）" {
                out.append(i..<(j + 1))
                i = j + 1
            } else {
                i += 1
            }
        }
        return out
    }

    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v)
    }

    private static func isPlainLetter(_ s: Unicode.Scalar) -> Bool { (0x61...0x7A).contains(s.value) }

    /// Vowels with tone marks, ü, and combining tone marks.
    private static func isTonedLetter(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "ā", "á", "ǎ", "à", "ē", "é", "ě", "è", "ī", "í", "ǐ", "ì", "ō", "ó", "ǒ", "ò", "ū", "ú", "ǔ", "ù",
             "ü", "ǖ", "ǘ", "ǚ", "ǜ", "ń", "ň", "ǹ", "ḿ", "ê", "ế", "ề", "\u{0300}", "\u{0301}", "\u{0304}", "\u{030C}":
            return true
        default:
            return false
        }
    }
}
