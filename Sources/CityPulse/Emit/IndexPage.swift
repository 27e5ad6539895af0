import Foundation

/// Every pipeline on one page: `OUTPUT_ROOT/index.html` and `index.json.gz`, one row per pipeline and
/// metric (latest actual, target, progress, status, last publish, the last run's exit), written
/// after the pipelines of a run from what each has published. A pipeline whose run published nothing
/// keeps its last good rows, marked stale; pipelines not run this time keep their rows as they were.
public enum IndexPage {
    public static let html = "index.html"
    public static let json = "index.json.gz"
    public static let schema = "citypulse.index/1"

    /// What a run did with one pipeline.
    public struct Run: Sendable {
        public var pipeline: PipelineDefinition
        public var status: RunStatus
        public var finished: Date

        public init(pipeline: PipelineDefinition, status: RunStatus, finished: Date) {
            self.pipeline = pipeline
            self.status = status
            self.finished = finished
        }
    }

    /// One row: a pipeline and one of its metrics.
    struct Row {
        var pipeline, title, metric, label, unit: String
        var region: String?
        var actual, target: String?
        var progress: Double?
        var status: String
        var published: String?
        var ran: String
        var exit: Int
        var stale: Bool
        var report: String

        var json: JSONValue {
            ["pipeline": .string(pipeline), "title": .string(title), "metric": .string(metric), "label": .string(label),
             "unit": .string(unit), "region": .string(region), "actual": actual.map { .number($0) } ?? .null,
             "target": target.map { .number($0) } ?? .null, "progress": .ratio(progress), "status": .string(status),
             "published": .string(published), "ran": .string(ran), "exit": .int(exit), "stale": .bool(stale), "report": .string(report)]
        }
    }

    /// Writes the index for `runs` into `outputRoot`, each file to a temporary name and renamed.
    public static func write(_ runs: [Run], outputRoot: URL) throws {
        let iso = ISO8601DateFormatter()
        var all = previousRows(outputRoot).filter { row in !runs.contains { $0.pipeline.name == row.pipeline } }
        for run in runs {
            all += rows(for: run, outputRoot: outputRoot, ran: iso.string(from: run.finished))
        }
        all.sort { ($0.pipeline, $0.metric) < ($1.pipeline, $1.metric) }
        let feed: JSONValue = ["schema": .string(schema), "rows": .array(all.map(\.json))]
        try FileManager.default.createDirectory(at: outputRoot, withIntermediateDirectories: true)
        try POSIXFile.writeAtomically(try Gzip.compress(Array(feed.compact().utf8)), to: outputRoot.appendingPathComponent(json).path)
        try POSIXFile.writeAtomically(Array(page(all).utf8), to: outputRoot.appendingPathComponent(html).path)
    }

    /// The rows of the index already there, to keep those of pipelines not run this time.
    static func previousRows(_ outputRoot: URL) -> [Row] {
        guard let bytes = try? POSIXFile.read(outputRoot.appendingPathComponent(json).path),
              let text = try? Gzip.decompress(bytes),
              let object = try? JSONSerialization.jsonObject(with: Data(text)) as? [String: Any],
              object["schema"] as? String == schema, let rows = object["rows"] as? [[String: Any]] else { return [] }
        return rows.compactMap { r in
            guard let pipeline = r["pipeline"] as? String, let metric = r["metric"] as? String else { return nil }
            return Row(pipeline: pipeline, title: r["title"] as? String ?? pipeline, metric: metric, label: r["label"] as? String ?? metric,
                       unit: r["unit"] as? String ?? "", region: r["region"] as? String, actual: number(r["actual"]), target: number(r["target"]),
                       progress: (r["progress"] as? NSNumber)?.doubleValue, status: r["status"] as? String ?? "none",
                       published: r["published"] as? String, ran: r["ran"] as? String ?? "", exit: (r["exit"] as? NSNumber)?.intValue ?? 0,
                       stale: (r["stale"] as? NSNumber)?.boolValue ?? true, report: r["report"] as? String ?? "")
        }
    }

    /// A pipeline's rows from what it last published; one row saying so when it never published.
    static func rows(for run: Run, outputRoot: URL, ran: String) -> [Row] {
        let p = run.pipeline
        let folder = outputRoot.appendingPathComponent(p.outputs.directory)
        let published = run.status == .success || run.status == .qualityFailed
        let report = "\(p.outputs.directory)/\(OutputFiles.report)"
        guard let bytes = try? POSIXFile.read(folder.appendingPathComponent(OutputFiles.metrics).path),
              let text = try? Gzip.decompress(bytes),
              let feed = try? JSONSerialization.jsonObject(with: Data(text)) as? [String: Any] else {
            return [Row(pipeline: p.name, title: p.title, metric: "", label: "尚未发布 never published", unit: "", actual: nil, target: nil,
                        status: "none", published: nil, ran: ran, exit: Int(run.status.rawValue), stale: true, report: report)]
        }
        let manifest = (try? POSIXFile.read(folder.appendingPathComponent(OutputFiles.manifest).path))
            .flatMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
        let finished = manifest?["finished"] as? String
        let targets = feed["targets"] as? [[String: Any]] ?? []
        let series = feed["series"] as? [[String: Any]] ?? []
        let home = p.regions.defaultRegion
        return (feed["metrics"] as? [[String: Any]] ?? []).compactMap { m in
            guard let id = m["id"] as? String else { return nil }
            var row = Row(pipeline: p.name, title: p.title, metric: id, label: m["label"] as? String ?? id, unit: m["unit"] as? String ?? "",
                          actual: nil, target: nil, status: "no_target", published: finished, ran: ran, exit: Int(run.status.rawValue),
                          stale: !published, report: report)
            let mine = targets.filter { $0["metric"] as? String == id }
            if let t = mine.first(where: { $0["region"] as? String == home }) ?? mine.first {
                row.region = t["region"] as? String
                row.actual = number(t["actual"])
                row.target = number(t["target_lower"]) ?? number(t["target"])
                row.progress = (t["progress"] as? NSNumber)?.doubleValue
                row.status = t["status"] as? String ?? "no_actuals"
            } else if let latest = series.filter({ $0["metric"] as? String == id && ($0["region"] as? String == home || home == nil) })
                .max(by: { ($0["period_end"] as? String ?? "") < ($1["period_end"] as? String ?? "") }) {
                row.region = latest["region"] as? String
                row.actual = number(latest["value"])
            } else {
                return nil
            }
            return row
        }
    }

    static func number(_ any: Any?) -> String? {
        guard let n = any as? NSNumber else { return nil }
        let d = n.doubleValue
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return n.stringValue
    }

    // MARK: - The page

    static let statusText = ["met": "已完成 met", "on_track": "按进度 on track", "behind": "落后 behind",
                             "no_actuals": "暂无统计 no actuals", "no_target": "无目标 no target", "none": "—"]

    /// The page: self-contained like the report (no script, no network). Sorting needs no script: the
    /// table is there in three orders, and the links show one (`:target`).
    static func page(_ rows: [Row]) -> String {
        let e = HTMLEscape.text
        let orders: [(id: String, label: String, sorted: [Row])] = [
            ("by-progress", "进度 progress", rows.sorted { ($0.progress ?? -1, $0.pipeline) < ($1.progress ?? -1, $1.pipeline) }),
            ("by-status", "状态 status", rows.sorted { ($0.status, $0.pipeline, $0.metric) < ($1.status, $1.pipeline, $1.metric) }),
            ("by-pipeline", "城市 pipeline", rows),
        ]
        var html = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>CityPulse · 各城市 every pipeline</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", sans-serif; margin: 24px; color: #1d2330; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { border-bottom: 1px solid #e6e9ee; padding: 6px 8px; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .stale { color: #8a93a3; }
        .behind { color: #c0392b; } .on_track, .met { color: #1e7e34; }
        .sorted { display: none; } .sorted:target { display: block; } .sorted:target ~ #by-pipeline { display: none; } #by-pipeline { display: block; }
        nav a { margin-right: 12px; }
        @page { size: A4; margin: 14mm; }
        @media print { nav { display: none; } body { margin: 0; font-size: 10pt; } tr { break-inside: avoid; } }
        </style>
        </head>
        <body>
        <h1>各城市进度 Every pipeline</h1>
        <nav>排序 sort: \(orders.reversed().map { "<a href=\"#\($0.id)\">\(e($0.label))</a>" }.joined())</nav>

        """
        for order in orders {
            html += "<section class=\"sorted\" id=\"\(order.id)\"><table>\n"
            html += "<thead><tr><th>城市 pipeline</th><th>指标 metric</th><th>地区 region</th><th>最新实际 actual</th><th>目标 target</th><th>进度 progress</th><th>状态 status</th><th>最近发布 published</th><th>本次运行 last run</th></tr></thead><tbody>\n"
            for row in order.sorted {
                let progress = row.progress.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
                html += "<tr class=\"\(row.stale ? "stale" : "")\"><td><a href=\"\(e(row.report))\">\(e(row.title))</a></td>"
                html += "<td>\(e(row.label))</td><td>\(e(row.region ?? ""))</td>"
                html += "<td class=\"num\">\(e(row.actual ?? "—")) \(e(row.unit))</td><td class=\"num\">\(e(row.target ?? "—"))</td>"
                html += "<td class=\"num\">\(e(progress))</td><td class=\"\(e(row.status))\">\(e(statusText[row.status] ?? row.status))</td>"
                html += "<td>\(e(row.published ?? "—"))</td><td>\(e(row.ran)) · exit \(row.exit)\(row.stale ? " · 过期 stale" : "")</td></tr>\n"
            }
            html += "</tbody></table></section>\n"
        }
        html += "<footer>由 CityPulse 生成 · generated by CityPulse</footer>\n</body>\n</html>\n"
        return html
    }
}
