import Crypto
import Foundation
import Yams

/// A pipeline file that could not be used, with every problem found in it.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Reads `Pipelines/NAME.yml` into a `PipelineDefinition`, reporting unknown keys and wrong types with
/// file, line and column rather than ignoring them.
public struct PipelineLoader: Sendable {
    public static let supportedVersion = 1
    static let topKeys = ["version", "name", "title", "policy_start", "sources", "metrics", "regions", "outputs", "quality", "tests"]

    public init() {}

    public func load(path: String) throws(PipelineError) -> PipelineDefinition {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PipelineError(path: path, diagnostics: [Diagnostic(.error, stage: "pipeline", file: path, .unreadable(error))])
        }
        return try load(data: data, path: path)
    }

    public func load(data: Data, path: String) throws(PipelineError) -> PipelineDefinition {
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw PipelineError(path: path, diagnostics: [Diagnostic(.error, stage: "pipeline", file: path, line: 1, column: 1, .notUTF8)])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw PipelineError(path: path, diagnostics: [Self.diagnostic(for: error, path: path)])
        } catch {
            throw PipelineError(path: path, diagnostics: [Diagnostic(.error, stage: "pipeline", file: path, .unreadable(error))])
        }
        var reader = NodeReader(path: path)
        let hash = Hex.sha256(data)
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard let root, let top = reader.mapping(root, "pipeline", known: Self.topKeys) else {
            throw PipelineError(path: path, diagnostics: reader.diagnostics.isEmpty
                ? [Diagnostic(.error, stage: "pipeline", file: path, line: 1, column: 1, .emptyPipeline)] : reader.diagnostics)
        }
        let definition = reader.pipeline(top, path: path, hash: hash, stem: stem)
        if !reader.diagnostics.isEmpty { throw PipelineError(path: path, diagnostics: reader.diagnostics) }
        return definition
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(.error, stage: "pipeline", file: path, line: mark.line, column: mark.column, .yamlSyntax(problem))
        default:
            return Diagnostic(.error, stage: "pipeline", file: path, .yamlSyntax("\(error)"))
        }
    }
}

extension Diagnostic.Message {
    static func unreadable(_ error: any Error) -> Self { "cannot read the file: \(error.localizedDescription)" }
    static let notUTF8: Self = "a pipeline file must be UTF-8"
    static let emptyPipeline: Self = "the pipeline file is empty"
    static func yamlSyntax(_ problem: String) -> Self { "YAML syntax: \(problem)" }
    static func unknownKey(_ key: String, in context: String, known: [String]) -> Self {
        "unknown key '\(key)' in \(context) (known: \(known.joined(separator: ", ")))"
    }
    static func wrongType(_ context: String, expected: String) -> Self { "\(context) must be \(expected)" }
    static func missingKey(_ key: String, in context: String) -> Self { "\(context) needs '\(key)'" }
    static func unsupportedVersion(_ found: String) -> Self {
        "version \(found) is not supported; this tool reads version \(PipelineLoader.supportedVersion)"
    }
    static func badValue(_ context: String, _ value: String, allowed: [String]) -> Self {
        "\(context): '\(value)' is not one of \(allowed.joined(separator: ", "))"
    }
    static func unknownMetric(_ id: String) -> Self { "metric '\(id)' is not declared under metrics" }
    static func unknownRegion(_ id: String) -> Self { "region '\(id)' is not declared under regions" }
    static func duplicateID(_ id: String, _ what: String) -> Self { "\(what) '\(id)' is declared twice" }
}
