@testable import CityPulse
import Foundation
import Testing

/// Title, publication day, site, author and canonical URL against the peers' expected metadata, and
/// whether a page is an article at all.
@Suite(.serialized, .enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) struct PageMetadataTests {
    /// Strips the peer's site suffix the way a reader of the page would (`标题_科技_腾讯网` → `标题`).
    static func peerTitle(_ raw: String) -> String {
        PageMetadata.stripSiteSuffix(raw.replacingOccurrences(of: " @ ", with: " :: "))
    }

    // MARK: - newspaper4k

    @Test func chinaDailyAgreesWithNewspaper4k() throws {
        let page = "np4k_chinadaily_us_china_cooperation.html"
        let expected = try PageCorpus.expectedMetadata("np4k_chinadaily_us_china_cooperation.expected-metadata.json")
        let document = try PageCorpus.read(page)
        #expect(document.title == expected["title"] as? String)
        #expect(document.url == expected["canonical_link"] as? String)
        #expect(document.url == expected["url"] as? String)
        let published = try #require(expected["publish_date"] as? String)
        #expect(document.published?.description == String(published.prefix(10)))
        // newspaper4k finds no author (`authors: []`) and no site name (`meta_site_name: ""`). The page
        // names 严玉洁 in <meta name="author"> and as 责任编辑, and 中国日报网 in its <title>: we report
        // them, so these two are known disagreements.
        #expect((expected["authors"] as? [String])?.isEmpty == true)
        #expect(document.author == "严玉洁")
        #expect(document.editor == "严玉洁")
        #expect(document.site == "中国日报网")
    }

    // MARK: - mozilla/readability

    @Test func gmwAgreesWithReadability() throws {
        let expected = try PageCorpus.expectedMetadata("readability_gmw_astronaut_alcohol.expected-metadata.json")
        let document = try PageCorpus.read("readability_gmw_astronaut_alcohol.html")
        let raw = try #require(expected["title"] as? String)
        // readability keeps the whole <title>; without its suffix it is our title.
        #expect(document.title == Self.peerTitle(raw))
        #expect(document.title == "宇航员在太空中喝酒会怎么样？后果很严重")
        #expect(document.author == expected["byline"] as? String)
        // readability gives no site name and no date; the page's <title> ends in 光明网 and its date line
        // reads 2017-03-10.
        #expect(expected["siteName"] is NSNull)
        #expect(expected["publishedTime"] is NSNull)
        #expect(document.site == "光明网")
        #expect(document.published?.description == "2017-03-10")
    }

    @Test func pixnetAgreesWithReadability() throws {
        let expected = try PageCorpus.expectedMetadata("readability_pixnet_TRADITIONAL_hsinchu_blog.expected-metadata.json")
        let document = try PageCorpus.read("readability_pixnet_TRADITIONAL_hsinchu_blog.html")
        let raw = try #require(expected["title"] as? String)
        #expect(raw.hasPrefix(document.title ?? "-"))
        // The post's heading, not the blog's or PIXNET's logo heading.
        #expect(document.title == "新竹尖石_美樹營地賞楓 (2)")
        #expect(document.author == expected["byline"] as? String)
        #expect(document.site == expected["siteName"] as? String)
        // Neither finds a publication date on the page (the dates on it belong to other posts).
        #expect(expected["publishedTime"] is NSNull)
        #expect(document.published == nil)
        #expect(document.url?.hasPrefix("http://stevenhgm.pixnet.net/blog/post/39926056-") == true)
    }

    @Test func qqAgreesWithReadability() throws {
        let expected = try PageCorpus.expectedMetadata("readability_qq_deepmind.expected-metadata.json")
        let document = try PageCorpus.read("readability_qq_deepmind_META_GB2312_BYTES_UTF8.html")
        let raw = try #require(expected["title"] as? String)
        #expect(document.title == Self.peerTitle(raw))
        #expect(document.title == "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶")
        // readability finds no byline; we find none either, but report the page's 责任编辑 (alonliu).
        #expect(expected["byline"] is NSNull)
        #expect(document.author == nil)
        #expect(document.editor == "alonliu")
        // The date line under the heading reads 2016年10月14日07:17; readability does not read dates.
        #expect(document.published?.description == "2016-10-14")
        #expect(document.site == "腾讯网")
    }

    // MARK: - The rest of the corpus

    /// What the pages say about themselves, read by eye from each page (title without the site suffix,
    /// the day on its date line, the source it names). A nil is a field the page does not state
    /// plainly, or one this reader does not find yet (noted).
    static let pages: [(page: String, title: String, published: String?, site: String?)] = [
        ("eventsmachine_chinanews_beijing_rainstorm_META_GB2312.html", "北京狂风暴雨突至 局地小时雨量达暴雨级别", "2012-07-10", "新华网"),
        ("eventsmachine_qq_tianjin_blast_credibility_META_GB2312.html", "环球时报：天津大火后续风波显政府公信力不足", "2012-07-07", "腾讯网"),
        ("gerapy_163_us_covid_cases_LARGE.html", "美国新冠肺炎确诊病例超278万例 死亡129227例", "2020-07-04", "央视新闻客户端"),
        ("gerapy_chinanews_expand_domestic_demand.html", "【中国稳健前行】坚定实施扩大内需战略", "2020-07-04", "求是网"),
        ("gne_163_highway_closure_META_GB2312_BYTES_UTF8.html", "5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！", "2019-05-17", "无锡交警"),
        ("gne_163_longfor_projects.html", "多地项目连环爆雷 狂奔的龙湖集团\"暗伤\"曝露？", "2019-09-07", "网易财经"),
        ("gne_163_state_council_joint_prevention.html", "国务院联防联控机制:湖北和武汉要严格管控防输出", "2020-02-29", "新华社"),
        // Dated in the footer under the text (发布日期：2019-09-23 14:34:05).
        ("gne_cjddsb_changde_finance_month.html", "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动", "2019-09-23", "当代商报"),
        ("gne_cjn_wuhan_golden_week.html", "外媒眼中的武汉长假：蓬勃发展，欢声笑语", "2020-10-04", "长江网"),
        ("gne_guancha_ic_imports_3000yi_usd.html", "我国集成电路进口突破3000亿美元！魏少军：产业结构扭曲，没将产品作为中心", "2019-09-07", nil),
        ("gne_hexun_mot_jingjinji_transport.html", "交通运输部：着力打造京津冀区域综合立体交通网络", "2019-09-26", nil),
        ("gne_people_culture_zheng_banqiao_META_GB2312_BYTES_UTF8.html", "女儿出嫁，郑板桥画了几笔兰花当嫁妆", "2019-06-15", nil),
        ("gne_qq_data_industry_crawlers_META_GB2312_BYTES_UTF8.html", "棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等", "2019-09-23", "腾讯网"),
        ("gne_sina_iphone11_prices.html", "苹果发布新iPhone 11：64GB售5499元 256GB售6799元", "2019-09-11", "新浪网"),
        ("gne_stcn_midday_announcements.html", "午间公告：天奇股份中标广汽丰田项目；运达股份中标7亿元项目", "2019-09-30", "证券时报网"),
        ("gne_sxmu_supervision_law_fulltext.html", "中华人民共和国监察法-纪检", "2018-05-17", nil),
        ("np4k_bbc_zhongwen_hk_ceo_apology.html", "港特首梁振英就住宅违建事件道歉", "2012-12-10", nil),
    ]

    @Test(arguments: pages)
    func readsWhatThePageSays(page: String, title: String, published: String?, site: String?) throws {
        let document = try PageCorpus.read(page)
        #expect(document.title == title)
        #expect(document.published?.description == published)
        if let site { #expect(document.site == site) }
        #expect(document.isArticle)
    }

    /// Meta authors that name the site (网易), a user number or an e-mail template are not authors;
    /// "记者了解到" is not a reporter called 了解.
    @Test func authorsAreNamesOfPeople() throws {
        for page in ["gne_163_longfor_projects.html", "gne_163_state_council_joint_prevention.html",
                     "gne_people_culture_zheng_banqiao_META_GB2312_BYTES_UTF8.html", "gne_guancha_ic_imports_3000yi_usd.html",
                     "gne_stcn_midday_announcements.html"] {
            let document = try PageCorpus.read(page)
            #expect(document.author == nil, "\(page): \(document.author ?? "")")
        }
        #expect(try PageCorpus.read("eventsmachine_chinanews_beijing_rainstorm_META_GB2312.html").author == "张淼淼")
        #expect(try PageCorpus.read("gne_cjn_wuhan_golden_week.html").author == "陈智")
        #expect(BylineFinder.reporter(in: "据《红周刊》记者了解，龙湖多地项目") == nil)
        #expect(BylineFinder.reporter(in: "新华社北京5月1日电（记者 张三）") == "张三")
        #expect(BylineFinder.reporter(in: "本报记者 李四\n") == "李四")
    }

    // MARK: - Not articles

    /// List pages, portals and ad fragments are read but not taken as articles; every other page is.
    static let notArticles: Set<String> = [
        "gerapy_163_rolling_list_NONARTICLE_META_GB2312.html",  // NetEase rolling-news list
        "jsoup_REAL_GB2312_baidu_home.html",  // Baidu's home page: a search box and links
        "chardet_REAL_GB2312_sohu_ad_table.html",  // a table of ad slogans
    ]

    @Test(arguments: PageCorpus.pages())
    func tellsArticlesFromOtherPages(page: String) throws {
        let (document, diagnostics) = PageReader().read(bytes: try PageCorpus.bytes(page), path: page, sourceID: "corpus", contentHash: "")
        if Self.notArticles.contains(page) {
            #expect(!document.isArticle)
            #expect(diagnostics.contains { $0.message.hasPrefix("not taken as an article") })
        } else {
            #expect(document.isArticle, "\(page) is an article")
        }
    }

    /// The RSS file of the corpus, handed to the page reader (a feed saved as .html), is a list of items.
    @Test func feedReadAsPageIsNotAnArticle() throws {
        let file = "chardet_REAL_GB2312_acnnewswire_press_releases_rss.xml"
        let (document, diagnostics) = PageReader().read(bytes: try PageCorpus.bytes(file), path: file, sourceID: "corpus", contentHash: "")
        #expect(!document.isArticle)
        #expect(diagnostics.contains { $0.message.contains("RSS or Atom feed") })
        let atom = Array("<?xml version=\"1.0\"?>\n<!-- saved -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content>长文。长文，长文；</content></entry></feed>".utf8)
        #expect(atom.withUnsafeBufferPointer(PageReader.looksLikeFeed))
        let page = Array("<!DOCTYPE html>\n<html><body><p>RSS 订阅</p></body></html>".utf8)
        #expect(!page.withUnsafeBufferPointer(PageReader.looksLikeFeed))
    }
}
