/// What one Unicode scalar means inside a number: digits (Arabic, full-width, Chinese, 大写), place
/// multipliers (十百千万亿 and their 大写 and Traditional forms), and the marks around them.
///
/// Everything works on raw scalar values so the scanner's inner loop never builds a `Character`.
enum NumeralScalar {
    /// The value of an ASCII or full-width Arabic digit.
    @inline(__always)
    static func arabicDigit(_ c: UInt32) -> Int64? {
        if c >= 0x30, c <= 0x39 { return Int64(c - 0x30) }
        if c >= 0xFF10, c <= 0xFF19 { return Int64(c - 0xFF10) }
        return nil
    }

    /// The value of a Chinese digit, lower case or 大写, Simplified or Traditional.
    @inline(__always)
    static func chineseDigit(_ c: UInt32) -> Int64? {
        switch c {
        case 0x96F6, 0x3007, 0x25CB: return 0  // 零 〇 ○ (the circle some typesetters use for 〇)
        case 0x4E00, 0x58F9, 0x5E7A: return 1  // 一 壹 幺
        case 0x4E8C, 0x4E24, 0x5169, 0x8D30, 0x8CB3, 0x5F0D: return 2  // 二 两 兩 贰 貳 弍
        case 0x4E09, 0x53C1, 0x53C3, 0x53C4: return 3  // 三 叁 參 叄
        case 0x56DB, 0x8086: return 4  // 四 肆
        case 0x4E94, 0x4F0D: return 5  // 五 伍
        case 0x516D, 0x9646, 0x9678: return 6  // 六 陆 陸
        case 0x4E03, 0x67D2: return 7  // 七 柒
        case 0x516B, 0x634C: return 8  // 八 捌
        case 0x4E5D, 0x7396: return 9  // 九 玖
        default: return nil
        }
    }

    /// Place multipliers below 万: 十 拾 (10), 百 佰 (100), 千 仟 (1000).
    @inline(__always)
    static func smallMultiplier(_ c: UInt32) -> Int64? {
        switch c {
        case 0x5341, 0x62FE: return 10  // 十 拾
        case 0x767E, 0x4F70: return 100  // 百 佰
        case 0x5343, 0x4EDF: return 1000  // 千 仟
        default: return nil
        }
    }

    /// Section multipliers: 万 萬 (10⁴), 亿 億 (10⁸), 兆 (10¹², 万亿).
    @inline(__always)
    static func bigMultiplier(_ c: UInt32) -> Int64? {
        switch c {
        case 0x4E07, 0x842C: return 10_000  // 万 萬
        case 0x4EBF, 0x5104: return 100_000_000  // 亿 億
        case 0x5146: return zhao  // 兆
        default: return nil
        }
    }

    /// 兆 as a numeral multiplier: 10¹², the 万亿 of Taiwan and Hong Kong finance pages (3兆元).
    static let zhao: Int64 = 1_000_000_000_000

    /// Scalars after which 兆 is the prefix mega of a unit, not 10¹²: 兆瓦 兆赫 兆帕 兆焦 兆欧 兆伏 兆安
    /// 兆吨 兆卡 兆字节 兆比特 兆位 兆级, 百兆宽带, 千兆光网/网络, 兆米, 兆像素, 兆流量, 兆带宽, and the
    /// letters of MB, Mbps.
    @inline(__always)
    static func isMegaUnitStart(_ c: UInt32) -> Bool {
        switch c {
        case 0x74E6, 0x8D6B, 0x5E15, 0x7126, 0x6B27, 0x6B50, 0x4F0F, 0x5B89, 0x5428, 0x5678, 0x5361, 0x5B57,
            0x6BD4, 0x4F4D, 0x7EA7, 0x7D1A, 0x5BBD, 0x5BEC, 0x5149, 0x7F51, 0x7DB2, 0x7C73, 0x50CF, 0x6D41,
            0x5E26, 0x5E36:
            return true
        default:
            return isASCIILetter(c)
        }
    }

    /// 廿 (20), 卅 (30), 卌 (40): tens written as one character.
    @inline(__always)
    static func compoundTens(_ c: UInt32) -> Int64? {
        switch c {
        case 0x5EFF: return 20
        case 0x5345: return 30
        case 0x534C: return 40
        default: return nil
        }
    }

    /// 俩 倆: two and its counter in one character (俩人 is two people, 哥倆 two brothers).
    @inline(__always)
    static func isFusedTwo(_ c: UInt32) -> Bool { c == 0x4FE9 || c == 0x5006 }

    @inline(__always)
    static func isMultiplier(_ c: UInt32) -> Bool {
        smallMultiplier(c) != nil || bigMultiplier(c) != nil
    }

    /// Any scalar that can be part of a Chinese numeral.
    @inline(__always)
    static func isChineseNumeral(_ c: UInt32) -> Bool {
        chineseDigit(c) != nil || isMultiplier(c) || compoundTens(c) != nil
    }

    /// `.` and the full-width `．`.
    @inline(__always)
    static func isArabicPoint(_ c: UInt32) -> Bool { c == 0x2E || c == 0xFF0E }

    /// 点 and 點, the decimal point of a Chinese numeral.
    @inline(__always)
    static func isChinesePoint(_ c: UInt32) -> Bool { c == 0x70B9 || c == 0x9EDE }

    /// `,` and the full-width `，`, when used between groups of three digits.
    @inline(__always)
    static func isGroupSeparator(_ c: UInt32) -> Bool { c == 0x2C || c == 0xFF0C }

    @inline(__always)
    static func isASCIILetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// Ａ–Ｚ and ａ–ｚ.
    @inline(__always)
    static func isFullWidthLetter(_ c: UInt32) -> Bool { (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) }

    /// e, E and the full-width ｅ, Ｅ between a number and its power of ten.
    @inline(__always)
    static func isExponentMark(_ c: UInt32) -> Bool { c == 0x65 || c == 0x45 || c == 0xFF45 || c == 0xFF25 }

    /// +1 or -1 for + ＋ and - － − (the minus sign), nil for anything else.
    @inline(__always)
    static func sign(_ c: UInt32) -> Int? {
        switch c {
        case 0x2B, 0xFF0B: return 1
        case 0x2D, 0xFF0D, 0x2212: return -1
        default: return nil
        }
    }

    /// Spaces a writer may leave between a number and its unit: ASCII, no-break and ideographic.
    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0xA0 || c == 0x3000 || c == 0x09 }

    /// Opening quotation marks: “ 「 『 ‘ " ＂ 《.
    @inline(__always)
    static func isOpeningQuote(_ c: UInt32) -> Bool {
        c == 0x201C || c == 0x300C || c == 0x300E || c == 0x2018 || c == 0x22 || c == 0xFF02 || c == 0x300A
    }

    /// Closing quotation marks: ” 」 』 ’ " ＂ 》.
    @inline(__always)
    static func isClosingQuote(_ c: UInt32) -> Bool {
        c == 0x201D || c == 0x300D || c == 0x300F || c == 0x2019 || c == 0x22 || c == 0xFF02 || c == 0x300B
    }
}

extension NumeralScalar {
    /// An Arabic digit or an Arabic decimal point.
    @inline(__always)
    static func arabicDigitOrPoint(_ c: UInt32) -> Bool { arabicDigit(c) != nil || isArabicPoint(c) }
}
