import Crypto
import Foundation

/// `manifest.json`: what a run read, what it wrote, how long it took and how it ended.
public struct Manifest: Sendable {
    public struct Output: Sendable {
        public var name: String
        public var size: Int
        public var sha256: String
        init(name: String, bytes: [UInt8]) {
            self.name = name
            size = bytes.count
            sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        }
    }

    public var result: RunResult
    public var status: RunStatus
    public var rejectRate: Double
    public var qualityPassed: Bool
    public var started: Date
    public var finished: Date?
    public var timings: [(stage: String, seconds: Double)]
    public var outputs: [Output]

    public func json() -> JSONValue {
        let r = result
        let iso = ISO8601DateFormatter()
        return [
            "schema": "citypulse.manifest/1",
            "tool": ["name": "citypulse", "version": .string(CityPulseVersion.string)],
            "pipeline": ["name": .string(r.pipeline.name), "file": .string(r.pipeline.path), "sha256": .string(r.pipeline.contentHash)],
            "as_of": .string(r.asOf.description),
            "started": .string(iso.string(from: started)),
            "finished": .string(finished.map { iso.string(from: $0) }),
            "timings_seconds": .object(Dictionary(timings.map { ($0.stage, JSONValue.ratio($0.seconds)) }, uniquingKeysWith: { $1 })),
            "inputs": .array(r.inputs.map { i in
                ["path": .string(i.path), "source": .string(i.source), "kind": .string(i.kind), "bytes": .int(i.bytes),
                 "sha256": .string(i.sha256), "illustrative": .bool(i.illustrative), "reused": .bool(i.reused)]
            }),
            "documents": .array(r.documents.map { d in
                ["path": .string(d.path), "encoding": .string(d.encoding), "title": .string(d.title),
                 "published": .string(d.published?.description), "article": .bool(d.isArticle)]
            }),
            "tables": .array(r.tables.map { t in
                ["path": .string(t.path), "encoding": .string(t.encoding), "rows_read": .int(t.rowsRead), "rows_used": .int(t.rowsUsed),
                 "rows_rejected": .int(t.rowsRejected), "rows_filtered": .int(t.rowsFiltered), "notes": .array(t.notes.map { .string($0) })]
            }),
            "counts": [
                "inputs": .int(r.inputs.count), "reused": .int(r.inputs.filter(\.reused).count), "documents": .int(r.documents.count),
                "facts": .int(r.facts.count), "series": .int(r.series.count), "targets": .int(r.targets.count),
                "rows_read": .int(r.rowCounts.read), "rows_used": .int(r.rowCounts.used), "rows_rejected": .int(r.rowCounts.rejected),
                "rows_filtered": .int(r.rowCounts.filtered), "diagnostics": .int(r.diagnostics.count),
            ],
            "quality": ["max_reject_rate": .ratio(r.pipeline.quality.maxRejectRate), "reject_rate": .ratio(rejectRate), "passed": .bool(qualityPassed)],
            "outputs": .array(outputs.map { ["name": .string($0.name), "bytes": .int($0.size), "sha256": .string($0.sha256)] }),
            "exit": ["code": .int(Int(status.rawValue)), "meaning": .string(status.meaning)],
        ]
    }
}
