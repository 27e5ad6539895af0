import CityPulseQuantities

/// Decides whether a number is a plan (target) or a result (achievement) from the words of its
/// sentence, the period it refers to and the release's headline. In order:
/// 0. a goal noun right before the number (完成年目标任务12500人的98.5%) or after it and 的 (实现…10万人的
///    目标) makes it the goal itself;
/// 1. a result word before the number (已, 累计, 截至…) decides, unless a plan word opens its clause and
///    frames it (原定于2026年底实现…, 确保高质量完成…): then it is a plan;
/// 2. a plan word before the number in the sentence (计划, 将, 力争, 目标…), unless it is what a result
///    reached (完成全年目标任务的59%);
/// 3. a plan word after the number in its clause (实现“五万青年留某”目标);
/// 4. a period that ends after the release was published is still to come: a plan;
/// 5. a period that ended before the publication year is over: a result;
/// 6. a result word elsewhere in the sentence;
/// 7. a headline announcing a plan (西安将设立一批早市…), a programme word (…工程, …行动), a year's
///    goal (全年…以上), or 今年 in a release published before the last quarter (after it, a review);
/// 8. otherwise a number stated as a fact: a result.
struct KindResolver {
    var published: Day?
    var headlinePlan: String?

    struct Hit {
        var word: String
        var range: Range<Int>
    }

    func kind(of q: Quantity, in s: [Unicode.Scalar], sentence: Range<Int>, clause: Range<Int>, period: Period?) -> Decision<Fact.Kind> {
        let plans = planHits(in: s, sentence).filter { !isObjectOfResult($0, in: s) }
        let firm = plans.filter { !TextCues.programmeWords.contains($0.word) }
        let results = resultHits(in: s, sentence, plans: plans)

        // 完成年目标任务12500人, 目标为10家: the number is the goal itself.
        for goal in TextCues.goalNouns {
            var end = q.start
            if end > sentence.lowerBound, "为是:：".unicodeScalars.contains(s[end - 1]) { end -= 1 }
            if ScalarText.hasWord(goal, in: s, endingAt: end) {
                let n = goal.unicodeScalars.count
                return Decision(value: .target, rule: "the number is the goal itself", cue: (end - n)..<end)
            }
        }
        // 以实现新增就业10万人的目标: the number names the goal reached for, whatever the verb before it.
        var after = q.end
        while after < clause.upperBound, s[after] == "的" || TextBoundaries.quotes.contains(s[after]) { after += 1 }
        if after > q.end, let goal = TextCues.goalNouns.first(where: { $0 != "计划" && ScalarText.hasWord($0, in: s, at: after) }) {
            return Decision(value: .target, rule: "the number is the goal itself", cue: after..<(after + goal.unicodeScalars.count))
        }
        let planBefore = firm.last { $0.range.upperBound <= q.start }
        let resultBefore = results.last { $0.range.upperBound <= q.start }
        if let r = resultBefore, planBefore == nil || r.range.lowerBound > planBefore!.range.lowerBound {
            // A plan word frames the result word in its clause (原定于…实现); a plan word anywhere before
            // frames the words a plan reaches for (力争到2027年，…达到100家).
            // 已完成 is done, whatever plan the sentence names (目标为14万人，截至11月底已完成13.6万人).
            let reached = TextCues.reachedInPlans.contains(r.word) && !(r.range.lowerBound > 0 && s[r.range.lowerBound - 1] == "已")
            let scope = reached ? sentence : TextContext.span(around: r.range, in: s, ends: TextBoundaries.clauseEnds)
            if let frame = firm.last(where: { $0.range.upperBound <= r.range.lowerBound && $0.range.lowerBound >= scope.lowerBound }) {
                return Decision(value: .target, rule: "a plan word framing the result word", cue: frame.range)
            }
            return Decision(value: .achievement, rule: "a result word before the number", cue: r.range)
        }
        if let p = planBefore { return Decision(value: .target, rule: "a plan word before the number", cue: p.range) }
        if let p = firm.first(where: { $0.range.lowerBound >= q.end && $0.range.upperBound <= clause.upperBound }) {
            return Decision(value: .target, rule: "a plan word after the number in its clause", cue: p.range)
        }
        if let period, let published {
            if period.end > published, period.end.year > published.year || period.start > published {
                return Decision(value: .target, rule: "a period that ends after the publication date", cue: nil)
            }
            if period.end.year < published.year {
                return Decision(value: .achievement, rule: "a period that ended before the publication year", cue: nil)
            }
        }
        if let r = results.first { return Decision(value: .achievement, rule: "a result word in the sentence", cue: r.range) }
        if let headlinePlan { return Decision(value: .target, rule: "the headline announces a plan (\(headlinePlan))", cue: nil) }
        if let p = plans.first { return Decision(value: .target, rule: "a programme word in the sentence", cue: p.range) }
        // 全年城镇新增就业5万人以上: a year's goal. 今年 with no other cue is this year's plan, unless the
        // release was published in the last quarter, when it reviews the year.
        if q.qualifier == .atLeast, let r = ScalarText.occurrences(of: "全年", in: s, within: sentence).first {
            return Decision(value: .target, rule: "a year's goal (全年…以上)", cue: r)
        }
        if let r = ScalarText.occurrences(of: "今年", in: s, within: sentence).first {
            if let published, published.month >= 10 {
                return Decision(value: .achievement, rule: "this year's work, reviewed in the last quarter (今年)", cue: r)
            }
            return Decision(value: .target, rule: "this year's work (今年)", cue: r)
        }
        return Decision(value: .achievement, rule: "a number stated as a fact", cue: nil)
    }

    /// Plan words of the sentence, leaving out those used as nouns inside a name (火炬计划统计的…, 在这份
    /// 计划里) and those inside 《…》.
    private func planHits(in s: [Unicode.Scalar], _ sentence: Range<Int>) -> [Hit] {
        var out: [Hit] = []
        for word in TextCues.target {
            for r in ScalarText.occurrences(of: word, in: s, within: sentence) {
                if r.upperBound < s.count, word.unicodeScalars.count == 2, TextCues.planNounFollowers.contains(s[r.upperBound]) { continue }
                if ScalarText.isInsideTitle(r, in: s, from: sentence.lowerBound) { continue }
                if TextCues.planFalseFriends.contains(where: { f in
                    ScalarText.occurrences(of: f, in: s, within: max(0, r.lowerBound - 2)..<min(s.count, r.upperBound + 2)).contains { $0.overlaps(r) }
                }) { continue }
                out.append(Hit(word: word, range: r))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Result words of the sentence; one right after a plan word (力争完成) belongs to the plan.
    private func resultHits(in s: [Unicode.Scalar], _ sentence: Range<Int>, plans: [Hit]) -> [Hit] {
        var out: [Hit] = []
        for word in TextCues.achievement {
            for r in ScalarText.occurrences(of: word, in: s, within: sentence) {
                if plans.contains(where: { $0.range.upperBound <= r.lowerBound && r.lowerBound - $0.range.upperBound <= 2 }) { continue }
                out.append(Hit(word: word, range: r))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// 完成全年目标任务, 实现目标: the plan word is what a result reached, not a plan announced.
    private func isObjectOfResult(_ p: Hit, in s: [Unicode.Scalar]) -> Bool {
        let from = max(0, p.range.lowerBound - 5)
        return ["完成", "实现", "超额"].contains { !ScalarText.occurrences(of: $0, in: s, within: from..<p.range.lowerBound).isEmpty }
    }
}
