import Foundation
import Logging

/// Runs one pipeline through every stage and publishes its outputs atomically:
/// discover → decode → parse → normalize → extract → reconcile → emit.
public struct PipelineRunner: Sendable {
    public let pipeline: PipelineDefinition
    public let options: RunOptions
    public let logger: Logger

    public init(pipeline: PipelineDefinition, options: RunOptions, logger: Logger) {
        self.pipeline = pipeline
        self.options = options
        self.logger = logger
    }

    /// What a run did, for the exit code, the summary line and `--dry-run`.
    public struct Outcome: Sendable {
        public var status: RunStatus
        public var message: String
        public var outputDirectory: URL
        /// Everything the run produced; nil when it failed early or republished unchanged outputs.
        public var result: RunResult?
        public var manifest: Manifest?
        /// What the manifest reports: inputs (and which were reused), counts, quality.
        public var summary: RunSummary? { manifest?.summary }
        /// For `--dry-run`: the files that would be read (path, whether the cache has them) and written.
        public var plannedReads: [(path: String, cached: Bool)] = []
        public var plannedWrites: [String] = []
    }

    public var outputDirectory: URL { options.outputRoot.appendingPathComponent(pipeline.outputs.directory) }

    public func run() async -> Outcome {
        let started = options.clock()
        var timings = Timings()
        let target = outputDirectory
        guard Self.staysInside(target, root: options.outputRoot) else {
            return Outcome(status: .invalid, message: Diagnostic.Message.outputOutside(pipeline.outputs.directory).text, outputDirectory: target)
        }

        // Lock before anything is read, so two runs never interleave.
        var lock: OutputLock?
        if !options.dryRun {
            do {
                try FileManager.default.createDirectory(at: options.outputRoot, withIntermediateDirectories: true)
                lock = try OutputLock(path: options.outputRoot.appendingPathComponent(".\(pipeline.outputs.directory).lock").path, wait: options.wait)
            } catch let busy as OutputLock.Busy {
                return Outcome(status: .locked, message: busy.description, outputDirectory: target)
            } catch {
                return Outcome(status: .failure, message: "cannot create \(options.outputRoot.path): \(error.localizedDescription)", outputDirectory: target)
            }
        }
        defer { withExtendedLifetime(lock) {} }

        // discover
        let (files, discoverDiagnostics) = timings.measure("discover") { SourceDiscovery(inputRoot: options.inputRoot).discover(pipeline) }
        // A missing root or a source matching nothing: fail, and leave the last outputs as they are.
        let discoveryErrors = discoverDiagnostics.filter { $0.severity == .error }
        if !discoveryErrors.isEmpty {
            return Outcome(status: .failure, message: discoveryErrors.map(\.message).joined(separator: "; "), outputDirectory: target)
        }
        let cache = RunCache(directory: options.outputRoot.appendingPathComponent(".cache/\(pipeline.name)"), pipelineHash: pipeline.contentHash)

        if options.dryRun {
            let reads = files.map { f in
                let cached = !options.full && ((try? cache.contentHash(of: f)).map { cache.result(contentHash: $0.hash, source: f.source.id) != nil } ?? false)
                return (path: f.path, cached: cached)
            }
            return Outcome(status: .success, message: "dry run: \(files.count) inputs, nothing written", outputDirectory: target,
                           plannedReads: reads, plannedWrites: OutputFiles.all.map { target.appendingPathComponent($0).path })
        }

        // The pipeline's own report template, read once: the outputs and their fingerprint depend on it.
        let template = Result { try customTemplate() }

        // Nothing the outputs depend on changed since the last publish: carry the outputs over.
        if !options.full,
           let outcome = republishUnchanged(files, template: template, cache: cache, started: started, timings: &timings, to: target) {
            return outcome
        }

        // decode → parse → normalize → extract, per file, in parallel, each result cached by content hash.
        let processed = await timings.measureAsync("extract") { await process(files, cache: cache) }
        var inputs: [InputRecord] = []
        var documents: [Document] = []
        var textFacts: [Fact] = []
        var observations: [Fact] = []
        var rejects: [Reject] = []
        var tables: [TableRecord] = []
        var rows = RowCounts()
        var diagnostics = discoverDiagnostics
        var seen = Set<String>()
        var rejectKeys = Set<Reject>()
        for (file, item) in zip(files, processed) {
            if seen.insert(file.path).inserted {
                inputs.append(InputRecord(path: file.path, source: file.source.id, kind: file.source.kind.rawValue, bytes: file.size,
                                          sha256: item.hash, illustrative: file.source.illustrative, reused: item.reused))
            }
            documents += item.result.documents
            textFacts += item.result.facts
            diagnostics += item.result.diagnostics
            if let t = item.result.table {
                observations += t.facts
                // Two sources over one file reject the same row once.
                let fresh = t.rejects.filter { rejectKeys.insert($0).inserted }
                rejects += fresh
                rows.read += t.rowsRead
                rows.used += t.rowsUsed
                rows.rejected += t.rowsRejected
                rows.filtered += t.rowsFiltered
                tables.append(TableRecord(path: file.path, encoding: t.encoding, rowsRead: t.rowsRead, rowsUsed: t.rowsUsed,
                                          rowsRejected: t.rowsRejected, rowsFiltered: t.rowsFiltered, notes: t.notes,
                                          rejectsTotal: max(t.rejectsTotal, t.rejects.count), rejectsListed: t.rejects.count))
            }
        }

        // reconcile
        let asOf = options.asOf ?? options.today
        let (facts, series, targets, seriesNotes) = timings.measure("reconcile") {
            let merged = FactMerger.merge(textFacts)
            var notes: [Diagnostic] = []
            let series = SeriesBuilder(pipeline: pipeline).build(observations, diagnostics: &notes)
            return (merged, series, Reconciler(pipeline: pipeline, asOf: asOf).reconcile(facts: merged, series: series), notes)
        }
        diagnostics += seriesNotes
        diagnostics.sort { ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message) }
        let result = RunResult(
            pipeline: pipeline, asOf: asOf, inputs: inputs, documents: documents, facts: facts, series: series, targets: targets,
            rejects: rejects, diagnostics: diagnostics, rowCounts: rows, tables: tables)

        // Data quality: too many rejected rows publishes, but says so through the exit code.
        let rejectRate = rows.read == 0 ? 0 : Double(rows.rejected) / Double(rows.read)
        let qualityPassed = rejectRate <= pipeline.quality.maxRejectRate
        let status: RunStatus = qualityPassed ? .success : .qualityFailed

        // emit
        let fingerprint = fingerprint(of: inputs.map { ($0.path, $0.source, $0.sha256) }, template: template) ?? ""
        let summary = RunSummary(result, fingerprint: fingerprint, rejectRate: rejectRate, qualityPassed: qualityPassed)
        var manifest = Manifest(summary: summary, status: status, started: started)
        // A run that would drop most of what was published last time publishes nothing.
        manifest.shrinkGuard = ShrinkGuard.compare(
            lastManifest: target.appendingPathComponent(OutputFiles.manifest), inputs: inputs.count, facts: facts.count,
            series: series.count, maxDrop: pipeline.quality.maxDrop, accepted: options.acceptDrop)
        if let refusal = manifest.shrinkGuard?.refusal {
            cache.flush()
            return Outcome(status: .shrunk, message: refusal, outputDirectory: target, result: result)
        }
        do {
            try emit(result, template: template, manifest: &manifest, timings: &timings, to: target)
        } catch {
            cache.flush()
            return Outcome(status: .failure, message: "\(error)", outputDirectory: target, result: result)
        }
        cache.save(keeping: Set(files.map(\.path)))
        // The cache keeps the results of the inputs just published, and nothing else.
        cache.prune(keeping: Set(inputs.filter { !$0.sha256.isEmpty }.map { cache.entryName(contentHash: $0.sha256, source: $0.source) }))
        if !fingerprint.isEmpty && !inputs.contains(where: { $0.sha256.isEmpty }) {
            cache.storeLastPublish(summary: summary, outputs: manifest.outputs)
        }

        let reused = inputs.filter(\.reused).count
        let message = qualityPassed
            ? "published \(target.path): \(facts.count) facts, \(series.count) series points, \(targets.count) targets from \(inputs.count) inputs (\(reused) reused)"
            : "published \(target.path), but \(rows.rejected) of \(rows.read) rows were rejected (\(String(format: "%.1f", rejectRate * 100))% > \(String(format: "%.1f", pipeline.quality.maxRejectRate * 100))%)"
        return Outcome(status: status, message: message, outputDirectory: target, result: result, manifest: manifest)
    }

    /// What the data outputs depend on besides the inputs' content, hashed with each input's path,
    /// source and content hash: equal fingerprints mean byte-identical data outputs. Nil when the
    /// template cannot be read (such a run publishes nothing to compare with).
    private func fingerprint(of inputs: [(path: String, source: String, sha256: String)], template: Result<String?, any Error>) -> String? {
        guard case let .success(templateText) = template else { return nil }
        var parts = [
            "citypulse-outputs/1", CityPulseVersion.buildIdentity, pipeline.contentHash, templateText ?? "",
            (options.asOf ?? options.today).description, options.inputRoot.standardizedFileURL.path, outputDirectory.standardizedFileURL.path,
        ]
        for i in inputs { parts += [i.path, i.source, i.sha256] }
        return RunCache.sha256(of: Array(parts.joined(separator: "\u{0}").utf8))
    }

    /// When the previous publish had the same fingerprint and its outputs are still in place, links them
    /// into a new staging folder with a fresh manifest and publishes that, reading no cached result.
    private func republishUnchanged(_ files: [DiscoveredFile], template: Result<String?, any Error>, cache: RunCache, started: Date, timings: inout Timings, to target: URL) -> Outcome? {
        let checkStart = Timings.now()
        guard cache.hasLastPublish else { return nil }
        var inputs: [InputRecord] = []
        var seen = Set<String>()
        for file in files where seen.insert(file.path).inserted {
            guard let hash = try? cache.contentHash(of: file).hash else { return nil }
            inputs.append(InputRecord(path: file.path, source: file.source.id, kind: file.source.kind.rawValue, bytes: file.size,
                                      sha256: hash, illustrative: file.source.illustrative, reused: true))
        }
        guard let fingerprint = fingerprint(of: inputs.map { ($0.path, $0.source, $0.sha256) }, template: template),
              let last = cache.lastPublish(withFingerprint: fingerprint),
              last.outputs.allSatisfy({ output in
                  let attributes = try? FileManager.default.attributesOfItem(atPath: target.appendingPathComponent(output.name).path)
                  return (attributes?[.size] as? Int) == output.size
              }),
              let published = try? String(contentsOf: target.appendingPathComponent(OutputFiles.manifest), encoding: .utf8),
              published.containsUTF8(fingerprint)
        else { return nil }

        var summary = last.summary
        summary.inputs = inputs
        let status: RunStatus = summary.qualityPassed ? .success : .qualityFailed
        var manifest = Manifest(summary: summary, status: status, started: started, outputs: last.outputs)
        manifest.outputsReused = true
        do {
            try publish(to: target, manifest: &manifest, timings: &timings, stage: "republish", since: checkStart) { publisher, staging in
                for output in last.outputs {
                    try publisher.carryOver(target.appendingPathComponent(output.name), into: staging)
                }
                return last.outputs
            }
        } catch {
            logger.warning("could not carry the previous outputs over; running in full", metadata: ["detail": "\(error)"])
            return nil
        }
        cache.save(keeping: seen)
        return Outcome(status: status, message: "published \(target.path): nothing changed since the last run; \(summary.facts) facts, \(summary.series) series points, \(summary.targets) targets from \(inputs.count) inputs (all reused)",
                       outputDirectory: target, manifest: manifest)
    }

    /// Writes every output into a staging folder beside `target` and swaps it in; on any error the
    /// staging folder is removed and the previous outputs stay as they were.
    private func emit(
        _ result: RunResult, template: Result<String?, any Error>, manifest: inout Manifest, timings: inout Timings, to target: URL
    ) throws {
        let start = Timings.now()
        let template = try template.get()
        let builders: [(name: String, make: @Sendable () throws -> [UInt8])] = [
            (OutputFiles.metrics, { try Gzip.compress(Array(FeedWriter.feed(result).compact().utf8)) }),
            (OutputFiles.facts, { try Gzip.compress(Array(FeedWriter.ndjson(result).utf8)) }),
            (OutputFiles.report, { [options, target] in
                Array(try ReportBuilder(run: result, outputDirectory: target, inputRoot: options.inputRoot).render(templateText: template).utf8)
            }),
            (OutputFiles.rejects, { RejectsWriter.bytes(result) }),
        ]
        // The files are independent: with more than one job they are made side by side.
        let made = OutputSlots(count: builders.count)
        let each: @Sendable (Int) -> Void = { i in
            let name = builders[i].name
            made.set(i, Result { try builders[i].make() }.map { (name, $0) })
        }
        try publish(to: target, manifest: &manifest, timings: &timings, stage: "emit", since: start) { publisher, staging in
            if options.jobs > 1 {
                DispatchQueue.concurrentPerform(iterations: builders.count, execute: each)
            } else {
                for i in builders.indices { each(i) }
            }
            let written = try made.values.map { try $0!.get() }
            for (name, bytes) in written { try publisher.write(bytes, named: name, in: staging) }
            return written.map { Manifest.Output(name: $0.0, bytes: $0.1) }
        }
    }

    /// Fills a staging folder beside `target` with the data files, adds the manifest (listing them, with
    /// the timings so far) and swaps the folder in; on any error the staging folder is removed and the
    /// previous outputs stay as they were.
    private func publish(
        to target: URL, manifest: inout Manifest, timings: inout Timings, stage: String, since start: UInt64,
        fill: (AtomicPublisher, URL) throws -> [Manifest.Output]
    ) throws {
        let publisher = AtomicPublisher(target: target)
        let staging = try publisher.makeStaging()
        do {
            manifest.outputs = try fill(publisher, staging)
            timings.record(stage, since: start)
            manifest.timings = timings.entries
            manifest.finished = options.clock()
            try publisher.write(Array(manifest.json().pretty().utf8), named: OutputFiles.manifest, in: staging)
            try publisher.publish(staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }


    struct Processed: Sendable {
        var hash: String
        var reused: Bool
        var result: FileResult
    }

    /// Files through the per-file stages with at most `jobs` at once; results come back in input order.
    private func process(_ files: [DiscoveredFile], cache: RunCache) async -> [Processed] {
        let processor = FileProcessor(pipeline: pipeline)
        let total = files.count
        let full = options.full
        let progress = options.progress
        let jobs = max(1, options.jobs)
        var results = [Processed?](repeating: nil, count: total)
        await withTaskGroup(of: (Int, Processed).self) { group in
            var next = 0
            var done = 0
            func work(_ i: Int) -> (Int, Processed) {
                let file = files[i]
                let hash: String
                var bytes: [UInt8]?
                do {
                    if let known = cache.indexedHash(of: file) {
                        hash = known
                    } else if file.source.kind != .csv && file.size <= processor.maxDocumentBytes {
                        // A page is read whole anyway: hash the bytes read once for processing.
                        let read = try POSIXFile.read(file.url.path)
                        hash = cache.record(file, bytes: read)
                        bytes = read
                    } else {
                        hash = try cache.contentHash(of: file).hash
                    }
                } catch {
                    let d = Diagnostic(.error, stage: "discover", file: file.path, .unreadable(error))
                    return (i, Processed(hash: "", reused: false, result: FileResult(diagnostics: [d])))
                }
                if !full, let cached = cache.result(contentHash: hash, source: file.source.id, path: file.path) {
                    return (i, Processed(hash: hash, reused: true, result: cached))
                }
                let result = processor.process(file, contentHash: hash, bytes: bytes)
                // Cached by content, so storing before the run publishes is safe, and it happens on this worker.
                cache.store(result, contentHash: hash, source: file.source.id)
                return (i, Processed(hash: hash, reused: false, result: result))
            }
            // Largest files first, so a big CSV does not start last and leave the other workers idle.
            let order = files.indices.sorted { (files[$0].size, $1) > (files[$1].size, $0) }
            while next < min(jobs, total) {
                let i = order[next]
                group.addTask { work(i) }
                next += 1
            }
            for await (i, item) in group {
                results[i] = item
                done += 1
                progress?(done, total)
                if next < total {
                    let j = order[next]
                    group.addTask { work(j) }
                    next += 1
                }
            }
        }
        return results.map { $0! }
    }

    /// The pipeline's own report template, if it names one (relative to the pipeline file, inside its folder).
    private func customTemplate() throws -> String? {
        guard let name = pipeline.outputs.reportTemplate else { return nil }
        let folder = URL(fileURLWithPath: pipeline.path).deletingLastPathComponent()
        let url = folder.appendingPathComponent(name)
        guard Self.staysInside(url, root: folder) else {
            throw ReportBuilder.TemplateError(path: name, underlying: "must stay inside the pipeline's folder")
        }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReportBuilder.TemplateError(path: url.path, underlying: error.localizedDescription)
        }
    }

    static func staysInside(_ url: URL, root: URL) -> Bool {
        let r = root.standardizedFileURL.path
        let p = url.standardizedFileURL.path
        return p.hasPrefix(r.hasSuffix("/") ? r : r + "/")
    }
}

/// Results of output builders that run side by side, one slot each.
private final class OutputSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<(String, [UInt8]), any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result<(String, [UInt8]), any Error>) { lock.withLock { slots[i] = value } }
    var values: [Result<(String, [UInt8]), any Error>?] { lock.withLock { slots } }
}

/// Names of the files every run publishes.
public enum OutputFiles {
    public static let metrics = "metrics.json.gz"
    public static let facts = "facts.ndjson.gz"
    public static let report = "report.html"
    public static let rejects = "rejects.csv"
    public static let manifest = "manifest.json"
    public static let all = [metrics, facts, report, rejects, manifest]
}

extension Diagnostic.Message {
    static func outputOutside(_ d: String) -> Self { "output directory '\(d)' must stay inside the output root" }
}
