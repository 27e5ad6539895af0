import ArgumentParser
import CityPulse
import Foundation
import Logging

/// Options every command that reads pipelines shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Folder the pipelines' source globs are relative to.")
    var inputRoot: String = "Input"

    @Option(name: .long, help: "Folder the outputs are written under (one folder per pipeline).")
    var outputRoot: String = "Output"

    @Option(name: .long, help: "Folder searched for pipelines when none is named.")
    var pipelines: String = "Pipelines"

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Flag(name: .long, help: "Also log each step of a run (lock, discover, process, …) with its time.")
    var verbose = false

    @Option(name: .long, help: "Log format: text (default) or json (one JSON object per line on standard error).")
    var logFormat: LogFormat = .text

    enum LogFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// The named pipeline files, or every `*.yml`/`*.yaml` in the pipelines folder.
    func pipelineFiles(_ named: [String]) throws -> [String] {
        try Self.pipelineFiles(named, in: pipelines)
    }

    /// The named pipeline files, or every `*.yml`/`*.yaml` in `folder`.
    static func pipelineFiles(_ named: [String], in folder: String) throws -> [String] {
        if !named.isEmpty { return named }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let files = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
        if files.isEmpty { throw ValidationError("no pipeline files (*.yml) in \(folder)/") }
        return files
    }

    /// Writes the index page of every pipeline after `runs`; a failure is logged, not fatal (the
    /// pipelines' own outputs are published).
    func writeIndex(_ runs: [IndexPage.Run], logger: Logger) {
        do {
            try IndexPage.write(runs, outputRoot: URL(fileURLWithPath: outputRoot))
        } catch {
            logger.error("the index page could not be written", metadata: ["detail": "\(error)"])
        }
    }

    func makeLogger(label: String) -> Logger {
        let format = logFormat
        let level: Logger.Level = quiet ? .error : verbose ? .debug : .info
        var logger = Logger(label: label) { name in
            format == .json ? JSONLogHandler(label: name, level: level) as any LogHandler : TextLogHandler(label: name, level: level)
        }
        logger.logLevel = level
        return logger
    }
}
