/// The counters and units the scanner recognises after a number, each with its unit class and, where
/// the unit changes the value's scale (三成 is 30 %, ‰), the factor to apply.
enum UnitCatalog {
    struct Entry: Sendable {
        var unitClass: UnitClass
        /// Multiplies the number written: 10 for 成, 0.1 for ‰.
        var scale: ExactDecimal? = nil
        /// Letters: only a unit when no letter follows (kg, not kgs or a model code).
        var ascii = false
    }

    static let table: PatternTable<Entry> = {
        var entries: [(String, Entry)] = []
        func add(_ unitClass: UnitClass, _ texts: String...) {
            for t in texts { entries.append((t, Entry(unitClass: unitClass))) }
        }
        add(.person, "名", "人", "位", "个人", "個人", "口人", "名学生", "名學生")
        add(.personTime, "人次", "人/次", "架次")
        add(.organisation, "家", "所", "户", "戶", "间", "間")
        add(.site, "处", "處", "座")
        add(
            .item, "个", "個", "项", "項", "件", "条", "條", "支", "台", "臺", "套", "辆", "輛", "种", "種",
            "场", "場", "次", "届", "屆", "本", "部", "张", "張", "批", "类", "類", "对", "對", "双", "雙",
            "枚", "棵", "头", "頭", "栋", "棟", "幢", "片", "只", "隻", "篇", "款", "份", "例", "起", "宗",
            "笔", "筆", "层", "層", "期", "段", "门", "門", "节", "節")
        add(
            .money, "元", "圆", "圓", "块", "塊", "块钱", "塊錢", "美元", "港元", "欧元", "歐元", "日元", "韩元",
            "韓元", "英镑", "英鎊", "澳元", "加元", "卢布", "盧布", "泰铢", "泰銖", "人民币", "人民幣", "港币", "港幣",
            "台币", "台幣", "新台币", "新台幣", "日币", "日幣", "美金", "蚊", "元人民币", "元人民幣")
        add(.percent, "%", "％")
        add(.percentagePoint, "个百分点", "個百分點", "百分点", "百分點")
        add(
            .duration, "年", "个月", "個月", "天", "周", "週", "星期", "个星期", "個星期", "小时", "小時",
            "个小时", "個小時", "分钟", "分鐘", "秒钟", "秒鐘", "刻钟", "刻鐘", "年间", "年間", "个工作日",
            "個工作日", "工作日", "学年", "學年")
        add(
            .measure, "平方米", "平方公里", "平方千米", "立方米", "公顷", "公頃", "亩", "畝", "公里", "千米",
            "米", "厘米", "毫米", "吨", "噸", "公斤", "千克", "克", "毫克", "斤", "千瓦", "兆瓦", "千瓦时",
            "千瓦時", "度", "摄氏度", "攝氏度", "℃", "倍", "岁", "歲", "周岁", "週歲", "平米", "万千瓦", "瓦")
        entries.append(("成", Entry(unitClass: .percent, scale: ExactDecimal(10))))
        entries.append(("‰", Entry(unitClass: .percent, scale: ExactDecimal(significand: 1, exponent: -1))))
        for t in ["g", "kg", "mg", "km", "m", "cm", "mm", "t", "kW", "MW", "GW", "kWh", "m²", "m2", "km²", "km2"] {
            entries.append((t, Entry(unitClass: .measure, ascii: true)))
        }
        return PatternTable(entries)
    }()

    /// Characters after which a one-character unit is really the start of a word: 成为, 所以, 元旦.
    static func refusesFollower(unit: ScalarPattern, next: UInt32) -> Bool {
        guard unit.count == 1 else { return false }
        switch unit.scalars[0] {
        case 0x6210:  // 成: 成为 成為 成立 成功 成员 成員 成本 成果 成就 成绩 成績 成都 成效 成熟 成长 成長
            return [0x4E3A, 0x70BA, 0x7ACB, 0x529F, 0x5458, 0x54E1, 0x672C, 0x679C, 0x5C31, 0x7EE9, 0x7E3E, 0x90FD,
                0x6548, 0x719F, 0x957F, 0x9577].contains(next)
        case 0x6240: return [0x4EE5, 0x6709, 0x5728, 0x8C13, 0x8B02, 0x5F97].contains(next)  // 所以 所有 所在 所谓 所得
        case 0x5143: return [0x65E6, 0x7D20, 0x5B87].contains(next)  // 元旦 元素 元宇宙
        case 0x5EA6: return [0x5047, 0x8FC7, 0x904E].contains(next)  // 度假 度过
        case 0x5929: return [0x6D25, 0x4E0B, 0x7136].contains(next)  // 天津 天下 天然
        case 0x4EBA: return [0x624D, 0x6C11, 0x5458, 0x54E1, 0x7C7B, 0x985E, 0x5DE5].contains(next)  // 人才 人民 人员 人类 人工
        case 0x5BB6: return [0x5EAD, 0x4E61, 0x9109, 0x957F, 0x9577].contains(next)  // 家庭 家乡 家长
        case 0x8D77: return [0x6765, 0x4F86, 0x6B65, 0x70B9, 0x9EDE].contains(next)  // 起来 起步 起点
        case 0x8282, 0x7BC0: return [0x65E5, 0x5E86, 0x6176].contains(next)  // 节日 节庆
        case 0x95E8, 0x9580: return [0x6237, 0x6236, 0x69DB, 0x6ABB].contains(next)  // 门户 门槛
        case 0x53F0: return [0x6E7E, 0x7063].contains(next)  // 台湾
        default: return false
        }
    }

    /// The unit written at `i`, if any.
    static func unit(in u: [UInt32], at i: Int) -> (ScalarPattern, Entry)? {
        guard let (pattern, entry) = table.longest(in: u, at: i) else { return nil }
        let after = i + pattern.count
        if entry.ascii, after < u.count, NumeralScalar.isASCIILetter(u[after]) || NumeralScalar.arabicDigit(u[after]) != nil {
            return nil
        }
        if after < u.count, refusesFollower(unit: pattern, next: u[after]) { return nil }
        return (pattern, entry)
    }
}
