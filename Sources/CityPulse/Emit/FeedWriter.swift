import Crypto
import CityPulseQuantities
import Foundation

/// The dashboard feed: tidy rows that ECharts (`dataset.source` with `dimensions`), Vega-Lite
/// (`data.values`, or `url` + `format.property`), DuckDB and pandas read as they are.
public enum FeedWriter {
    /// Version of the feed's shape; bumped on any incompatible change. Documented in `Schemas/metrics.schema.json`.
    public static let schema = "citypulse.metrics/1"

    public static func feed(_ run: RunResult) -> JSONValue {
        let p = run.pipeline
        let metrics: [JSONValue] = p.metrics.map { m in
            ["id": .string(m.id), "label": .string(m.label), "label_en": .string(m.labels["en"]), "unit": .string(m.unit),
             "aggregate": .string(m.aggregate.rawValue)]
        }
        let factRows = run.facts.map(factRow)
        let seriesRows: [JSONValue] = run.series.map { s in
            ["metric": .string(s.metric), "region": .string(s.region), "period_start": .string(s.period.start.description),
             "period_end": .string(s.period.end.description), "value": .decimal(s.value), "unit": .string(s.unit),
             "observations": .int(s.count), "file": .string(s.sources.first?.file), "line": s.sources.first?.line.map { .int($0) } ?? .null]
        }
        let targetRows = run.targets.map(targetRow)
        let progressRows: [JSONValue] = run.progress.map { r in
            ["target_id": .string(r.targetID), "date": .string(r.date.description), "actual": .decimal(r.actual),
             "expected": .decimal(r.expected), "source": .string(r.source.rawValue), "file": .string(r.file)]
        }
        return [
            "schema": .string(schema),
            "pipeline": .string(p.name),
            "title": .string(p.title),
            "as_of": .string(run.asOf.description),
            "illustrative": .bool(run.hasIllustrativeInput),
            "metrics": .array(metrics),
            "dimensions": [
                "facts": .array(factDimensions.map { .string($0) }),
                "series": .array(seriesDimensions.map { .string($0) }),
                "targets": .array(targetDimensions.map { .string($0) }),
                "progress": .array(progressDimensions.map { .string($0) }),
            ],
            "facts": .array(factRows),
            "series": .array(seriesRows),
            "targets": .array(targetRows),
            "progress": .array(progressRows),
            "counts": [
                "documents": .int(run.documents.count), "facts": .int(run.facts.count), "series": .int(run.series.count),
                "targets": .int(run.targets.count), "rows_read": .int(run.rowCounts.read), "rows_used": .int(run.rowCounts.used),
                "rows_rejected": .int(run.rowCounts.rejected), "rows_filtered": .int(run.rowCounts.filtered),
                "diagnostics": .int(run.diagnostics.count),
            ],
        ]
    }

    static let factDimensions = ["id", "metric", "kind", "value", "lower", "upper", "qualifier", "unit", "unit_as_written",
                                 "period_start", "period_end", "region", "file", "line", "published", "sentence", "start", "end"]
    static let seriesDimensions = ["metric", "region", "period_start", "period_end", "value", "unit", "observations", "file", "line"]
    static let targetDimensions = ["id", "metric", "region", "period_start", "period_end", "target", "target_lower", "target_upper",
                                   "qualifier", "unit", "actual", "progress", "expected_progress", "on_track", "status", "stated_on",
                                   "file", "reported", "reported_on"]

    static let progressDimensions = ["target_id", "date", "actual", "expected", "source", "file"]

    /// A stable identifier for a fact: the same claim gets the same id in every run.
    public static func id(of fact: Fact) -> String {
        let key = [fact.metric, fact.kind.rawValue, fact.value.description, fact.lower?.description ?? "", fact.upper?.description ?? "",
                   fact.period?.start.description ?? "", fact.period?.end.description ?? "", fact.region ?? "",
                   fact.dimensions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")].joined(separator: "|")
        return Hex.string(SHA256.hash(data: Array(key.utf8)).prefix(6))
    }

    /// A fact as the feed's `facts` rows and `citypulse extract -p` print it.
    public static func factJSON(_ f: Fact) -> JSONValue { factRow(f) }

    static func factRow(_ f: Fact) -> JSONValue {
        let first = f.sources.first
        var row: [String: JSONValue] = [
            "id": .string(id(of: f)), "metric": .string(f.metric), "kind": .string(f.kind.rawValue), "value": .decimal(f.value),
            "lower": .decimal(f.lower), "upper": .decimal(f.upper), "qualifier": .string(f.qualifier?.rawValue),
            "unit": .string(f.unit), "unit_as_written": .string(f.unitAsWritten),
            "period_start": .string(f.period?.start.description), "period_end": .string(f.period?.end.description),
            "region": .string(f.region), "file": .string(first?.file), "line": first?.line.map { .int($0) } ?? .null,
            "published": .string(first?.published?.description), "sentence": .string(first?.sentence),
            "start": first?.spanInSentence.map { .int($0.lowerBound) } ?? .null,
            "end": first?.spanInSentence.map { .int($0.upperBound) } ?? .null,
        ]
        row["sources"] = .array(f.sources.map(sourceObject))
        if !f.dimensions.isEmpty { row["dimensions"] = .object(f.dimensions.mapValues { .string($0) }) }
        return .object(row)
    }

    static func sourceObject(_ s: Provenance) -> JSONValue {
        ["file": .string(s.file), "sha256": .string(s.contentHash), "published": .string(s.published?.description),
         "title": .string(s.title), "url": .string(s.url), "sentence": .string(s.sentence),
         "start": s.spanInSentence.map { .int($0.lowerBound) } ?? .null, "end": s.spanInSentence.map { .int($0.upperBound) } ?? .null,
         "offset_start": s.offsets.map { .int($0.lowerBound) } ?? .null, "offset_end": s.offsets.map { .int($0.upperBound) } ?? .null,
         "line": s.line.map { .int($0) } ?? .null, "column": .string(s.column)]
    }

    static func targetRow(_ t: TargetStatus) -> JSONValue {
        let restated: [JSONValue] = t.restatements.map { f in
            ["value": .decimal(f.value), "lower": .decimal(f.lower), "qualifier": .string(f.qualifier?.rawValue),
             "stated_on": .string(f.sources.last?.published?.description), "file": .string(f.sources.last?.file),
             "fact": .string(id(of: f))]
        }
        return [
            "id": .string(id(of: t.target)), "metric": .string(t.metric), "region": .string(t.region),
            "period_start": .string(t.period?.start.description), "period_end": .string(t.period?.end.description),
            "target": .decimal(t.target.value), "target_lower": .decimal(t.target.lower), "target_upper": .decimal(t.target.upper),
            "qualifier": .string(t.target.qualifier?.rawValue), "unit": .string(t.target.unit), "actual": .decimal(t.actual),
            "progress": .ratio(t.progress), "expected_progress": .ratio(t.expected),
            "on_track": t.onTrack.map { .bool($0) } ?? .null, "status": .string(t.status.rawValue),
            "stated_on": .string(t.target.sources.last?.published?.description), "file": .string(t.target.sources.last?.file),
            "reported": .decimal(t.reported?.value), "reported_on": .string(t.reported?.sources.last?.published?.description),
            "restated": .array(restated),
        ]
    }

    /// `facts.ndjson`: one fact per line.
    public static func ndjson(_ run: RunResult) -> String {
        var out = ""
        for f in run.facts {
            var row = factRow(f)
            if case var .object(o) = row {
                o["pipeline"] = .string(run.pipeline.name)
                row = .object(o)
            }
            out += row.compact()
            out += "\n"
        }
        return out
    }
}
