/// One named step of a run. A step does one job, is timed and logged under its name, and either
/// hands its output to the next step or ends the run early with an outcome (`RunStop`).
protocol RunStep: Sendable {
    associatedtype Input
    associatedtype Output
    /// The step's name in the manifest's timings and in log lines.
    static var name: String { get }
    func run(_ input: Input, in context: inout RunContext) async throws(RunStop) -> Output
}

/// Ends a run before its last step, with the outcome to report: another run holds the lock,
/// discovery failed, a dry run was planned, unchanged outputs were carried over, the run would
/// drop too much of the last publish, or writing the outputs failed.
struct RunStop: Error {
    var outcome: PipelineRunner.Outcome
}
