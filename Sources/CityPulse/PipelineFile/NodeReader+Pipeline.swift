import Foundation
import Yams

// MARK: - The version 1 schema

extension NodeReader {
    mutating func pipeline(_ top: [String: (key: Node, value: Node)], path: String, hash: String, stem: String) -> PipelineDefinition {
        let rootNode = top.first?.value.key
        if let v = top["version"] {
            let text = string(v.value, "version") ?? ""
            if text != String(PipelineLoader.supportedVersion) { report(v.value, .unsupportedVersion(text)) }
        } else {
            report(rootNode, .missingKey("version", in: "the pipeline"))
        }
        let name = string(top["name"]?.value, "name") ?? stem
        let title = string(top["title"]?.value, "title") ?? name
        let policyStart = day(top["policy_start"]?.value, "policy_start")
        let metrics = sequence(top["metrics"]?.value, "metrics").compactMap { metric($0) }
        let regions = top["regions"].map { gazetteer($0.value) } ?? Gazetteer()
        let sources = sequence(top["sources"]?.value, "sources").compactMap { source($0) }
        if top["sources"] == nil { report(rootNode, .missingKey("sources", in: "the pipeline")) }
        var outputs = OutputDefinition(directory: name, reportTemplate: nil)
        if let o = top["outputs"], let m = mapping(o.value, "outputs", known: ["directory", "report_template"]) {
            if let d = string(m["directory"]?.value, "outputs.directory") { outputs.directory = d }
            outputs.reportTemplate = string(m["report_template"]?.value, "outputs.report_template")
        }
        var quality = QualityDefinition(maxRejectRate: 0.05)
        if let q = top["quality"], let m = mapping(q.value, "quality", known: ["max_reject_rate", "max_drop"]) {
            if let r = m["max_reject_rate"] {
                if let v = double(r.value, "quality.max_reject_rate") {
                    if (0...1).contains(v) { quality.maxRejectRate = v } else { report(r.value, .wrongType("quality.max_reject_rate", expected: "between 0 and 1")) }
                }
            }
            if let r = m["max_drop"] {
                if let v = double(r.value, "quality.max_drop") {
                    if (0...1).contains(v) { quality.maxDrop = v } else { report(r.value, .wrongType("quality.max_drop", expected: "between 0 and 1")) }
                }
            }
        }
        let tests = top["tests"].map { self.tests($0.value) } ?? []
        let definition = PipelineDefinition(
            name: name, title: title, path: path, contentHash: hash, policyStart: policyStart, sources: sources,
            metrics: metrics, regions: regions, outputs: outputs, quality: quality, tests: tests)
        crossCheck(definition, top: top)
        return definition
    }

    /// References between parts of the file: metrics named by sources, regions named by groups.
    private mutating func crossCheck(_ p: PipelineDefinition, top: [String: (key: Node, value: Node)]) {
        let metricIDs = Set(p.metrics.map(\.id))
        var seen = Set<String>()
        for m in p.metrics where !seen.insert(m.id).inserted { report(top["metrics"]?.value, .duplicateID(m.id, "metric")) }
        seen = []
        for s in p.sources where !seen.insert(s.id).inserted { report(top["sources"]?.value, .duplicateID(s.id, "source")) }
        for s in p.sources {
            guard let csv = s.csv else { continue }
            for id in ([csv.metric].compactMap { $0 } + csv.indicators.map(\.metric)) where !metricIDs.contains(id) {
                report(top["sources"]?.value, .unknownMetric(id))
            }
        }
        let regionIDs = Set(p.regions.regions.map(\.id))
        for g in p.regions.groups { for member in g.members where !regionIDs.contains(member) { report(top["regions"]?.value, .unknownRegion(member)) } }
        if let d = p.regions.defaultRegion, !regionIDs.contains(d) { report(top["regions"]?.value, .unknownRegion(d)) }
        for test in p.tests {
            for pattern in test.expect + test.reject {
                if !metricIDs.contains(pattern.metric) { report(line: pattern.line, column: pattern.column, .unknownMetric(pattern.metric)) }
                if case let region?? = pattern.region, !regionIDs.contains(region), !p.regions.groups.contains(where: { $0.id == region }) { report(line: pattern.line, column: pattern.column, .unknownRegion(region)) }
            }
        }
    }

    mutating func metric(_ node: Node) -> MetricDefinition? {
        let keys = ["id", "labels", "unit", "words", "unit_classes", "window", "aggregate"]
        guard let m = mapping(node, "a metric", known: keys) else { return nil }
        guard let id = requiredString(m, "id", "metric", at: node) else { return nil }
        var labels: [String: String] = [:]
        if let l = m["labels"], let lm = mapping(l.value, "metric \(id).labels") {
            for (k, v) in lm { labels[k] = string(v.value, "metric \(id).labels.\(k)") }
        }
        let unit = requiredString(m, "unit", "metric \(id)", at: node) ?? ""
        let words = strings(m["words"]?.value, "metric \(id).words")
        let classes = strings(m["unit_classes"]?.value, "metric \(id).unit_classes")
        for (i, c) in classes.enumerated() where !MetricDefinition.knownUnitClasses.contains(c) {
            let item = sequence(m["unit_classes"]?.value, "").dropFirst(i).first
            report(item ?? m["unit_classes"]?.value, .badValue("metric \(id).unit_classes", c, allowed: MetricDefinition.knownUnitClasses))
        }
        let window = int(m["window"]?.value, "metric \(id).window") ?? 12
        let aggregate = m["aggregate"].flatMap { enumeration($0.value, "metric \(id).aggregate", as: MetricDefinition.Aggregate.self) } ?? .sum
        return MetricDefinition(id: id, labels: labels, unit: unit, words: words, unitClasses: classes, window: window, aggregate: aggregate)
    }

    mutating func gazetteer(_ node: Node) -> Gazetteer {
        guard let m = mapping(node, "regions", known: ["default", "places", "groups"]) else { return Gazetteer() }
        var g = Gazetteer()
        g.defaultRegion = string(m["default"]?.value, "regions.default")
        for item in sequence(m["places"]?.value, "regions.places") {
            guard let r = mapping(item, "a region", known: ["id", "name", "aliases", "parent"]),
                  let id = requiredString(r, "id", "region", at: item) else { continue }
            let name = string(r["name"]?.value, "region \(id).name") ?? id
            g.regions.append(.init(id: id, name: name, aliases: strings(r["aliases"]?.value, "region \(id).aliases"),
                                   parent: string(r["parent"]?.value, "region \(id).parent")))
        }
        for item in sequence(m["groups"]?.value, "regions.groups") {
            guard let r = mapping(item, "a region group", known: ["id", "names", "members"]),
                  let id = requiredString(r, "id", "region group", at: item) else { continue }
            g.groups.append(.init(id: id, names: strings(r["names"]?.value, "group \(id).names"),
                                  members: strings(r["members"]?.value, "group \(id).members")))
        }
        return g
    }

    mutating func source(_ node: Node) -> SourceDefinition? {
        let keys = ["id", "kind", "glob", "illustrative", "optional", "csv"]
        guard let m = mapping(node, "a source", known: keys) else { return nil }
        guard let id = requiredString(m, "id", "source", at: node) else { return nil }
        guard let kindNode = m["kind"] else {
            report(node, .missingKey("kind", in: "source \(id)"))
            return nil
        }
        guard let kind = enumeration(kindNode.value, "source \(id).kind", as: SourceDefinition.Kind.self) else { return nil }
        let globs = strings(m["glob"]?.value, "source \(id).glob")
        if globs.isEmpty { report(node, .missingKey("glob", in: "source \(id)")) }
        let illustrative = bool(m["illustrative"]?.value, "source \(id).illustrative") ?? false
        let optional = bool(m["optional"]?.value, "source \(id).optional") ?? false
        var csv: CSVMapping?
        if let c = m["csv"] {
            if kind != .csv { report(c.key, .wrongType("source \(id).csv", expected: "given only for kind csv")) }
            csv = csvMapping(c.value, source: id)
        } else if kind == .csv {
            report(node, .missingKey("csv", in: "source \(id)"))
        }
        return SourceDefinition(id: id, kind: kind, globs: globs, illustrative: illustrative, csv: csv, optional: optional)
    }

    mutating func csvMapping(_ node: Node, source id: String) -> CSVMapping? {
        let keys = ["layout", "delimiter", "encoding", "orientation", "indicators", "metric", "date", "region", "value",
                    "dimensions", "filters", "regions", "unit"]
        let ctx = "source \(id).csv"
        guard let m = mapping(node, ctx, known: keys) else { return nil }
        guard let layoutNode = m["layout"] else {
            report(node, .missingKey("layout", in: ctx))
            return nil
        }
        guard let layout = enumeration(layoutNode.value, "\(ctx).layout", as: CSVMapping.Layout.self) else { return nil }
        var delimiter: UInt8?
        if let d = m["delimiter"], let text = string(d.value, "\(ctx).delimiter") {
            switch text {
            case ",", "comma": delimiter = UInt8(ascii: ",")
            case "\t", "tab", "\\t": delimiter = UInt8(ascii: "\t")
            case ";", "semicolon": delimiter = UInt8(ascii: ";")
            default: report(d.value, .badValue("\(ctx).delimiter", text, allowed: ["comma", "tab", "semicolon"]))
            }
        }
        var indicators: [IndicatorMapping] = []
        for item in sequence(m["indicators"]?.value, "\(ctx).indicators") {
            guard let im = mapping(item, "an indicator of \(ctx)", known: ["match", "metric"]),
                  let match = requiredString(im, "match", "indicator", at: item),
                  let metric = requiredString(im, "metric", "indicator", at: item) else { continue }
            indicators.append(IndicatorMapping(match: match, metric: metric))
        }
        var filters: [String: [String]] = [:]
        if let f = m["filters"], let fm = mapping(f.value, "\(ctx).filters") {
            for (column, v) in fm { filters[column] = strings(v.value, "\(ctx).filters.\(column)") }
        }
        let orientation = m["orientation"].flatMap { enumeration($0.value, "\(ctx).orientation", as: CSVMapping.Orientation.self) } ?? .regionsAsRows
        let mapping = CSVMapping(
            layout: layout, delimiter: delimiter, encoding: string(m["encoding"]?.value, "\(ctx).encoding"),
            orientation: orientation, indicators: indicators, metric: string(m["metric"]?.value, "\(ctx).metric"),
            dateColumn: string(m["date"]?.value, "\(ctx).date"), regionColumn: string(m["region"]?.value, "\(ctx).region"),
            valueColumn: string(m["value"]?.value, "\(ctx).value"), dimensions: strings(m["dimensions"]?.value, "\(ctx).dimensions"),
            filters: filters, regions: strings(m["regions"]?.value, "\(ctx).regions"), unit: string(m["unit"]?.value, "\(ctx).unit"))
        switch layout {
        case .nbs where indicators.isEmpty: report(node, .missingKey("indicators", in: ctx))
        case .records where mapping.metric == nil: report(node, .missingKey("metric", in: ctx))
        case .records where mapping.dateColumn == nil: report(node, .missingKey("date", in: ctx))
        default: break
        }
        return mapping
    }
}

extension MetricDefinition {
    static let knownUnitClasses = ["none", "person", "person_time", "organisation", "site", "item", "money", "percent",
                                   "percentage_point", "duration", "measure"]
}
