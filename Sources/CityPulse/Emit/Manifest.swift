import Crypto
import Foundation

/// `manifest.json`: what a run read, what it wrote, how long it took and how it ended.
public struct Manifest: Sendable {
    public struct Output: Sendable, Codable, Hashable {
        public var name: String
        public var size: Int
        public var sha256: String
        init(name: String, bytes: [UInt8]) {
            self.name = name
            size = bytes.count
            sha256 = Hex.sha256(bytes)
        }
    }

    public var summary: RunSummary
    public var status: RunStatus
    public var started: Date
    public var finished: Date?
    public var timings: [(stage: String, seconds: Double)]
    public var outputs: [Output]
    /// True when the data outputs were carried over from the previous run because nothing they depend on changed.
    public var outputsReused = false
    /// The comparison with the last publish's counts (`quality.max_drop`), when there was one.
    var shrinkGuard: ShrinkGuard?

    public init(summary: RunSummary, status: RunStatus, started: Date, timings: [(stage: String, seconds: Double)] = [], outputs: [Output] = []) {
        self.summary = summary
        self.status = status
        self.started = started
        self.timings = timings
        self.outputs = outputs
    }

    /// The manifest as written to `manifest.json`. The lists of inputs and documents, the bulk of a
    /// large run's manifest, are written an entry at a time rather than built as values first.
    public func text() -> String {
        let r = summary
        return JSONValue.pretty(object: fields(), rows: [
            "inputs": (r.inputs.count, { Self.json(r.inputs[$0]) }),
            "documents": (r.documents.count, { Self.json(r.documents[$0]) }),
        ])
    }

    /// The manifest as one value (its text is `text()`).
    public func json() -> JSONValue {
        var all = fields()
        all["inputs"] = .array(summary.inputs.map(Self.json))
        all["documents"] = .array(summary.documents.map(Self.json))
        return .object(all)
    }

    static func json(_ i: InputRecord) -> JSONValue {
        ["path": .string(i.path), "source": .string(i.source), "kind": .string(i.kind), "bytes": .int(i.bytes),
         "sha256": .string(i.sha256), "illustrative": .bool(i.illustrative), "reused": .bool(i.reused)]
    }

    static func json(_ d: RunSummary.DocumentEntry) -> JSONValue {
        ["path": .string(d.path), "encoding": .string(d.encoding), "title": .string(d.title),
         "published": .string(d.published), "article": .bool(d.article)]
    }

    /// Every field but the inputs and documents.
    private func fields() -> [String: JSONValue] {
        let r = summary
        let iso = ISO8601DateFormatter()
        return [
            "schema": "citypulse.manifest/1",
            "tool": ["name": "citypulse", "version": .string(CityPulseVersion.string)],
            "pipeline": ["name": .string(r.pipelineName), "file": .string(r.pipelineFile), "sha256": .string(r.pipelineHash)],
            "as_of": .string(r.asOf),
            "fingerprint": .string(r.fingerprint),
            "started": .string(iso.string(from: started)),
            "finished": .string(finished.map { iso.string(from: $0) }),
            "timings_seconds": .object(Dictionary(timings.map { ($0.stage, JSONValue.ratio($0.seconds)) }, uniquingKeysWith: { $1 })),
            "tables": .array(r.tables.map { t in
                ["path": .string(t.path), "encoding": .string(t.encoding), "rows_read": .int(t.rowsRead), "rows_used": .int(t.rowsUsed),
                 "rows_rejected": .int(t.rowsRejected), "rows_filtered": .int(t.rowsFiltered),
                 "rejects": .int(t.rejectsTotal), "rejects_listed": .int(t.rejectsListed), "notes": .array(t.notes.map { .string($0) })]
            }),
            "counts": [
                "inputs": .int(r.inputs.count), "reused": .int(r.inputs.filter(\.reused).count), "documents": .int(r.documents.count),
                "facts": .int(r.facts), "series": .int(r.series), "targets": .int(r.targets),
                "rows_read": .int(r.rowCounts.read), "rows_used": .int(r.rowCounts.used), "rows_rejected": .int(r.rowCounts.rejected),
                "rows_filtered": .int(r.rowCounts.filtered),
                "rejects": .int(r.tables.reduce(0) { $0 + $1.rejectsTotal }), "rejects_listed": .int(r.rejectsListed),
                "diagnostics": .int(r.diagnostics),
            ],
            "quality": ["max_reject_rate": .ratio(r.maxRejectRate), "reject_rate": .ratio(r.rejectRate), "passed": .bool(r.qualityPassed)],
            "outputs": .array(outputs.map { ["name": .string($0.name), "bytes": .int($0.size), "sha256": .string($0.sha256)] }),
            "outputs_reused": .bool(outputsReused),
            "last_publish": shrinkGuard?.json() ?? .null,
            "exit": ["code": .int(Int(status.rawValue)), "meaning": .string(status.meaning)],
        ]
    }
}
