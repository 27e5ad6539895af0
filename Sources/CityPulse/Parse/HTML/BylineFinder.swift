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

    /// The name after the first of `keys` that is followed by one.
    private static func value(after keys: [String], in text: String, maxLength: Int, cjkOnly: Bool) -> String? {
        let scalars = Array(text.unicodeScalars)
        var best: (position: Int, value: String)?
        for key in keys {
            let k = Array(key.unicodeScalars)
            var i = 0
            while i + k.count <= scalars.count {
                if scalars[i] == k[0] && Array(scalars[i..<(i + k.count)]) == k {
                    var p = i + k.count
                    while p < scalars.count, scalars[p] == " " || scalars[p] == "\u{3000}" || scalars[p] == "\u{A0}" { p += 1 }
                    var q = p
                    while q < scalars.count, q - p <= maxLength, isNameScalar(scalars[q], cjkOnly: cjkOnly) { q += 1 }
                    let length = q - p
                    let endsWell = q >= scalars.count || !isCJK(scalars[q]) || !cjkOnly
                    if length >= 2, length <= maxLength, endsWell {
                        var name = String(String.UnicodeScalarView(scalars[p..<q]))
                        if let cut = name.firstIndex(of: "_") { name = String(name[..<cut]) }
                        name = name.trimmingWhitespace()
                        if name.unicodeScalars.count >= 2, best == nil || i < best!.position { best = (i, name) }
                        break
                    }
                    i += k.count
                } else {
                    i += 1
                }
            }
        }
        return best?.value
    }

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
