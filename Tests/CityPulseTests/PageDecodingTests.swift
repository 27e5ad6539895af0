@testable import CityPulse
import Foundation
import Testing

/// Every page and feed of the corpus decodes to the encoding its bytes really have, without a single
/// replacement character, whatever its `<meta charset>` claims.
@Suite(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) struct PageDecodingTests {
    /// How a corpus file is really encoded.
    enum Family: String, Sendable, CustomTestStringConvertible {
        case utf8 = "UTF-8"
        /// UTF-8 bytes under a declaration of gb2312: the declaration is wrong and must be overruled.
        case utf8DeclaredGB = "UTF-8 (declared gb2312)"
        /// GB2312 ⊂ GBK ⊂ GB18030, read as GB18030.
        case gb = "GB18030"
        case big5 = "Big5"

        var testDescription: String { rawValue }
    }

    /// Each file with its real encoding (from `SOURCES.md`: a strict decode of the bytes) and, for
    /// files in a Chinese legacy encoding, a phrase that only the right decoding yields.
    static let cases: [(file: String, family: Family, phrase: String?)] = [
        ("chardet_REAL_BIG5_nocharset_TRADITIONAL_taipei_detention_news.html", .big5, "台北看守所昨天抽查前總統陳水扁的房舍"),
        ("chardet_REAL_GB18030_nocharset_sina_china_manufacturing.html", .gb, "中国制造的领军者3名"),
        ("chardet_REAL_GB2312_acnnewswire_press_releases_rss.xml", .gb, "JCB 与中国银联（China UnionPay）"),
        ("chardet_REAL_GB2312_sohu_ad_table.html", .gb, "搜狐在线国庆免费大酬宾"),
        ("eventsmachine_chinanews_beijing_rainstorm_META_GB2312.html", .utf8DeclaredGB, nil),
        ("eventsmachine_qq_tianjin_blast_credibility_META_GB2312.html", .utf8DeclaredGB, nil),
        ("gerapy_163_rolling_list_NONARTICLE_META_GB2312.html", .utf8DeclaredGB, nil),
        ("gerapy_163_us_covid_cases_LARGE.html", .utf8, nil),
        ("gerapy_chinanews_expand_domestic_demand.html", .utf8, nil),
        ("gne_163_highway_closure_META_GB2312_BYTES_UTF8.html", .utf8DeclaredGB, nil),
        ("gne_163_longfor_projects.html", .utf8, nil),
        ("gne_163_state_council_joint_prevention.html", .utf8, nil),
        ("gne_cjddsb_changde_finance_month.html", .utf8, nil),
        ("gne_cjn_wuhan_golden_week.html", .utf8, nil),
        ("gne_govcn_npc_special_treasury_bonds.html", .utf8, nil),
        ("gne_guancha_ic_imports_3000yi_usd.html", .utf8, nil),
        ("gne_hexun_mot_jingjinji_transport.html", .utf8, nil),
        ("gne_mingridapan_unctad_2019_forecast.html", .utf8, nil),
        ("gne_people_culture_zheng_banqiao_META_GB2312_BYTES_UTF8.html", .utf8DeclaredGB, nil),
        ("gne_qq_data_industry_crawlers_META_GB2312_BYTES_UTF8.html", .utf8DeclaredGB, nil),
        ("gne_sina_iphone11_prices.html", .utf8, nil),
        ("gne_stcn_midday_announcements.html", .utf8, nil),
        ("gne_sxmu_supervision_law_fulltext.html", .utf8, nil),
        ("gne_wechat_galaxy_s20_MESSY.html", .utf8, nil),
        ("gne_zsnews_zhongchuang_finance_street.html", .utf8, nil),
        ("jsoup_REAL_GB2312_baidu_home.html", .gb, "百度一下，你就知道"),
        ("np4k_bbc_zhongwen_hk_ceo_apology.html", .utf8, nil),
        ("np4k_chinadaily_us_china_cooperation.html", .utf8, nil),
        ("readability_gmw_astronaut_alcohol.html", .utf8, nil),
        ("readability_pixnet_TRADITIONAL_hsinchu_blog.html", .utf8, nil),
        ("readability_qq_deepmind_META_GB2312_BYTES_UTF8.html", .utf8DeclaredGB, nil),
    ]

    @Test func everyCorpusFileHasAnExpectedEncoding() {
        #expect(PageCorpus.files() == Self.cases.map(\.file).sorted(), "a corpus file is missing from the table, or the table names one that is gone")
    }

    @Test(arguments: cases)
    func decodesToItsRealEncoding(file: String, family: Family, phrase: String?) throws {
        let decoded = TextDecoding.decode(try PageCorpus.bytes(file))
        let name = decoded.encoding.split(separator: " ").first.map(String.init) ?? ""
        switch family {
        case .utf8:
            #expect(name == "UTF-8", "\(decoded.encoding)")
            #expect(decoded.problems.isEmpty, "\(decoded.problems)")
        case .utf8DeclaredGB:
            #expect(decoded.encoding == "UTF-8 (declared gb2312, bytes are UTF-8)")
            #expect(decoded.problems == [.declaredCharsetContradicted(declared: "gb2312", used: "UTF-8")])
        case .gb:
            #expect(name == "GB18030", "\(decoded.encoding)")
            #expect(decoded.problems.isEmpty, "\(decoded.problems)")
        case .big5:
            #expect(name == "Big5", "\(decoded.encoding)")
            #expect(decoded.problems.isEmpty, "\(decoded.problems)")
        }
        // The decoder adds no replacement character: the only ones are those a page itself holds as
        // UTF-8 bytes (one gerapy page carries two in an HTML comment, left by an earlier mis-decoding).
        let replacements = decoded.text.unicodeScalars.count(where: { $0 == "\u{FFFD}" })
        let literal = family == .utf8 || family == .utf8DeclaredGB ? Self.encodedReplacementCharacters(try PageCorpus.bytes(file)) : 0
        #expect(replacements == literal, "\(file): \(replacements) replacement characters, \(literal) in the bytes")
        if let phrase {
            let reads = decoded.text.contains(phrase)
            #expect(reads, "\(file) does not read \(phrase)")
        }
        // Every file of the corpus is Chinese: a right decoding yields plenty of ideographs.
        let ideographs = decoded.text.unicodeScalars.count(where: CJKOverlap.isIdeograph)
        #expect(ideographs >= 20, "\(file): only \(ideographs) ideographs")
    }

    /// The page reader reports the same encoding on the document.
    @Test(arguments: cases.filter { $0.file.hasSuffix(".html") })
    func documentsCarryTheEncoding(file: String, family: Family, phrase: String?) throws {
        let document = try PageCorpus.read(file)
        let expectedPrefix = family == .utf8DeclaredGB ? "UTF-8" : family.rawValue
        #expect(document.encoding.hasPrefix(expectedPrefix), "\(document.encoding)")
        let damaged = (document.text + (document.title ?? "")).unicodeScalars.contains("\u{FFFD}")
        #expect(!damaged, "replacement characters in the text or title of \(file)")
    }

    /// U+FFFD written in the bytes as UTF-8 (EF BF BD).
    static func encodedReplacementCharacters(_ bytes: [UInt8]) -> Int {
        var count = 0
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBD {
                count += 1
                i += 3
            } else {
                i += 1
            }
        }
        return count
    }

    /// Declarations inside the bytes name the same encodings under many labels.
    @Test(arguments: [
        ("<meta charset=\"GB2312\">", CharsetFamily.gb), ("<meta charset='gbk'>", .gb), ("<meta charset=gb18030>", .gb),
        ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">", .big5), ("<meta charset=\"x-gbk\">", .gb),
        ("<?xml version=\"1.0\" encoding=\"gb2312\"?>", .gb), ("<meta charset=\"UTF-8\">", .utf8), ("<meta charset=utf8>", .utf8),
        ("<meta charset=\"cp950\">", .big5),
    ])
    func readsCharsetDeclarations(head: String, family: CharsetFamily) {
        let bytes = Array(head.utf8)
        let declaration = bytes.withUnsafeBufferPointer { CharsetDeclaration.find(in: $0) }
        #expect(declaration?.family == family)
    }
}
