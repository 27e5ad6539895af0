import Foundation

/// The checks between a result and its publish. Too many rejected CSV rows publishes, but says so
/// through the exit code; a run that would drop more of the last publish than `quality.max_drop`
/// allows (without `--accept-drop`) publishes nothing. Returns the manifest to publish, which holds
/// the status and the reject rate.
struct GateStep: RunStep {
    static let name = "gate"

    struct Input: Sendable {
        var result: RunResult
        var template: Result<String?, any Error>
    }

    func run(_ input: Input, in context: inout RunContext) async throws(RunStop) -> Manifest {
        let result = input.result
        let pipeline = context.pipeline
        let rows = result.rowCounts
        let rejectRate = rows.read == 0 ? 0 : Double(rows.rejected) / Double(rows.read)
        let qualityPassed = rejectRate <= pipeline.quality.maxRejectRate
        let status: RunStatus = qualityPassed ? .success : .qualityFailed
        let fingerprint = context.fingerprint(of: result.inputs, template: input.template) ?? ""
        let summary = RunSummary(result, fingerprint: fingerprint, rejectRate: rejectRate, qualityPassed: qualityPassed)
        var manifest = Manifest(summary: summary, status: status, started: context.started)
        manifest.shrinkGuard = ShrinkGuard.compare(
            lastManifest: context.target.appendingPathComponent(OutputFiles.manifest), inputs: result.inputs.count,
            facts: result.facts.count, series: result.series.count, maxDrop: pipeline.quality.maxDrop, accepted: context.options.acceptDrop)
        if let refusal = manifest.shrinkGuard?.refusal {
            throw context.stop(.shrunk, refusal, result: result)
        }
        return manifest
    }
}
