@testable import CityPulse
import Foundation
import Testing

/// Normalization keeps the original and maps every folded position back to it.
@Suite struct NormalizeTests {
    static func seed() throws -> String {
        try String(contentsOf: ProjectPaths.shared.appendingPathComponent("seed/hohhot-youth-city-2024.txt"), encoding: .utf8)
    }

    /// Scalar offset of the first occurrence of `needle` in `text`.
    static func find(_ needle: String, in text: String) -> Range<Int>? {
        let h = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        guard n.count <= h.count else { return nil }
        for i in 0...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n { return i..<(i + n.count) }
        return nil
    }

    @Test func removesPinyinAnnotationsAndKeepsRealParentheses() {
        #expect(NormalizedText("創(chuàng)業(yè)").normalized == "创业")
        #expect(NormalizedText("自治區(qū)唯一").normalized == "自治区唯一")
        #expect(NormalizedText("共青團(青聯(lián))界別").normalized == "共青团(青联)界别")
        #expect(NormalizedText("見附件(a)").normalized == "见附件(a)")
        #expect(NormalizedText("人数（万人）").normalized == "人数(万人)")
    }

    @Test(arguments: [
        ("１２３４５", "12345"), ("１０％", "10%"), ("ＡＢＣ", "ABC"), ("１，０００人", "1,000人"),
        ("你好，世界！", "你好，世界！"), ("句号。顿号、", "句号。顿号、"), ("１．５倍", "1.5倍"),
        ("a \t b\u{3000}c", "a b c"), ("一\n\n  二", "一\n二"), ("  前后  ", "前后"),
    ])
    func foldsWidthAndWhitespace(input: String, expected: String) {
        #expect(NormalizedText(input).normalized == expected)
    }

    @Test func foldsTraditionalToSimplified() {
        #expect(TraditionalSimplifiedTable.shared.count > 2000)
        #expect(NormalizedText("三年十萬大學生留呼").normalized == "三年十万大学生留呼")
        #expect(NormalizedText("開放50處早夜市").normalized == "开放50处早夜市")
    }

    @Test(.enabled(if: ProjectPaths.hasSeed, ProjectPaths.noSeed)) func seedSpansMapBackToTheExactOriginal() throws {
        let seed = try Self.seed()
        let text = NormalizedText(seed)
        #expect(text.originalOffsets.count == text.normalized.unicodeScalars.count + 1)
        #expect(!text.normalized.contains("(chuàng)"))
        #expect(text.normalized.contains("共青团(青联)界别"))
        let cases: [(normalized: String, original: String)] = [
            ("创业", "創(chuàng)業(yè)"),
            ("自治区唯一", "自治區(qū)唯一"),
            ("引进高层次创新人才100名以上", "引進高層次創(chuàng)新人才100名以上"),
            ("2024年新增创业载体10家以上", "2024年新增創(chuàng)業(yè)載體10家以上"),
            ("共青团(青联)", "共青團(青聯(lián))"),
            ("开放50处早夜市", "開放50處早夜市"),
            ("启动 30 周年", "啟動 30 周年"),
        ]
        for c in cases {
            let span = try #require(Self.find(c.normalized, in: text.normalized), "\(c.normalized) not found")
            #expect(text.originalText(of: span) == c.original)
            let r = text.originalRange(of: span)
            #expect(Self.find(c.original, in: seed)?.lowerBound == r.lowerBound)
        }
    }

    @Test(.enabled(if: ProjectPaths.hasSeed, ProjectPaths.noSeed)) func everyNormalizedScalarPointsAtItsOriginal() throws {
        let seed = try Self.seed()
        let text = NormalizedText(seed)
        let original = Array(seed.unicodeScalars)
        for (k, s) in text.normalized.unicodeScalars.enumerated() {
            let o = original[text.originalOffsets[k]]
            if s == " " || s == "\n" {
                #expect(NormalizedText.isWhitespace(o))
            } else {
                // The original scalar folds to this one on its own.
                #expect(NormalizedText(String(o)).normalized.unicodeScalars.first == s)
            }
        }
        #expect(text.originalOffsets.last == original.count)
    }

    @Test func emptyAndOddInputs() {
        #expect(NormalizedText("").normalized == "")
        #expect(NormalizedText("").originalOffsets == [0])
        #expect(NormalizedText("(").normalized == "(")
        #expect(NormalizedText("創(").normalized == "创(")
        #expect(NormalizedText("創(chuàng").normalized == "创(chuàng")
        #expect(NormalizedText("\u{FFFD}").normalized == "\u{FFFD}")
    }

    // MARK: - Tables

    /// Pinyin after a character goes; parentheses that hold words, units, numbers, Latin text,
    /// toneless syllables or more than one syllable's letters stay.
    @Test(arguments: [
        ("創(chuàng)業(yè)", "创业"), ("區（qū）政府", "区政府"), ("他(tā)说", "他说"), ("绿(lǜ)色", "绿色"),
        ("女(nǚ)士", "女士"), ("创(chua\u{0300}ng)新", "创新"), ("人(rén)才(cái)", "人才"), ("嗯(ň)", "嗯"),
        ("人数(万人)", "人数(万人)"), ("GDP(亿元)", "GDP(亿元)"), ("第(1)条", "第(1)条"), ("北京(Beijing)", "北京(Beijing)"),
        ("吗(ma)", "吗(ma)"), ("a(à)", "a(à)"), ("2024(nián)", "2024(nián)"), ("创(chuàng", "创(chuàng"),
        ("创(chuàngxīn)", "创(chuàngxīn)"), ("(chuàng)", "(chuàng)"), ("创( chuàng )", "创( chuàng )"),
        // Toneless pinyin, once the text holds three such syllables; repeated annotations go too.
        ("青(qing)岛市(shi)(shi)(shi)就(jiu)(jiu)业(ye)", "青岛市就业"), ("就(jiu)业(ye)情(qing)况", "就业情况"),
        ("吗(ma)呢(ne)", "吗(ma)呢(ne)"), ("用(app)用(app)用(app)", "用(app)用(app)用(app)"),
        ("城(cheng)镇(zhen)新(xin)增(zeng)16.9万人(ren)", "城镇新增16.9万人"),
    ])
    func pinyinAnnotationTable(input: String, expected: String) {
        #expect(NormalizedText(input).normalized == expected)
    }

    /// Traditional characters fold to Simplified one for one; Simplified text and non-Han text stay.
    @Test(arguments: [
        ("臺灣", "台湾"), ("發展經濟", "发展经济"), ("十萬人", "十万人"), ("3億元", "3亿元"), ("10個", "10个"),
        ("50處", "50处"), ("創業載體", "创业载体"), ("大學生", "大学生"), ("以後", "以后"), ("歷史", "历史"),
        ("時鐘", "时钟"), ("简体不变", "简体不变"), ("ABC 123", "ABC 123"), ("留呼", "留呼"),
    ])
    func traditionalToSimplifiedTable(input: String, expected: String) {
        #expect(NormalizedText(input).normalized == expected)
    }

    /// Full-width forms fold to ASCII; the Chinese sentence marks and CJK brackets stay.
    @Test(arguments: [
        ("（１）", "(1)"), ("５０％", "50%"), ("＋", "+"), ("＞", ">"), ("１＋１＞２", "1+1>2"), ("ｗｗｗ．ｇｏｖ．ｃｎ", "www.gov.cn"),
        ("１，０００，０００元", "1,000,000元"), ("好，", "好，"), ("１０，二十", "10，二十"), ("问？答！", "问？答！"),
        ("《规划》", "《规划》"), ("「引号」", "「引号」"), ("【标题】", "【标题】"), ("－５", "-5"),
    ])
    func widthTable(input: String, expected: String) {
        #expect(NormalizedText(input).normalized == expected)
    }

    /// Each table case maps back: the whole normalized text comes from the whole original.
    @Test(arguments: ["創(chuàng)業(yè)載體１０個", "區（qū）　政府\n\n（萬人）", "  他(tā)說：１，０００  "])
    func tableCasesMapBack(input: String) {
        let text = NormalizedText(input)
        let all = 0..<text.normalized.unicodeScalars.count
        let back = text.originalText(of: all)
        #expect(NormalizedText(back).normalized == text.normalized)
        #expect(input.contains(back))
    }
}
