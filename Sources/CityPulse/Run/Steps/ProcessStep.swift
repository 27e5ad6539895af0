/// The map step: decode → parse → normalize → extract for each file, in a task group at most
/// `jobs` wide, each result cached by content hash; results come back in input order.
struct ProcessStep: RunStep {
    static let name = "process"

    func run(_ discovery: DiscoverStep.Discovery, in context: inout RunContext) async throws(RunStop) -> PartialResult {
        let files = discovery.files
        let cache = context.cache
        let processor = FileProcessor(pipeline: context.pipeline)
        let total = files.count
        let full = context.options.full
        let progress = context.options.progress
        let jobs = max(1, context.options.jobs)
        @Sendable func work(_ i: Int) -> (Int, PartialResult.Item) {
            let file = files[i]
            let hash: String
            var bytes: [UInt8]?
            do {
                if let known = cache.indexedHash(of: file) {
                    hash = known
                } else if file.source.kind != .csv && file.size <= processor.maxDocumentBytes {
                    // A page is read whole anyway: hash the bytes read once for processing.
                    let read = try POSIXFile.read(file.url.path)
                    hash = cache.record(file, bytes: read)
                    bytes = read
                } else {
                    hash = try cache.contentHash(of: file).hash
                }
            } catch {
                let d = Diagnostic(.error, stage: "discover", file: file.path, .unreadable(error))
                return (i, .init(file: file, hash: "", reused: false, result: FileResult(diagnostics: [d])))
            }
            if !full, let cached = cache.result(contentHash: hash, source: file.source.id, path: file.path) {
                return (i, .init(file: file, hash: hash, reused: true, result: cached))
            }
            let result = processor.process(file, contentHash: hash, bytes: bytes)
            // Cached by content, so storing before the run publishes is safe, and it happens on this worker.
            cache.store(result, contentHash: hash, source: file.source.id)
            return (i, .init(file: file, hash: hash, reused: false, result: result))
        }
        var items = [PartialResult.Item?](repeating: nil, count: total)
        await withTaskGroup(of: (Int, PartialResult.Item).self) { group in
            // Largest files first, so a big CSV does not start last and leave the other workers idle.
            let order = files.indices.sorted { (files[$0].size, $1) > (files[$1].size, $0) }
            var next = 0
            var done = 0
            while next < min(jobs, total) {
                let i = order[next]
                group.addTask { work(i) }
                next += 1
            }
            for await (i, item) in group {
                items[i] = item
                done += 1
                progress?(done, total)
                if next < total {
                    let j = order[next]
                    group.addTask { work(j) }
                    next += 1
                }
            }
        }
        return PartialResult(items: items.map { $0! }, discoveryDiagnostics: discovery.diagnostics)
    }
}
