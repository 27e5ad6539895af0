/// Makes the data files of a result in memory: the gzip JSON feed, the gzip NDJSON facts, the HTML
/// report and the rejects CSV. They are independent, so with more than one job they are made side
/// by side in a task group.
struct EmitStep: RunStep {
    static let name = "emit"

    struct File: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    struct Input: Sendable {
        var result: RunResult
        var template: Result<String?, any Error>
    }

    func run(_ input: Input, in context: inout RunContext) async throws(RunStop) -> [File] {
        let result = input.result
        let options = context.options
        let target = context.target
        let template: String?
        switch input.template {
        case let .success(text): template = text
        case let .failure(error): throw context.stop(.failure, "\(error)", result: result)
        }
        let makers: [(name: String, make: @Sendable () throws -> [UInt8])] = [
            (OutputFiles.metrics, { try Gzip.compress(Array(FeedWriter.feed(result).compact().utf8)) }),
            (OutputFiles.facts, { try Gzip.compress(Array(FeedWriter.ndjson(result).utf8)) }),
            (OutputFiles.report, {
                Array(try ReportBuilder(run: result, outputDirectory: target, inputRoot: options.inputRoot).render(templateText: template).utf8)
            }),
            (OutputFiles.rejects, { RejectsWriter.bytes(result) }),
        ]
        var made = [Result<[UInt8], any Error>?](repeating: nil, count: makers.count)
        if options.jobs > 1 {
            await withTaskGroup(of: (Int, Result<[UInt8], any Error>).self) { group in
                for i in makers.indices { group.addTask { (i, Result { try makers[i].make() }) } }
                for await (i, bytes) in group { made[i] = bytes }
            }
        } else {
            for i in makers.indices { made[i] = Result { try makers[i].make() } }
        }
        do {
            return try makers.indices.map { i in File(name: makers[i].name, bytes: try made[i]!.get()) }
        } catch {
            throw context.stop(.failure, "\(error)", result: result)
        }
    }
}
