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
        // A dozen: 三打 is 36 items, 一打 is 12.
        entries.append(("打", Entry(unitClass: .item, scale: ExactDecimal(12))))
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
        case 0x6253:  // 打 is the verb before these (打造 打卡 打击 打通 打赢…) and before a number (三打一)
            return Self.verbAfterDa.contains(next) || NumeralScalar.isChineseNumeral(next)
                || NumeralScalar.arabicDigit(next) != nil
        default: return false
        }
    }

    /// Second characters of the verbs written with 打: 打造 打卡 打印 打击 打破 打开 打算 打工 打车 打通
    /// 打响 打败 打赢 打压 打扫 打包 打折 打球 打架 打针 打字 打电话 打扮 打理 打动 打拼 打磨 打捞 打猎
    /// 打入 打出 打发 打进 打下 打掉 打假 打黑 打私 打非 打分 打桩 打井 打孔 打样 打烊 打头 打底 打赏
    /// 打气 打仗 打量 打乱 打断 打牌 打滚 打扰 打听 打招呼 打交道 打游戏 打官司 打成 打到 打了 打过 打着
    /// 打的 打伤 打死 打好 打牢 (三打白骨精), and the words a verb takes after it (一打就, 打得, 打不, 打完,
    /// 打起来, 打回, 打中, 打法, 打趣).
    static let verbAfterDa: Set<UInt32> = [
        0x9020, 0x5361, 0x5370, 0x51FB, 0x64CA, 0x7834, 0x5F00, 0x958B, 0x7B97, 0x5DE5, 0x8F66, 0x8ECA, 0x901A,
        0x54CD, 0x97FF, 0x8D25, 0x6557, 0x8D62, 0x8D0F, 0x538B, 0x58D3, 0x626B, 0x6383, 0x5305, 0x6298, 0x7403,
        0x67B6, 0x9488, 0x91DD, 0x5B57, 0x7535, 0x96FB, 0x626E, 0x7406, 0x52A8, 0x52D5, 0x62FC, 0x78E8, 0x635E,
        0x6488, 0x730E, 0x7375, 0x5165, 0x51FA, 0x53D1, 0x767C, 0x8FDB, 0x9032, 0x4E0B, 0x6389, 0x5047, 0x9ED1,
        0x79C1, 0x975E, 0x5206, 0x6869, 0x6A01, 0x4E95, 0x5B54, 0x6837, 0x6A23, 0x70CA, 0x5934, 0x982D, 0x5E95,
        0x8D4F, 0x8CDE, 0x6C14, 0x6C23, 0x4ED7, 0x91CF, 0x4E71, 0x4E82, 0x65AD, 0x65B7, 0x724C, 0x6EDA, 0x6EFE,
        0x6270, 0x64FE, 0x542C, 0x807D, 0x62DB, 0x4EA4, 0x6E38, 0x904A, 0x5B98, 0x6210, 0x5230, 0x4E86, 0x8FC7,
        0x904E, 0x7740, 0x8457, 0x7684, 0x4F24, 0x50B7, 0x6B7B, 0x597D, 0x7262, 0x767D, 0x5C31, 0x5F97, 0x4E0D,
        0x4E5F, 0x53C8, 0x90FD, 0x8FD8, 0x9084, 0x5728, 0x7ED9, 0x7D66, 0x5B8C, 0x8D77, 0x6765, 0x4F86, 0x53BB,
        0x56DE, 0x4E2D, 0x904D, 0x6CD5, 0x8DA3,
    ]

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
