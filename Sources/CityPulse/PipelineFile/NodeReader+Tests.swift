import CityPulseQuantities
import Yams

// MARK: - tests:

extension NodeReader {
    static let testKeys = ["name", "text", "page", "title", "published", "expect", "reject"]
    static let patternKeys = ["metric", "value", "kind", "period", "region"]

    mutating func tests(_ node: Node) -> [PipelineTest] {
        sequence(node, "tests").enumerated().compactMap { test($0.element, number: $0.offset + 1) }
    }

    private mutating func test(_ node: Node, number: Int) -> PipelineTest? {
        guard let m = mapping(node, "a test", known: Self.testKeys) else { return nil }
        let name = string(m["name"]?.value, "test \(number).name") ?? "test \(number)"
        let context = "test '\(name)'"
        let input: PipelineTest.Input
        switch (string(m["text"]?.value, "\(context).text"), string(m["page"]?.value, "\(context).page")) {
        case let (text?, nil): input = .text(text)
        case let (nil, page?): input = .page(page)
        case (_?, _?):
            report(node, .wrongType(context, expected: "either text or page, not both"))
            return nil
        case (nil, nil):
            report(node, .missingKey("text", in: "\(context) (or page)"))
            return nil
        }
        let expect = sequence(m["expect"]?.value, "\(context).expect").compactMap { pattern($0, "\(context).expect") }
        let reject = sequence(m["reject"]?.value, "\(context).reject").compactMap { pattern($0, "\(context).reject") }
        if expect.isEmpty && reject.isEmpty { report(node, .missingKey("expect", in: "\(context) (or reject)")) }
        return PipelineTest(name: name, input: input, title: string(m["title"]?.value, "\(context).title"),
                            published: day(m["published"]?.value, "\(context).published"), expect: expect, reject: reject,
                            line: node.mark?.line, column: node.mark?.column)
    }

    private mutating func pattern(_ node: Node, _ context: String) -> FactPattern? {
        guard let m = mapping(node, "a fact in \(context)", known: Self.patternKeys),
              let metric = requiredString(m, "metric", "a fact in \(context)", at: node) else { return nil }
        var p = FactPattern(metric: metric, line: node.mark?.line, column: node.mark?.column)
        if let v = m["value"], let text = string(v.value, "\(context).value") {
            if let value = ExactDecimal(text) { p.value = value } else { report(v.value, .wrongType("\(context).value", expected: "a number")) }
        }
        p.kind = enumeration(m["kind"]?.value, "\(context).kind", as: Fact.Kind.self)
        if let v = m["period"], let text = string(v.value, "\(context).period") {
            if let period = Self.periodPattern(text) {
                p.period = period
            } else {
                report(v.value, .wrongType("\(context).period", expected: "a year (the period ends in it), FROM..TO as YYYY-MM-DD, or none"))
            }
        }
        if let v = m["region"], let text = string(v.value, "\(context).region") { p.region = .some(text == "none" ? nil : text) }
        return p
    }

    static func periodPattern(_ text: String) -> FactPattern.PeriodPattern? {
        if text == "none" { return FactPattern.PeriodPattern.none }
        if text.count == 4, let year = Int(text) { return .endingIn(year) }
        let ends = text.components(separatedBy: "..")
        guard ends.count == 2, let start = Day(iso: ends[0]), let end = Day(iso: ends[1]), start <= end else { return nil }
        return .exactly(Period(start: start, end: end))
    }
}
