import Foundation

/// Reads the pipeline's own report template, if it names one (relative to the pipeline file and
/// inside its folder), once: the outputs and their fingerprint depend on it. A template that cannot
/// be read is kept as the error, which fails the run when the report is made.
struct TemplateStep: RunStep {
    static let name = "template"

    func run(_: Void, in context: inout RunContext) async throws(RunStop) -> Result<String?, any Error> {
        let pipeline = context.pipeline
        return Result {
            guard let name = pipeline.outputs.reportTemplate else { return nil }
            let folder = URL(fileURLWithPath: pipeline.path).deletingLastPathComponent()
            let url = folder.appendingPathComponent(name)
            guard PipelineRunner.staysInside(url, root: folder) else {
                throw ReportBuilder.TemplateError(path: name, underlying: "must stay inside the pipeline's folder")
            }
            do {
                return try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw ReportBuilder.TemplateError(path: url.path, underlying: error.localizedDescription)
            }
        }
    }
}
