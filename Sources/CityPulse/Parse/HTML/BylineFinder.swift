/// Reads bylines in Chinese news text: the source (来源：…), the reporter (记者 …, 作者：…) and the
/// responsible editor (责任编辑：…), in Simplified or Traditional script.
enum BylineFinder {
    static func source(in text: String) -> String? {
        value(after: sourceKeys, in: text, maxLength: 24, cjkOnly: false)
    }

    static func editor(in text: String) -> String? {
        value(after: editorKeys, in: text, maxLength: 16, cjkOnly: false)
    }

    static func reporter(in text: String) -> String? {
        value(after: reporterKeys, in: text, maxLength: 4, cjkOnly: true)
            ?? value(after: bareReporterKeys, in: text, maxLength: 3, cjkOnly: true)
    }

    private static let sourceKeys = utf8(["来源：", "来源:", "來源：", "來源:", "来源 ：", "稿件来源："])
    private static let editorKeys = utf8(["责任编辑：", "责任编辑:", "責任編輯：", "責任編輯:", "责任编辑 ：", "责编：", "責編："])
    private static let reporterKeys = utf8(["记者：", "記者：", "记者:", "記者:", "记者 ", "記者 ", "记者　", "記者　", "作者：", "作者:"])
    private static let bareReporterKeys = utf8(["记者", "記者"])

    private static func utf8(_ keys: [String]) -> [[UInt8]] { keys.map { Array($0.utf8) } }

    /// The name after the earliest of `keys` that is followed by one. Keys are matched on the text's
    /// UTF-8 bytes in place; only the name after a match is decoded, and its length is counted in scalars.
    private static func value(after keys: [[UInt8]], in text: String, maxLength: Int, cjkOnly: Bool) -> String? {
        text.utf8.withContiguousStorageIfAvailable { value(after: keys, in: $0, maxLength: maxLength, cjkOnly: cjkOnly) }
            ?? Array(text.utf8).withUnsafeBufferPointer { value(after: keys, in: $0, maxLength: maxLength, cjkOnly: cjkOnly) }
    }

    private static func value(after keys: [[UInt8]], in b: UnsafeBufferPointer<UInt8>, maxLength: Int, cjkOnly: Bool) -> String? {
        let n = b.count
        var best: (position: Int, value: String)?
        for k in keys {
            guard !k.isEmpty, let base = b.baseAddress else { continue }
            var from = 0
            // Only a match before the best one so far can win.
            let limit = min(n - k.count, (best?.position ?? n) - 1)
            search: while from <= limit {
                guard let i = UTF8Search.find(k, in: base, from: from, through: limit) else { break }
                var p = i + k.count
                while p < n {
                    let (s, width) = scalar(b, p)
                    guard s == " " || s == "\u{3000}" || s == "\u{A0}" else { break }
                    p += width
                }
                var q = p
                var length = 0
                var next: Unicode.Scalar?
                while q < n, length <= maxLength {
                    let (s, width) = scalar(b, q)
                    guard isNameScalar(s, cjkOnly: cjkOnly) else {
                        next = s
                        break
                    }
                    q += width
                    length += 1
                }
                if next == nil, q < n { next = scalar(b, q).scalar }
                let endsWell = next.map { !isCJK($0) } ?? true || !cjkOnly
                if length >= 2, length <= maxLength, endsWell, !(cjkOnly && startsWithVerb(b, p)) {
                    var name = String(decoding: UnsafeBufferPointer(rebasing: b[p..<q]), as: UTF8.self)
                    if let cut = name.firstIndex(of: "_") { name = String(name[..<cut]) }
                    name = name.trimmingWhitespace()
                    if name.unicodeScalars.count >= 2 {
                        best = (i, name)
                        break search
                    }
                }
                from = i + k.count
            }
        }
        return best?.value
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its width in bytes.
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = b[i]
        let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard width > 1, i + width <= b.count else { return (Unicode.Scalar(lead), 1) }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for j in 1..<width { value = value << 6 | UInt32(b[i + j] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// "记者了解到", "记者注意到", "记者从…获悉": what follows 记者 is what the reporter did, not a name.
    private static func startsWithVerb(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        guard p < b.count else { return false }
        let (first, width) = scalar(b, p)
        guard p + width < b.count else { return false }
        let pair = String(String.UnicodeScalarView([first, scalar(b, p + width).scalar]))
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
