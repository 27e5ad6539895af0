/// Searches in scalar arrays.
enum ScalarText {
    /// Every occurrence of `word` lying inside `range`.
    static func occurrences(of word: String, in s: [Unicode.Scalar], within range: Range<Int>) -> [Range<Int>] {
        occurrences(of: Array(word.unicodeScalars), in: s, within: range)
    }

    /// Every occurrence of `word` lying inside `range`.
    static func occurrences(of word: [Unicode.Scalar], in s: [Unicode.Scalar], within range: Range<Int>) -> [Range<Int>] {
        let range = range.clamped(to: 0..<s.count)
        guard !word.isEmpty, range.count >= word.count else { return [] }
        var hits: [Range<Int>] = []
        var i = range.lowerBound
        let last = range.upperBound - word.count
        while i <= last {
            if s[i] == word[0] {
                var j = 1
                while j < word.count, s[i + j] == word[j] { j += 1 }
                if j == word.count { hits.append(i..<(i + word.count)) }
            }
            i += 1
        }
        return hits
    }

    /// Whether `word` stands at `i`.
    static func hasWord(_ word: String, in s: [Unicode.Scalar], at i: Int) -> Bool {
        var k = i
        for c in word.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    /// Whether `word` ends just before `i`.
    static func hasWord(_ word: String, in s: [Unicode.Scalar], endingAt i: Int) -> Bool {
        let n = word.unicodeScalars.count
        return i - n >= 0 && hasWord(word, in: s, at: i - n)
    }

    /// Whether `r` lies inside 《…》 opened at or after `lower`: the title of a plan, a law or a paper.
    static func isInsideTitle(_ r: Range<Int>, in s: [Unicode.Scalar], from lower: Int) -> Bool {
        var i = r.lowerBound - 1
        while i >= lower {
            if s[i] == "》" { return false }
            if s[i] == "《" { return true }
            i -= 1
        }
        return false
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    static func isIdeograph(_ c: Unicode.Scalar) -> Bool { PinyinAnnotations.isIdeograph(c) }
}
