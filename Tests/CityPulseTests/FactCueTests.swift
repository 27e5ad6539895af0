@testable import CityPulse
import CityPulseQuantities
import Foundation
import Testing

/// The cues that decide a fact's kind, period and region, and how lists give facts, each as a table of
/// sentences written for these tests (a province 某省, its city 甲市 with four districts, and 乙市).
/// A row lists every fact the text must give, as `metric value kind end-year region`, in text order.
@Suite struct FactCueTests {
    static let pipelineYAML = """
        version: 1
        name: cues
        title: cue tables
        sources:
          - {id: releases, kind: html, glob: "*.html"}
        metrics:
          - {id: carriers, labels: {zh: 众创空间}, unit: 家, words: [众创空间, 孵化器], unit_classes: [organisation, site, item], window: 8, aggregate: max}
          - {id: retention, labels: {zh: 留才}, unit: 人, words: [高校毕业生, 大学生], unit_classes: [person, none], window: 8, aggregate: sum}
          - {id: talent, labels: {zh: 引才}, unit: 人, words: [引进青年人才, 青年人才, 引进], unit_classes: [person], window: 8, aggregate: sum}
          - {id: jobs, labels: {zh: 城镇新增就业}, unit: 人, words: [城镇新增就业], unit_classes: [person], window: 8, aggregate: sum}
          - {id: markets, labels: {zh: 夜市}, unit: 处, words: [夜市, 集市], unit_classes: [site, item], window: 6, aggregate: sum}
        regions:
          default: china
          places:
            - {id: china, name: 中国, aliases: [全国]}
            - {id: mou, name: 某省, parent: china}
            - {id: jia, name: 甲市, parent: mou}
            - {id: yi, name: 乙市, parent: mou}
            - {id: east, name: 东区, parent: jia}
            - {id: west, name: 西区, parent: jia}
            - {id: south, name: 南区, parent: jia}
            - {id: north, name: 北区, parent: jia}
          groups:
            - {id: jia-four, names: [市四区], members: [east, west, south, north]}
        """

    static let extractor: FactExtractor = {
        let pipeline = try! PipelineLoader().load(data: Data(pipelineYAML.utf8), path: "cues.yml")
        return FactExtractor(pipeline: pipeline)
    }()

    struct Row: Sendable, CustomTestStringConvertible {
        var text: String
        var title: String
        var published: String
        var facts: [String]
        var testDescription: String { text }
        init(_ text: String, title: String = "新闻", published: String, _ facts: String...) {
            self.text = text
            self.title = title
            self.published = published
            self.facts = facts
        }
    }

    static func facts(_ row: Row) -> [String] {
        let document = Document(path: "t.html", sourceID: "t", contentHash: "", encoding: "UTF-8", title: row.title,
                                published: Day(iso: row.published), text: row.text)
        return extractor.extract(document).flatMap(\.facts).map { f in
            "\(f.metric) \(f.value) \(f.kind.rawValue) \(f.period.map { String($0.end.year) } ?? "-") \(f.region ?? "-")"
        }
    }

    /// Kind from the frame: a plan told in the past tense, a breakdown inside a plan, a result relative
    /// to a goal, the goal itself, a headline that announces a plan.
    static let kinds: [Row] = [
        Row("甲市原定于2026年底实现新增众创空间40家的目标。", published: "2027-03-01", "carriers 40 target 2026 jia"),
        Row("今年将新建众创空间35个，其中东区9个、西区7个、南区7个、北区12个。", published: "2025-05-01",
            "carriers 35 target 2025 china", "carriers 9 target 2025 east", "carriers 7 target 2025 west",
            "carriers 7 target 2025 south", "carriers 12 target 2025 north"),
        Row("甲市将确保高质量完成全年城镇新增就业5万人的任务。", published: "2025-02-01", "jobs 50000 target 2025 jia"),
        Row("上半年甲市城镇新增就业2.6万人，完成全年目标任务的52%。", published: "2025-07-10", "jobs 26000 achievement 2025 jia"),
        Row("截止9月底，甲市实现城镇新增就业4.1万人，完成年目标任务5万人的82%。", published: "2025-10-20",
            "jobs 41000 achievement 2025 jia", "jobs 50000 target 2025 jia"),
        Row("本次共设立夜市12处。", title: "甲市将设立一批夜市", published: "2024-04-01", "markets 12 target 2024 jia"),
        Row("截至目前，全市已建成众创空间20家。", title: "甲市双创工作综述", published: "2024-12-01", "carriers 20 achievement 2024 jia"),
        Row("从1990年至2020年底，全国纳入火炬计划统计的孵化器有500家。", published: "2021-01-05", "carriers 500 achievement 2020 china"),
        Row("力争到2027年，甲市众创空间达到100家。", published: "2024-03-01", "carriers 100 target 2027 jia"),
        Row("今年甲市新增众创空间8家。", published: "2024-03-01", "carriers 8 target 2024 jia"),
        Row("今年甲市新增众创空间8家。", published: "2024-12-20", "carriers 8 achievement 2024 jia"),
        Row("甲市全年城镇新增就业5万人以上。", published: "2024-12-20", "jobs 50000 target 2024 jia"),
        Row("甲市已开放夜市12处，计划年底前再开放8处。", published: "2024-06-01", "markets 12 achievement 2024 jia", "markets 8 target 2024 jia"),
        Row("甲市2023年城镇新增就业目标为14万人，截至11月底已完成13.6万人。", published: "2023-12-15",
            "jobs 140000 target 2023 jia", "jobs 136000 achievement 2023 jia"),
        Row("去年甲市引进青年人才将近3万名。", published: "2024-06-01", "talent 30000 achievement 2023 jia"),
        Row("甲市新增众创空间5家，累计达到42家。", published: "2024-06-01", "carriers 5 achievement 2024 jia", "carriers 42 achievement 2024 jia"),
        Row("甲市已建成众创空间25家，今年还将新建10家。", published: "2024-06-01", "carriers 25 achievement 2024 jia", "carriers 10 target 2024 jia"),
        Row("遴选支持人才工程项目500余个，新来甲市大学生超35万人。", published: "2025-06-01", "retention 350000 achievement 2025 jia"),
        Row("开展对接活动，以实现全市城镇新增就业5万人的目标。", title: "甲市就业", published: "2010-09-19", "jobs 50000 target 2010 jia"),
    ]

    /// Period from the scope: 截至 over the sentences that continue it, spans ahead from their start,
    /// spans looking back from the time of writing (or the year a report closes), months of a year.
    static let periods: [Row] = [
        Row("截至2021年底，全省众创空间达512家。其中甲市87家。", title: "某省双创载体发展报告", published: "2022-03-10",
            "carriers 512 achievement 2021 mou", "carriers 87 achievement 2021 jia"),
        Row("甲市“青年人才倍增计划”于2022年6月启动，提出5年引进青年人才20万名。", published: "2023-01-20", "talent 200000 target 2026 jia"),
        Row("近三年累计引进青年人才3.2万名。", title: "甲市人才工作", published: "2025-01-15", "talent 32000 achievement 2024 jia"),
        Row("近三年累计引进青年人才3.2万名。", title: "甲市人才工作", published: "2025-06-15", "talent 32000 achievement 2025 jia"),
        Row("2025年甲市政府工作报告显示，3年累计引进青年人才6万名。", published: "2025-03-01", "talent 60000 achievement 2024 jia"),
        Row("1至6月，全市城镇新增就业2.1万人。", title: "甲市就业形势", published: "2024-07-15", "jobs 21000 achievement 2024 jia"),
        Row("2023年，甲市城镇新增就业4.5万人。", published: "2024-02-01", "jobs 45000 achievement 2023 jia"),
        Row("2021年甲市引进青年人才1.2万名，2022年引进1.5万名，两年合计引进2.7万名。", published: "2023-05-01",
            "talent 12000 achievement 2021 jia", "talent 15000 achievement 2022 jia", "talent 27000 achievement 2022 jia"),
        Row("甲市科学划定众创空间80家，2024年至2026年分年建设。", published: "2024-03-01", "carriers 80 target 2026 jia"),
        Row("2022年以来，甲市累计引进青年人才5万名。", published: "2024-06-01", "talent 50000 achievement 2024 jia"),
        Row("去年以来，甲市累计引进青年人才2万余名。", published: "2023-02-23", "talent 20000 achievement 2023 jia"),
        Row("去年8月，甲市入选试点城市。目前，全市已建成众创空间32家。", published: "2022-04-11", "carriers 32 achievement 2022 jia"),
        Row("甲市新增众创空间8家。", published: "2025-01-14", "carriers 8 achievement 2024 jia"),
        Row("近日，甲市新认定众创空间5家。", published: "2025-01-14", "carriers 5 achievement 2025 jia"),
        Row("甲市现有众创空间418家。", published: "2025-02-20", "carriers 418 achievement 2025 jia"),
        Row("全年全市城镇新增就业9.2万人，超额完成目标任务。", title: "甲市就业", published: "2024-01-12", "jobs 92000 achievement 2023 jia"),
        Row("2023年，甲市启动“三年十万”青年人才工程，全年共引进青年人才2.8万名。", published: "2024-03-12", "talent 28000 achievement 2023 jia"),
        Row("甲市计划到2025年底建成众创空间100家，目前已建成60家。", published: "2024-05-01",
            "carriers 100 target 2025 jia", "carriers 60 achievement 2024 jia"),
        Row("2019年，甲市工作成效明显。新增众创空间6家，城镇新增就业3万人。", published: "2020-01-10",
            "carriers 6 achievement 2019 jia", "jobs 30000 achievement 2019 jia"),
        Row("甲市在第十四个五年规划期间已建成众创空间6家。", published: "2024-06-01", "carriers 6 achievement 2024 jia"),
        Row("第十三个五年规划期间，甲市建成众创空间9家。", published: "2024-06-01", "carriers 9 achievement 2020 jia"),
        Row("经过两个十年的发展，甲市众创空间已有80家。", published: "2024-06-01", "carriers 80 achievement 2024 jia"),
    ]

    /// Region from the document: the title's place, else the first paragraph's; 全省 and 全市 as the
    /// document's own place at that level; a dateline is not the place counted; 从…引进 is a source.
    static let regions: [Row] = [
        Row("1至6月，城镇新增就业2.1万人。", title: "甲市：上半年城镇新增就业2.1万人", published: "2024-07-15", "jobs 21000 achievement 2024 jia"),
        Row("本报甲市3月1日电 全市城镇新增就业3万人。", title: "乙市就业形势稳定", published: "2024-03-01", "jobs 30000 achievement 2024 yi"),
        Row("全省新增众创空间30家。", title: "甲市：双创载体建设提速", published: "2024-03-01", "carriers 30 achievement 2024 mou"),
        Row("乙市市长介绍了工作。\n今年新增众创空间8家。", published: "2024-11-01", "carriers 8 achievement 2024 yi"),
        Row("从全国各地引进青年人才500名。", title: "甲市人才引进", published: "2024-11-01", "talent 500 achievement 2024 jia"),
        Row("《乙市日报》报道显示，2023年引进青年人才1227人。", title: "甲市人才引进", published: "2024-11-01", "talent 1227 achievement 2023 jia"),
        Row("新增众创空间5家。", published: "2024-11-01", "carriers 5 achievement 2024 china"),
        Row("截至2023年底，全市累计建成众创空间56家，其中国家级众创空间8家。", title: "甲市双创", published: "2024-02-01",
            "carriers 56 achievement 2023 jia", "carriers 8 achievement 2023 jia"),
    ]

    /// Lists are facts each: equal values in different places stay apart, 各 distributes, 分别 pairs, a
    /// count per unit over a group is no fact.
    static let lists: [Row] = [
        Row("甲市东区、西区各新建众创空间2家。", published: "2024-06-01", "carriers 2 achievement 2024 east", "carriers 2 achievement 2024 west"),
        Row("东区和西区分别新建众创空间3家、5家。", title: "甲市", published: "2024-06-01",
            "carriers 3 achievement 2024 east", "carriers 5 achievement 2024 west"),
        Row("市四区分别新建1家众创空间。", title: "甲市", published: "2024-06-01"),
        Row("甲市新建夜市10处，其中东区4处、西区4处、南区2处。", published: "2024-06-01",
            "markets 10 achievement 2024 jia", "markets 4 achievement 2024 east", "markets 4 achievement 2024 west",
            "markets 2 achievement 2024 south"),
        Row("甲市引进优秀教师164名、高层次医疗人员41名。", published: "2024-06-01", "talent 164 achievement 2024 jia", "talent 41 achievement 2024 jia"),
        Row("甲市已建成专业类众创空间20家、综合类43家。", published: "2024-06-01", "carriers 20 achievement 2024 jia", "carriers 43 achievement 2024 jia"),
        Row("今年以来，甲市引进各类人才2.1万人，其中博士等青年人才300余人。", published: "2024-06-01",
            "talent 21000 achievement 2024 jia", "talent 300 achievement 2024 jia"),
    ]

    /// Numbers near a metric's word that count something else.
    static let distractors: [Row] = [
        Row("甲市高校毕业生达33.6万人，再创新高。", published: "2024-06-01"),
        Row("夜市规划近200个摊位。", published: "2024-06-01"),
        Row("多渠道筹集市场化岗位5万个。", published: "2024-06-01"),
        Row("全国大学生数量前20位的城市中，甲市居第二。", published: "2024-06-01"),
        Row("帮扶困难高校毕业生、困难家庭青年就业3.6万人。", published: "2024-06-01"),
        Row("东区、西区3个区入选夜市建设试点。", published: "2024-06-01"),
        Row("每年有近30万的高校毕业生步入市场。", published: "2024-06-01"),
        Row("今年城镇新增劳动力约1400万人，其中高校毕业生909万人。", published: "2021-03-11"),
        Row("每个街区设置夜市摊位200个以上。", published: "2023-07-01"),
        Row("甲市共有孵化器38家、众创空间105家，在孵企业超1.2万家，累计毕业企业5000余家。", published: "2022-09-01",
            "carriers 38 achievement 2022 jia", "carriers 105 achievement 2022 jia"),
        Row("1-8月，甲市城镇新增就业19.6万人。其中，帮助高校毕业生就业创业6.2万人。", published: "2023-09-20",
            "jobs 196000 achievement 2023 jia"),
        Row("国家高新技术企业达1486家、众创空间119个。", published: "2024-06-01", "carriers 119 achievement 2024 china"),
        Row("甲市已建成104条创业街区、45家众创空间。", published: "2024-06-01", "carriers 45 achievement 2024 jia"),
        Row("全市共有80多家单位申报省级众创空间。", published: "2024-06-01"),
        Row("专家对推荐申报的13家众创空间进行了评审。", published: "2024-06-01"),
        Row("甲市孵化器已吸引120家企业入驻。", published: "2024-06-01"),
        Row("到2027年，甲市将建成50个以上众创空间；培育建设100个工程技术研究中心。", published: "2024-06-01",
            "carriers 50 target 2027 jia"),
    ]

    @Test(arguments: kinds) func kind(_ row: Row) { #expect(Self.facts(row) == row.facts) }
    @Test(arguments: periods) func period(_ row: Row) { #expect(Self.facts(row) == row.facts) }
    @Test(arguments: regions) func region(_ row: Row) { #expect(Self.facts(row) == row.facts) }
    @Test(arguments: lists) func list(_ row: Row) { #expect(Self.facts(row) == row.facts) }
    @Test(arguments: distractors) func distractor(_ row: Row) { #expect(Self.facts(row) == row.facts) }

    /// 全年 in the number's clause is the whole year, not the half year that opens the paragraph; in a
    /// later clause it leaves the half year governing.
    @Test func aWholeYearGoalAfterAHalfYear() {
        let text = "上半年，甲市新引进青年人才2.2万名，完成全年目标的55%，其中引进博士300名。全年目标为引进青年人才4万名。"
        let document = Document(path: "t.html", sourceID: "t", contentHash: "", encoding: "UTF-8", title: nil,
                                published: Day(iso: "2024-07-20"), text: text)
        let facts = Self.extractor.extract(document).flatMap(\.facts)
        #expect(facts.map { "\($0.value) \($0.kind.rawValue) \($0.period.map { "\($0.start)..\($0.end)" } ?? "-")" } == [
            "22000 achievement 2024-01-01..2024-06-30", "300 achievement 2024-01-01..2024-06-30", "40000 target 2024-01-01..2024-12-31",
        ])
    }

    /// Equal values in different places are not merged away when facts are reconciled.
    @Test func equalValuesInDifferentPlacesStayApart() {
        let row = Self.lists[3]
        let document = Document(path: "t.html", sourceID: "t", contentHash: "", encoding: "UTF-8", title: row.title,
                                published: Day(iso: row.published), text: row.text)
        let merged = FactMerger.merge(Self.extractor.extract(document).flatMap(\.facts))
        #expect(merged.filter { $0.value == ExactDecimal(4) }.compactMap(\.region).sorted() == ["east", "west"])
    }

    /// Words and place names written in Traditional characters in a pipeline match folded text.
    @Test func traditionalWordsInThePipelineMatch() throws {
        let yaml = Self.pipelineYAML.replacingOccurrences(of: "words: [众创空间, 孵化器]", with: "words: [眾創空間, 孵化器]")
            .replacingOccurrences(of: "name: 甲市, parent: mou", with: "name: 甲市, aliases: [鄭州], parent: mou")
        let extractor = FactExtractor(pipeline: try PipelineLoader().load(data: Data(yaml.utf8), path: "cues.yml"))
        let document = Document(path: "t.html", sourceID: "t", contentHash: "", encoding: "UTF-8", title: "新闻",
                                published: Day(iso: "2024-06-01"), text: "鄭州新增眾創空間5家。")
        let facts = extractor.extract(document).flatMap(\.facts)
        #expect(facts.map { "\($0.metric) \($0.value) \($0.region ?? "-")" } == ["carriers 5 jia"])
    }

    /// Every fact says why it got its metric, kind, period and region, with the words read.
    @Test func factsCarryTheirReasons() throws {
        let document = Document(path: "t.html", sourceID: "t", contentHash: "", encoding: "UTF-8", title: "某省双创载体发展报告",
                                published: Day(iso: "2022-03-10"), text: "截至2021年底，全省众创空间达512家。")
        let claim = try #require(Self.extractor.extract(document).flatMap(\.claims).first)
        #expect(claim.reasons.metric.cue == "众创空间")
        #expect(claim.reasons.kind.cue == "截至")
        #expect(claim.reasons.period.cue == "2021年底")
        #expect(claim.reasons.region.cue == "全省")
        #expect(claim.reasons.region.rule.contains("own place"))
        let span = try #require(claim.reasons.period.span)
        let scalars = Array(document.text.unicodeScalars)[span]
        #expect(String(String.UnicodeScalarView(scalars)) == "2021年底")
    }
}
