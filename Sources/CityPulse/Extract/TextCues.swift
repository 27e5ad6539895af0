/// Words in a sentence that say whether a number is a plan or a result, and what time it refers to.
/// Matched in normalized (Simplified) text.
enum TextCues {
    /// A plan the text announces.
    static let target = ["计划", "将", "力争", "目标", "工程", "行动", "拟", "预计", "确保", "推出", "打造"]
    /// A result the text reports. Checked before plan words: "工程实施以来，累计已有…" reports a result.
    static let achievement = ["已", "累计", "完成", "实现", "达到", "截至", "截止", "共有", "共计", "新增了", "以来"]
    /// Plan words that also name programmes (…工程, …行动): they announce a plan only when no result
    /// word stands in the sentence ("工程实施以来，累计已有…" reports a result).
    static let programmeWords: Set<String> = ["工程", "行动"]
}

/// Sentence and clause boundaries in normalized text.
enum TextBoundaries {
    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "!", "?", ";", "\n"]
    static let clauseEnds: Set<Unicode.Scalar> = ["，", ",", "：", ":", "。", "！", "？", "；", "!", "?", ";", "\n"]
}
