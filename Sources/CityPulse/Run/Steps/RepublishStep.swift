import Foundation

/// When nothing the outputs depend on changed since the last publish (same fingerprint, and the
/// outputs still in place), carries the outputs over with a fresh manifest and ends the run there,
/// reading no cached result. Does nothing with `--full`, or when anything changed.
struct RepublishStep: RunStep {
    static let name = "republish"

    struct Input: Sendable {
        var files: [DiscoveredFile]
        var template: Result<String?, any Error>
    }

    func run(_ input: Input, in context: inout RunContext) async throws(RunStop) {
        let cache = context.cache
        let target = context.target
        guard !context.options.full, cache.hasLastPublish else { return }
        var inputs: [InputRecord] = []
        var seen = Set<String>()
        for file in input.files where seen.insert(file.path).inserted {
            guard let hash = try? cache.contentHash(of: file).hash else { return }
            inputs.append(InputRecord(file, sha256: hash, reused: true))
        }
        guard let fingerprint = context.fingerprint(of: inputs, template: input.template),
              let last = cache.lastPublish(withFingerprint: fingerprint),
              last.outputs.allSatisfy({ output in
                  let attributes = try? FileManager.default.attributesOfItem(atPath: target.appendingPathComponent(output.name).path)
                  return (attributes?[.size] as? Int) == output.size
              }),
              let published = try? String(contentsOf: target.appendingPathComponent(OutputFiles.manifest), encoding: .utf8),
              published.containsUTF8(fingerprint)
        else { return }

        var summary = last.summary
        summary.inputs = inputs
        let status: RunStatus = summary.qualityPassed ? .success : .qualityFailed
        var manifest = Manifest(summary: summary, status: status, started: context.started, outputs: last.outputs)
        manifest.outputsReused = true
        do {
            manifest = try await context.run(PublishStep(), .init(contents: .carried(last.outputs), manifest: manifest))
        } catch {
            context.logger.warning("could not carry the previous outputs over; running in full", metadata: ["detail": "\(error.outcome.message)"])
            return
        }
        cache.save(keeping: seen)
        var stop = context.stop(status, "published \(target.path): nothing changed since the last run; \(summary.facts) facts, \(summary.series) series points, \(summary.targets) targets from \(inputs.count) inputs (all reused)")
        stop.outcome.manifest = manifest
        throw stop
    }
}

extension InputRecord {
    /// The record of a discovered file with its content hash.
    init(_ file: DiscoveredFile, sha256: String, reused: Bool) {
        self.init(path: file.path, source: file.source.id, kind: file.source.kind.rawValue, bytes: file.size,
                  sha256: sha256, illustrative: file.source.illustrative, reused: reused)
    }
}
