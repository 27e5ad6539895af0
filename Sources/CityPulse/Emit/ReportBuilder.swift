import CityPulseQuantities
import Foundation
import Mustache

/// Builds `report.html` from a run: the context is plain values (every piece of input text is escaped by
/// the template's `{{…}}`); only the charts and highlighted sentences, which this type escapes itself,
/// go in through `{{{…}}}`.
public struct ReportBuilder: Sendable {
    /// The inputs the report lists; beyond them it says how many more there are (the manifest lists
    /// them all). A table of every input of a large archive would make the report most of its size
    /// and most of the time spent rendering it.
    static let inputsListed = 1000
    /// The sources a fact's row lists: a claim reposted by hundreds of pages would otherwise fill the
    /// page with links; the feed and `facts.ndjson.gz` keep them all.
    static let sourcesListed = 20
    /// A template that could not be read or parsed.
    public struct TemplateError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var underlying: String
        public var description: String { "report template \(path): \(underlying)" }
    }

    public let run: RunResult
    /// Folder the report is published in, to link back to input files with relative paths.
    public let outputDirectory: URL
    /// Folder input paths are relative to.
    public let inputRoot: URL

    /// Path components of the input root and of the output folder, standardized once: every input and
    /// every source of the report gets a link relative to the output folder.
    private let rootComponents: [String]
    private let outputComponents: [String]

    public init(run: RunResult, outputDirectory: URL, inputRoot: URL) {
        self.run = run
        self.outputDirectory = outputDirectory
        self.inputRoot = inputRoot
        rootComponents = inputRoot.standardizedFileURL.pathComponents
        outputComponents = outputDirectory.standardizedFileURL.pathComponents
    }

    /// The built-in template.
    public static func defaultTemplate() throws -> String {
        guard let url = Bundle.module.url(forResource: "report", withExtension: "mustache", subdirectory: "Templates") else {
            throw TemplateError(path: "report.mustache", underlying: "missing from the installed resources")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    public func render(templateText: String? = nil) throws -> String {
        let text = try templateText ?? Self.defaultTemplate()
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: text)
        } catch {
            throw TemplateError(path: run.pipeline.outputs.reportTemplate ?? "report.mustache", underlying: "\(error)")
        }
        return template.render(context())
    }

    // MARK: - Context

    /// The latest result a release reported against what the statistics count by then, when they
    /// differ: a release's 6.2万 beside the logs' 62 038 shows both and the gap.
    func gap(_ t: TargetStatus, progress rows: [ProgressRow]) -> String? {
        guard let reported = t.reported, let date = reported.period?.end ?? reported.sources.first?.published,
              let counted = rows.last(where: { $0.source == .series && $0.date <= date })?.actual,
              counted != reported.value, counted.significand != .min,
              let difference = reported.value.adding(ExactDecimal(significand: -counted.significand, exponent: counted.exponent)) else { return nil }
        return "发布稿 release \(grouped(reported.value)) · 统计 statistics \(grouped(counted))（截至 by \(date)）· 差 gap \(difference.significand < 0 ? "" : "+")\(grouped(difference)) \(t.target.unit)"
    }

    func context() -> ReportContext {
        let p = run.pipeline
        let labels = Dictionary(uniqueKeysWithValues: p.metrics.map { ($0.id, $0.label) })
        let progress = Dictionary(grouping: run.progress, by: \.targetID)
        let targets = run.targets.map { t in
            let rows = progress[FeedWriter.id(of: t.target)] ?? []
            let percent = t.progress.map { min(100, max(0, $0 * 100)) }
            return ReportContext.Target(
                metric: labels[t.metric] ?? t.metric,
                region: regionName(t.region),
                period: periodText(t.period),
                target: quantityText(t.target),
                actual: t.actual.map { "\(grouped($0)) \(t.target.unit)" } ?? "暂无统计 (no actuals)",
                progress: t.progress.map { String(format: "%.0f%%", $0 * 100) } ?? "—",
                expected: t.expected.map { String(format: "%.0f%%", $0 * 100) } ?? "—",
                barWidth: String(format: "%.1f", percent ?? 0),
                paceLeft: String(format: "%.1f", min(100, (t.expected ?? 0) * 100)),
                status: t.status.rawValue,
                statusText: statusText(t.status),
                statedOn: t.target.sources.last?.published?.description ?? "",
                source: t.target.sources.last?.file ?? "",
                hasReported: t.reported != nil,
                reported: t.reported.map { "\(quantityText($0))（\($0.sources.last?.published?.description ?? "")）" } ?? "",
                hasRestatements: !t.restatements.isEmpty,
                restatements: t.restatements.map { f in
                    .init(value: quantityText(f), statedOn: f.sources.last?.published?.description ?? "", source: f.sources.last?.file ?? "")
                },
                progressChart: ProgressChart.svg(
                    rows, goal: t.target.lower ?? t.target.value, period: t.period, asOf: run.asOf,
                    unit: t.target.unit, title: "\(labels[t.metric] ?? t.metric) \(regionName(t.region)) \(periodText(t.period))"),
                gap: gap(t, progress: rows))
        }
        let targetMetrics = Set(run.targets.map(\.metric))
        let untargeted = p.metrics.filter { m in !targetMetrics.contains(m.id) && run.series.contains { $0.metric == m.id } }
        let facts = run.facts.map { f in
            ReportContext.FactRow(
                id: FeedWriter.id(of: f), metric: labels[f.metric] ?? f.metric, kind: f.kind.rawValue, kindText: kindText(f.kind),
                value: quantityText(f), period: periodText(f.period), region: regionName(f.region), sentence: highlighted(f.sources.first),
                sources: f.sources.prefix(Self.sourcesListed).map { .init(label: sourceLabel($0), href: link(for: $0)) },
                sourcesNotListed: f.sources.count > Self.sourcesListed ? f.sources.count - Self.sourcesListed : nil)
        }
        let rejects = run.rejects.prefix(200).map { r in
            ReportContext.RejectRow(file: r.file, line: r.line, column: r.column ?? "", reason: r.reason, excerpt: r.excerpt)
        }
        let diagnostics = run.diagnostics.prefix(200).map { d in
            ReportContext.DiagnosticRow(severity: d.severity.rawValue, location: d.location, stage: d.stage, message: d.message)
        }
        return ReportContext(
            title: p.title, pipeline: p.name, asOf: run.asOf.description, illustrative: run.hasIllustrativeInput,
            inputs: run.inputs.prefix(Self.inputsListed).map {
                .init(path: $0.path, source: $0.source, kind: $0.kind, illustrative: $0.illustrative,
                      sha: String($0.sha256.prefix(12)), href: relativeLink(to: $0.path))
            },
            inputCount: run.inputs.count, inputsNotListed: run.inputs.count > Self.inputsListed ? run.inputs.count - Self.inputsListed : nil, targets: targets, hasTargets: !targets.isEmpty, charts: charts(labels: labels),
            untargeted: untargeted.map { .init(metric: $0.label) }, hasUntargeted: !untargeted.isEmpty,
            facts: facts, factCount: facts.count, rejects: Array(rejects), rejectCount: run.rowCounts.rejected, rejectsShown: rejects.count,
            rowsRead: run.rowCounts.read, rowsUsed: run.rowCounts.used, rowsFiltered: run.rowCounts.filtered,
            diagnostics: Array(diagnostics), diagnosticCount: run.diagnostics.count, documentCount: run.documents.count)
    }

    /// One chart per metric with a series: a line over time for the region with most periods, and bars by
    /// region for the latest period when several regions have values.
    func charts(labels: [String: String]) -> [ReportContext.Chart] {
        var out: [ReportContext.Chart] = []
        for metric in run.pipeline.metrics {
            let points = run.series.filter { $0.metric == metric.id }
            guard !points.isEmpty else { continue }
            let byRegion = Dictionary(grouping: points, by: \.region)
            let mainRegion = byRegion.keys.sorted().max { a, b in
                (byRegion[a]!.count, a == run.pipeline.regions.defaultRegion ? 1 : 0) < (byRegion[b]!.count, b == run.pipeline.regions.defaultRegion ? 1 : 0)
            }!
            let line = byRegion[mainRegion]!.sorted { $0.period < $1.period }.map {
                SVGChart.Point(label: periodLabel($0.period), value: $0.value.doubleValue)
            }
            let title = "\(metric.label) · \(regionName(mainRegion))"
            var chart = ReportContext.Chart(title: title, unit: metric.unit, svg: SVGChart.line(line, unit: metric.unit, title: title))
            // Bars: each child region of the main one over the whole series, combined by the metric's
            // own rule (the one targets' actuals use).
            let children = run.pipeline.regions.regions.filter { $0.parent == mainRegion }.map(\.id)
            let barPoints: [SVGChart.Point] = children.compactMap { id in
                guard let value = byRegion[id].flatMap(metric.aggregate.combine) else { return nil }
                return SVGChart.Point(label: regionName(id), value: value.doubleValue)
            }
            if barPoints.count > 1 {
                let barTitle = "\(metric.label) · 按区县 (by district)"
                chart.bars = SVGChart.bars(barPoints, unit: metric.unit, title: barTitle)
                chart.barTitle = barTitle
            }
            out.append(chart)
        }
        return out
    }

    // MARK: - Text

    func regionName(_ id: String?) -> String {
        guard let id else { return "—" }
        if let r = run.pipeline.regions.region(id: id) { return r.name }
        if let g = run.pipeline.regions.groups.first(where: { $0.id == id }) { return g.names.first ?? id }
        return id
    }

    func periodText(_ p: Period?) -> String {
        guard let p else { return "—" }
        if p.start.month == 1, p.start.day == 1, p.end.month == 12, p.end.day == 31 {
            return p.start.year == p.end.year ? "\(p.start.year)年" : "\(p.start.year)–\(p.end.year)年"
        }
        return "\(p.start) – \(p.end)"
    }

    func periodLabel(_ p: Period) -> String {
        if p.start.month == 1, p.end.month == 12, p.start.year == p.end.year { return String(p.start.year) }
        return String(p.start.description.prefix(7))
    }

    func quantityText(_ f: Fact) -> String {
        var s = grouped(f.value)
        switch f.qualifier {
        case .atLeast: s += " 以上"
        case .moreThan: s = "逾 " + s
        case .nearly: s = "近 " + s
        case .approximately: s = "约 " + s
        case .atMost: s += " 以下"
        case .lessThan: s = "不足 " + s
        case .range: if let upper = f.upper { s += "–" + grouped(upper) }
        case nil: break
        }
        return s + " " + f.unit
    }

    /// 100000 → 100,000 (decimals kept as they are).
    func grouped(_ v: ExactDecimal) -> String {
        let text = v.description
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        var out = ""
        for (i, c) in integer.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (negative ? "-" : "") + String(out.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }

    func statusText(_ s: TargetStatus.Status) -> String {
        switch s {
        case .met: return "已完成 met"
        case .onTrack: return "符合进度 on track"
        case .behind: return "落后 behind"
        case .noActuals: return "暂无统计 no actuals"
        }
    }

    func kindText(_ k: Fact.Kind) -> String {
        switch k {
        case .target: return "目标 target"
        case .achievement: return "进展 achievement"
        case .observation: return "统计 observation"
        }
    }

    /// The sentence with the number marked; both parts escaped here because the template inserts it raw.
    func highlighted(_ s: Provenance?) -> String {
        guard let s else { return "" }
        if let sentence = s.sentence, let span = s.spanInSentence {
            let scalars = Array(sentence.unicodeScalars)
            let lo = max(0, min(span.lowerBound, scalars.count)), hi = max(lo, min(span.upperBound, scalars.count))
            func text(_ r: Range<Int>) -> String { HTMLEscape.text(String(String.UnicodeScalarView(scalars[r]))) }
            return text(0..<lo) + "<mark>" + text(lo..<hi) + "</mark>" + text(hi..<scalars.count)
        }
        if let line = s.line { return HTMLEscape.text("\(s.file) 第\(line)行 (line \(line))" + (s.column.map { " · \($0)" } ?? "")) }
        return ""
    }

    func sourceLabel(_ s: Provenance) -> String {
        var label = s.file
        if let line = s.line { label += ":\(line)" }
        if let d = s.published { label += " (\(d))" }
        return label
    }

    /// The page's own URL when it is a web address; otherwise the input file, relative to the report.
    func link(for s: Provenance) -> String {
        if let url = s.url, url.hasPrefix("https://") || url.hasPrefix("http://") { return url }
        return relativeLink(to: s.file)
    }

    func relativeLink(to inputPath: String) -> String {
        let base = inputPath.split(separator: "#", maxSplits: 1).first.map(String.init) ?? inputPath
        // Input paths are relative to the root as discovery found them: no `.` or `..` to resolve.
        var target = rootComponents
        for part in base.split(separator: "/") where part != "." { target.append(String(part)) }
        let from = outputComponents
        var common = 0
        while common < min(target.count, from.count), target[common] == from[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let rest = target[common...]
        return (ups + rest).map(Self.percentEncoded).joined(separator: "/")
    }

    /// A path component percent-encoded for a link; plain ones (letters, digits, `-._~`, as most input
    /// names are) need no encoding and skip Foundation's.
    static func percentEncoded(_ part: String) -> String {
        let plain = part.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
        }
        return plain ? part : part.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? part
    }
}
