/// Words in a sentence that say whether a number is a plan or a result, what it counts and what time
/// and place it refers to. Matched in normalized (Simplified) text.
enum TextCues {
    /// A plan the text announces.
    static let target = ["计划", "将", "力争", "目标", "工程", "行动", "拟", "预计", "确保", "推出", "打造", "原定", "定于", "定下", "规划", "争取", "力图"]
    /// A result the text reports. Checked before plan words: "工程实施以来，累计已有…" reports a result.
    static let achievement = ["已", "累计", "完成", "实现", "达到", "截至", "截止", "共有", "共计", "新增了", "以来", "建成了", "目前", "现有"]
    /// Words that date a count to the time of writing (目前已建成…, 近日新认定…).
    static let present = ["目前", "当前", "至今", "现已", "现有", "近日", "日前", "近期", "最近"]
    /// Result words that a plan also reaches for (力争…达到, 确保…完成, 计划…实现).
    static let reachedInPlans: Set<String> = ["达到", "实现", "完成"]
    /// Plan words that also name programmes (…工程, …行动): they announce a plan only when no result
    /// word stands in the sentence ("工程实施以来，累计已有…" reports a result).
    static let programmeWords: Set<String> = ["工程", "行动"]
    /// A plan word directly followed by one of these is a noun inside a name or a place in a text
    /// (火炬计划统计的…, 在这份计划里, 人才工程项目), not a plan announced for the number.
    static let planNounFollowers: Set<Unicode.Scalar> = ["统", "里", "中", "书", "名", "单", "项"]
    /// Words that hold a plan word without announcing a plan: 将近 (nearly), 模拟, 虚拟, 计划生育, and
    /// the name of a five-year plan (十四五规划, 第十四个五年规划), which is a period, not an intention.
    static let planFalseFriends = ["将近", "模拟", "虚拟", "计划生育", "将军", "五规划", "五年规划", "五年计划"]
    /// A headline that announces a plan: facts with no cue of their own in a release under it are plans.
    static let headlinePlan = ["将", "拟", "计划", "规划", "方案", "目标"]

    /// A count of a metric that adds up over time (aggregate `sum`) is a flow: the text says something
    /// came, was kept, brought in, opened or set up. A stock (高校毕业生达33.6万人, 高层次人才达到15万人)
    /// counts a population, not a flow. One of these in the metric's word or in the clause before the
    /// number makes it a flow.
    static let flow = [
        "新增", "新建", "新设", "新开", "新创", "创办", "自主创业", "引进", "引留", "引才", "招引", "吸引", "吸纳", "集聚", "聚集",
        "留", "来", "扶持", "培育", "建成", "建设", "设立", "设置", "开放", "开设", "开办", "开通", "改造", "提升", "打造",
        "认定", "遴选", "实现", "完成", "累计", "合计", "共计", "总计", "安置", "招聘", "录用", "落户",
    ]
    /// 来 in these words is time, not coming: 以来, 年来, 未来…
    static let timeLai: Set<Unicode.Scalar> = ["以", "年", "未", "后", "原", "本", "从", "起", "近", "月", "出", "下", "上", "过", "将"]

    /// Endings of a class name in a list of kinds (品质类…20个、基本保障类43个; 孵化型, 服务型).
    static let classSuffixes: Set<Unicode.Scalar> = ["类", "型"]
    /// Verbs of applying or moving in: a number of their subjects counts applicants or tenants.
    static let applying = ["申报", "申请", "报名", "参评", "入驻", "进驻", "入孵"]
    /// What may stand between a number and a list mark without being a noun of its own (50个以上、).
    static let boundAfterNumber: Set<Unicode.Scalar> = ["以", "上", "下", "左", "右", "余", "多", "内", "及"]
    /// Nouns that head a counted phrase when they follow the counter: 200个摊位 counts stalls, 100个…
    /// 试点城市 counts cities, whatever metric word stands nearby.
    static let otherHeads = [
        "城市", "试点", "摊位", "岗位", "商户", "网点", "门店", "店铺", "项目", "场次", "人次", "志愿者", "专区", "示范区",
        "先行区", "街区", "平方米", "套", "床位", "工位",
    ]
    /// 每 before one of these makes a count per unit (每个街区设置摊位200个, 每年新增就业超过10万人): no
    /// single total for a period and place.
    static let perUnitCounters: Set<Unicode.Scalar> = ["个", "年", "人", "家", "处", "月", "天", "名", "户", "所", "区", "县", "市"]
    /// Words that end in the first character of a metric word and so overlap it (筹集|市场 is not 集市).
    static let boundBefore: Set<String> = ["筹集", "募集", "收集", "采集", "汇集", "搜集", "征集", "召集", "密集", "云集", "交集", "聚集"]

    /// 全市, 本省, 我区…: the document's own place at that level, named by its suffix.
    static let scopeWords: [(word: String, suffixes: [String])] = [
        ("全省", ["省"]), ("本省", ["省"]), ("我省", ["省"]), ("该省", ["省"]),
        ("全市", ["市"]), ("本市", ["市"]), ("我市", ["市"]), ("该市", ["市"]),
        ("全区", ["区"]), ("本区", ["区"]), ("我区", ["区"]), ("该区", ["区"]),
        ("全县", ["县"]), ("本县", ["县"]), ("我县", ["县"]), ("该县", ["县"]),
        ("全州", ["州"]), ("全旗", ["旗"]), ("当地", []), ("本地", []),
    ]
    /// Common two-character words that a short place name can straddle (其中|国家 holds 中国).
    static let commonWords: Set<String> = [
        "其中", "之中", "集中", "当中", "高中", "初中", "心中", "空中", "从中", "国家", "国际", "国内", "国务", "国有", "国企",
        "国资", "国情", "国民", "国外", "国产", "国级", "京剧", "京津", "南方", "北方", "东方", "西方", "海外", "州级",
    ]
    /// A place named after one of these is where something came from, not where it is counted.
    static let sourceMarkers: Set<Unicode.Scalar> = ["从", "自"]
    /// Suffixes of place names that a sentence may name without the pipeline declaring them.
    static let placeSuffixes: Set<Unicode.Scalar> = ["区", "县", "市", "镇", "乡", "州", "旗", "省"]
    /// Words ending in a place suffix that name no place (社区, 园区, 夜市, 城镇…).
    static let notPlaces: Set<String> = [
        "社区", "园区", "小区", "景区", "专区", "街区", "片区", "校区", "学区", "辖区", "山区", "灾区", "城区", "市区", "郊区",
        "新区", "高新区", "示范区", "先行区", "聚集区", "集聚区", "功能区", "试验区", "实验区", "开发区", "保税区", "自贸区",
        "城市", "夜市", "早市", "集市", "超市", "股市", "楼市", "车市", "菜市", "都市", "城镇", "乡镇", "村镇", "集镇",
        "城乡", "家乡", "返乡", "下乡", "全省", "各省", "外省", "红旗", "国旗",
    ]

    /// A sentence opening with one of these continues the one before it (its frame: scope, plan, metric).
    static let continuations = ["其中", "分别"]
    /// 各 before these is "every kind of" (各地, 各类, 各级…), not "each of the places before".
    static let eachDeterminers: Set<Unicode.Scalar> = ["地", "类", "级", "种", "项", "界", "方", "部", "单", "自", "个", "族", "省", "市", "区", "县", "旗"]
    /// Words between a list of places and its number: 各有2家, 分别为…
    static let listVerbs = ["分别", "各", "有", "为", "是", "达", "建成", "新建", "新增", "设立", "建设"]
    /// Verbs of reaching a total (累计达到42家, 增至56户).
    static let reaching = ["达到", "达", "增至", "增加到", "突破", "超过", "超", "共", "总数", "总量"]
    /// Adverbs that may stand with those verbs (还将新建, 再新增, 又开放).
    static let adverbs = ["还", "再", "又", "另", "也", "均", "在此基础上", "前"]
    /// Nouns that restate a goal: 完成年目标任务12500人 is the goal of the fact before it.
    static let goalNouns = ["目标任务", "目标", "任务", "计划"]
    /// Adverbs and time words that may stand between the start of a clause and its repeated verb:
    /// 2021年招引48.3万人, 三年合计招引128.3万人.
    static let ellipsisFillers = ["合计", "累计", "共计", "总计", "共", "再", "又", "还", "当年", "全年", "上半年", "下半年", "同期"]

    /// Retrospective spans: 4年来, 近三年, 3年累计, 过去五年 end when the text was written.
    static let lookBackAfterSpan = ["来", "累计", "合计", "共计", "总计", "间", "里", "中"]
    static let lookBackBeforeSpan = ["近", "过去", "这", "此前"]
    /// Words after a year that make it the year of a report looking back on the years before it
    /// (2025年政府工作报告: 3年累计 counts 2022–2024).
    static let reportWords = ["政府工作报告", "工作报告", "统计公报", "年鉴"]
    /// Words after a date that mark a programme's start: 2022年6月启动，提出5年… runs from 2022.
    static let startWords = ["启动", "开始", "起", "实施", "印发", "出台"]
}

/// Sentence and clause boundaries in normalized text. A semicolon separates clauses that share the
/// sentence's frame (到2025年，…；推动…1万家以上), so it ends a clause, not a sentence.
enum TextBoundaries {
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "\n"]
    static let clauseEnds: Set<Unicode.Scalar> = ["，", ",", "：", ":", "。", "！", "？", "；", "!", "?", ";", "\n"]
    static let paragraphEnds: Set<Unicode.Scalar> = ["\n"]
    /// Marks that join items of a list inside a clause.
    static let listMarks: Set<Unicode.Scalar> = ["、"]
    static let quotes: Set<Unicode.Scalar> = ["“", "”", "\"", "「", "」", "『", "』", "‘", "’", "'", "《", "》"]
}
