/// Finds pinyin written after a character by scrapers and converters: `創(chuàng)`, `區（qū）`,
/// `就(jiu)(jiu)業(ye)`. An annotation is one parenthesised syllable of lowercase pinyin letters right
/// after a CJK ideograph or after another annotation. With a tone mark (or ü) one is enough; without
/// tones, the letters must spell a pinyin syllable and the text must hold at least three such
/// annotations, so that a lone `吗(ma)` is left as written. A parenthesis that holds anything else is
/// real text and stays.
enum PinyinAnnotations {
    /// The longest syllable written with tone marks (`zhuàng`, `chuāng`).
    static let maxSyllable = 7
    /// How many toneless annotations make a text annotated throughout.
    static let tonelessQuorum = 3

    /// Ranges of `scalars` (the parentheses included) to remove, in order.
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [(range: Range<Int>, toned: Bool)] = []
        var tonelessCount = 0
        var lastEnd = -1
        var i = 1
        while i < scalars.count {
            let open = scalars[i]
            guard open == "(" || open == "（", isIdeograph(scalars[i - 1]) || i == lastEnd else {
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
            if length >= 1, length <= maxSyllable, j < scalars.count, scalars[j] == ")" || scalars[j] == "）",
               toned || isSyllable(scalars[(i + 1)..<j]) {
                found.append((i..<(j + 1), toned))
                if !toned { tonelessCount += 1 }
                lastEnd = j + 1
                i = j + 1
            } else {
                i += 1
            }
        }
        return found.filter { $0.toned || tonelessCount >= tonelessQuorum }.map(\.range)
    }

    private static let initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""]
    private static let finals: Set<String> = [
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "ia", "ie", "iao", "iu",
        "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ue", "ve", "n", "ng", "m",
    ]

    /// Whether toneless letters spell one pinyin syllable (an initial and a final): `shi`, `jiu`, `qing`.
    static func isSyllable(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        let word = String(String.UnicodeScalarView(letters))
        return initials.contains { ini in word.hasPrefix(ini) && finals.contains(String(word.dropFirst(ini.count))) }
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
