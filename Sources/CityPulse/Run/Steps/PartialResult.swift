/// The map half of a run: what each input file gave, in input order, before anything is combined.
/// `CollectStep`, `ReconcileStep` and `EmitStep` are the reduce half; they need nothing else from
/// the files, so partial results made apart can be reduced together.
struct PartialResult: Sendable {
    struct Item: Sendable {
        var file: DiscoveredFile
        /// SHA-256 of the file's bytes; empty when the file could not be read.
        var hash: String
        /// Whether the cached result was used instead of reading the file again.
        var reused: Bool
        var result: FileResult
    }

    var items: [Item]
    /// Discovery's warnings and notes, which belong to the run's diagnostics.
    var discoveryDiagnostics: [Diagnostic]
}
