import ArgumentParser
import CityPulse
import Foundation

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests inside pipeline files (tests:), reading no inputs.",
        discussion: """
        Each test is a sentence (text:) or a page file (page:, relative to the pipeline file), with \
        the facts it must give (expect:) and must not give (reject:), each by metric and any of value, \
        kind, period and region. A failure prints where it is in the pipeline file and the facts the \
        text gave instead. Exit 0 when every test holds, 1 when one fails, 64 for an invalid pipeline.
        """)

    @Argument(help: "Pipeline files; default: every pipeline in the pipelines folder.")
    var pipelineFiles: [String] = []

    @Option(name: .long, help: "Folder searched for pipelines when none is named.")
    var pipelines: String = "Pipelines"

    @Flag(name: .shortAndLong, help: "Print failures only.")
    var quiet = false

    func run() throws {
        let files = try CommonOptions.pipelineFiles(pipelineFiles, in: pipelines)
        var worst: Int32 = 0
        for path in files {
            let pipeline: PipelineDefinition
            do {
                pipeline = try PipelineLoader().load(path: path)
            } catch {
                for d in error.diagnostics { printError(d.description) }
                worst = max(worst, RunStatus.invalid.rawValue)
                continue
            }
            let failures = PipelineTestRunner(pipeline: pipeline).run()
            for f in failures { print(f.description) }
            if pipeline.tests.isEmpty {
                if !quiet { print("\(path): no tests") }
            } else if !quiet || !failures.isEmpty {
                let failed = Set(failures.map(\.test)).count
                print("\(path): \(pipeline.tests.count) tests, \(pipeline.tests.count - failed) passed, \(failed) failed")
            }
            if !failures.isEmpty { worst = max(worst, RunStatus.failure.rawValue) }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
