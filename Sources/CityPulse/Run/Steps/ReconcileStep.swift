/// Merges the text facts, builds the series from the observations, and reconciles the targets
/// releases announce with the actuals: the run's result, diagnostics sorted by place.
struct ReconcileStep: RunStep {
    static let name = "reconcile"

    func run(_ c: CollectStep.Collected, in context: inout RunContext) async throws(RunStop) -> RunResult {
        let pipeline = context.pipeline
        let facts = FactMerger.merge(c.textFacts)
        var diagnostics = c.diagnostics
        let series = SeriesBuilder(pipeline: pipeline).build(c.observations, diagnostics: &diagnostics)
        let reconciler = Reconciler(pipeline: pipeline, asOf: context.asOf)
        let targets = reconciler.reconcile(facts: facts, series: series)
        diagnostics.sort { ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message) }
        return RunResult(
            pipeline: pipeline, asOf: context.asOf, inputs: c.inputs, documents: c.documents, facts: facts, series: series,
            targets: targets, rejects: c.rejects, diagnostics: diagnostics, rowCounts: c.rows, tables: c.tables,
            progress: reconciler.progress(of: targets, series: series, facts: facts))
    }
}
