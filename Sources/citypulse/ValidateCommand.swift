import ArgumentParser
import CityPulse
import Foundation

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline files and print diagnostics as file:line:column; runs nothing.")

    @Argument(help: "Pipeline files to check (default: every pipeline in the pipelines folder).")
    var pipelineFiles: [String] = []

    @OptionGroup var common: CommonOptions

    func run() async throws {
        var failed = false
        for path in try common.pipelineFiles(pipelineFiles) {
            do {
                let p = try PipelineLoader().load(path: path)
                let (files, diagnostics) = SourceDiscovery(inputRoot: URL(fileURLWithPath: common.inputRoot)).discover(p)
                for d in diagnostics { printError(d.description) }
                if diagnostics.contains(where: { $0.severity == .error }) { failed = true }
                if !common.quiet {
                    print("\(path): ok — \(p.sources.count) sources, \(p.metrics.count) metrics, \(p.regions.regions.count) regions; \(files.count) input files match")
                }
            } catch {
                failed = true
                for d in error.diagnostics { printError(d.description) }
            }
        }
        if failed { throw ExitCode(RunStatus.invalid.rawValue) }
    }
}
