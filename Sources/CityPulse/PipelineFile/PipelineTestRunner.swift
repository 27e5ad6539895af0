import Foundation

/// Runs a pipeline's `tests:` with its words, regions and cues, reading no input: a `text` test is
/// a document of that text, a `page` test a page file read as a run reads it.
public struct PipelineTestRunner: Sendable {
    /// A test that did not hold, at the place in the pipeline file of what failed.
    public struct Failure: Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?
        public var test: String
        public var message: String

        public var description: String {
            "\(file):\(line.map(String.init) ?? "?"):\(column.map(String.init) ?? "?"): error: test '\(test)': \(message)"
        }
    }

    public let pipeline: PipelineDefinition

    public init(pipeline: PipelineDefinition) { self.pipeline = pipeline }

    /// Every test's failures, in file order; empty when all hold.
    public func run() -> [Failure] {
        let processor = FileProcessor(pipeline: pipeline)
        let extractor = FactExtractor(pipeline: pipeline)
        return pipeline.tests.flatMap { run($0, processor: processor, extractor: extractor) }
    }

    func run(_ test: PipelineTest, processor: FileProcessor, extractor: FactExtractor) -> [Failure] {
        func failure(_ line: Int?, _ column: Int?, _ message: String) -> Failure {
            Failure(file: pipeline.path, line: line, column: column, test: test.name, message: message)
        }
        let facts: [Fact]
        /// What reading a page noted (a page read as no article gives no facts, and says why).
        var notes: [String] = []
        switch test.input {
        case let .text(text):
            let document = Document(path: "\(pipeline.path):\(test.line ?? 0)", sourceID: "test", contentHash: "", encoding: "UTF-8",
                                    title: test.title, published: test.published, text: text)
            facts = extractor.extract(document).flatMap(\.facts)
        case let .page(page):
            let url = URL(fileURLWithPath: pipeline.path).deletingLastPathComponent().appendingPathComponent(page)
            var st = stat()
            guard stat(url.path, &st) == 0 else { return [failure(test.line, test.column, "cannot read the page \(url.path): \(String(cString: strerror(errno)))")] }
            let source = SourceDefinition(id: "test", kind: url.pathExtension == "xml" ? .rss : .html, globs: [], illustrative: false, csv: nil)
            let file = DiscoveredFile(path: page, url: url, source: source, size: Int(st.st_size), modified: 0)
            let result = processor.process(file, contentHash: "")
            if let error = result.diagnostics.first(where: { $0.severity == .error }) {
                return [failure(test.line, test.column, "cannot read the page \(url.path): \(error.message)")]
            }
            facts = result.facts
            notes = result.diagnostics.map(\.message)
        }
        var failures: [Failure] = []
        for pattern in test.expect where !facts.contains(where: pattern.matches) {
            let same = facts.filter { $0.metric == pattern.metric }
            let got = same.isEmpty
                ? (facts.isEmpty ? "no fact at all" + (notes.isEmpty ? "" : " (reading the page: \(notes.joined(separator: "; ")))")
                    : "no \(pattern.metric) fact; the facts: " + facts.map(\.testDescription).joined(separator: "; "))
                : same.map(\.testDescription).joined(separator: "; ")
            failures.append(failure(pattern.line, pattern.column, "expected a fact with \(pattern), got \(got)"))
        }
        for pattern in test.reject {
            for fact in facts where pattern.matches(fact) {
                failures.append(failure(pattern.line, pattern.column, "must not give a fact with \(pattern), got \(fact.testDescription)"))
            }
        }
        return failures
    }
}
