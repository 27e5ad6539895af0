/// The input files of every source, in a stable order. A missing input root or a source that
/// matches nothing ends the run: nothing is published and the last outputs stay as they are.
struct DiscoverStep: RunStep {
    static let name = "discover"

    struct Discovery: Sendable {
        var files: [DiscoveredFile]
        /// Warnings and notes of discovery; they go to the run's diagnostics.
        var diagnostics: [Diagnostic]
    }

    func run(_: Void, in context: inout RunContext) async throws(RunStop) -> Discovery {
        let (files, diagnostics) = SourceDiscovery(inputRoot: context.options.inputRoot).discover(context.pipeline)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw context.stop(.failure, errors.map(\.message).joined(separator: "; "))
        }
        return Discovery(files: files, diagnostics: diagnostics)
    }
}
