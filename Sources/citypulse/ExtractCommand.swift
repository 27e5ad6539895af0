import ArgumentParser
import CityPulse
import Foundation

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read pages or feeds and print one JSON object per document: path, encoding, title, published, text, quantities.",
        discussion: "With --pipeline, each quantity a metric rule claims is also printed as a fact. .xml, .rss and .atom files are read as feeds.")

    @Option(name: [.short, .customLong("pipeline")], help: "A pipeline file whose metric rules turn quantities into facts.")
    var pipelinePath: String?

    @Argument(help: "HTML pages or RSS/Atom feeds.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file") }
    }

    func run() async throws {
        var pipeline = PipelineDefinition.standalone
        if let pipelinePath {
            do {
                pipeline = try PipelineLoader().load(path: pipelinePath)
            } catch {
                for d in error.diagnostics { printError(d.description) }
                throw ExitCode(RunStatus.invalid.rawValue)
            }
        }
        let extractor = FactExtractor(pipeline: pipeline)
        var failed = false
        for path in files {
            let bytes: [UInt8]
            do {
                bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                printError("\(path): cannot read: \(error.localizedDescription)")
                failed = true
                continue
            }
            let hash = RunCache.sha256(of: bytes)
            let lower = path.lowercased()
            let isFeed = lower.hasSuffix(".xml") || lower.hasSuffix(".rss") || lower.hasSuffix(".atom")
            let (documents, diagnostics) = isFeed
                ? FeedReader().read(bytes: bytes, path: path, sourceID: "extract", contentHash: hash)
                : { let (d, diags) = PageReader().read(bytes: bytes, path: path, sourceID: "extract", contentHash: hash); return ([d], diags) }()
            for d in diagnostics { printError(d.description) }
            for document in documents {
                let found = extractor.extract(document)
                let original = Array(document.text.unicodeScalars)
                var object: [String: JSONValue] = [
                    "path": .string(document.path), "encoding": .string(document.encoding), "title": .string(document.title),
                    "published": .string(document.published?.description), "site": .string(document.site),
                    "author": .string(document.author), "editor": .string(document.editor), "url": .string(document.url),
                    "article": .bool(document.isArticle), "sha256": .string(document.contentHash), "text": .string(document.text),
                    "quantities": .array(found.map { f in
                        let r = f.originalRange.clamped(to: 0..<original.count)
                        return .quantity(f.quantity, span: r, text: String(String.UnicodeScalarView(original[r])))
                    }),
                ]
                if pipelinePath != nil { object["facts"] = .array(found.flatMap(\.claims).map(Self.factWithReasons)) }
                print(JSONValue.object(object).compact())
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// A fact as the feed writes it, with `why`: the rule behind its metric, kind, period and region,
    /// and the words each rule read (`cue`, with `start`/`end` in the original text).
    static func factWithReasons(_ claim: FactExtractor.Claim) -> JSONValue {
        guard case .object(var row) = FeedWriter.factJSON(claim.fact) else { return FeedWriter.factJSON(claim.fact) }
        func reason(_ r: FactReasons.Reason) -> JSONValue {
            ["rule": .string(r.rule), "cue": .string(r.cue),
             "start": r.span.map { .int($0.lowerBound) } ?? .null, "end": r.span.map { .int($0.upperBound) } ?? .null]
        }
        let why = claim.reasons
        row["why"] = ["metric": reason(why.metric), "kind": reason(why.kind), "period": reason(why.period), "region": reason(why.region)]
        return .object(row)
    }
}
