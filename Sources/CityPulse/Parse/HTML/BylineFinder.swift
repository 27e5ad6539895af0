/// Reads bylines in Chinese news text: the source (来源：…), the reporter (记者 …, 作者：…) and the
/// responsible editor (责任编辑：…), in Simplified or Traditional script.
enum BylineFinder {
    static func source(in text: String) -> String? {
        value(after: ["来源：", "来源:", "來源：", "來源:", "来源 ：", "稿件来源："], in: text, maxLength: 24, cjkOnly: false)
    }

    static func editor(in text: String) -> String? {
        value(after: ["责任编辑：", "责任编辑:", "責任編輯：", "責任編輯:", "责任编辑 ：", "责编：", "責編："], in: text, maxLength: 16, cjkOnly: false)
    }

    static func reporter(in text: String) -> String? {
        value(after: ["记者：", "記者：", "记者:", "記者:", "记者 ", "記者 ", "记者　", "記者　", "作者：", "作者:"], in: text, maxLength: 4, cjkOnly: true)
            ?? value(after: ["记者", "記者"], in: text, maxLength: 3, cjkOnly: true)
    }

    /// The name after the earliest of `keys` that is followed by one. The text is read as scalars
    /// once; keys are matched in place, without building slices.
    private static func value(after keys: [String], in text: String, maxLength: Int, cjkOnly: Bool) -> String? {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        var best: (position: Int, value: String)?
        for key in keys {
            let k = Array(key.unicodeScalars)
            guard let first = k.first else { continue }
            var i = 0
            // Only a match before the best one so far can win.
            let limit = min(n - k.count, (best?.position ?? n) - 1)
            search: while i <= limit {
                guard scalars[i] == first else {
                    i += 1
                    continue
                }
                var m = 1
                while m < k.count, scalars[i + m] == k[m] { m += 1 }
                guard m == k.count else {
                    i += 1
                    continue
                }
                var p = i + k.count
                while p < n, scalars[p] == " " || scalars[p] == "\u{3000}" || scalars[p] == "\u{A0}" { p += 1 }
                var q = p
                while q < n, q - p <= maxLength, isNameScalar(scalars[q], cjkOnly: cjkOnly) { q += 1 }
                let length = q - p
                let endsWell = q >= n || !isCJK(scalars[q]) || !cjkOnly
                if length >= 2, length <= maxLength, endsWell, !(cjkOnly && startsWithVerb(scalars, p)) {
                    var name = String(String.UnicodeScalarView(scalars[p..<q]))
                    if let cut = name.firstIndex(of: "_") { name = String(name[..<cut]) }
                    name = name.trimmingWhitespace()
                    if name.unicodeScalars.count >= 2 {
                        best = (i, name)
                        break search
                    }
                }
                i += k.count
            }
        }
        return best?.value
    }

    /// "记者了解到", "记者注意到", "记者从…获悉": what follows 记者 is what the reporter did, not a name.
    private static func startsWithVerb(_ s: [Unicode.Scalar], _ p: Int) -> Bool {
        guard p + 1 < s.count else { return false }
        let pair = String(String.UnicodeScalarView([s[p], s[p + 1]]))
        return reportingVerbs.contains(pair)
    }

    private static let reportingVerbs: Set<String> = [
        "了解", "注意", "获悉", "獲悉", "看到", "发现", "發現", "采访", "採訪", "调查", "調查", "走访", "走訪", "致电", "致電",
        "联系", "聯繫", "询问", "詢問", "观察", "觀察", "梳理", "统计", "統計", "查阅", "查閱", "随机", "隨機", "实地", "實地",
        "表示", "一行", "近日", "日前", "昨日", "今日", "昨天", "今天", "从中", "發稿", "发稿", "会见", "會見", "提问", "提問", "分析", "认为", "認為", "指出", "证实", "證實",
    ]

    private static func isCJK(_ s: Unicode.Scalar) -> Bool { (0x3400...0x9FFF).contains(s.value) }

    private static func isNameScalar(_ s: Unicode.Scalar, cjkOnly: Bool) -> Bool {
        if isCJK(s) || s == "·" { return true }
        if cjkOnly { return false }
        switch s {
        case " ", "\u{3000}", "\n", "\t", "）", ")", "】", "]", "|", "，", "。", "、", "；", "(", "（", "【", "[", "\u{A0}": return false
        default: return true
        }
    }
}
