import Foundation

/// Takes the output folder's lock before anything is read, so two runs of a pipeline never
/// interleave, and opens the pipeline's cache under it. A dry run writes nothing and takes no lock.
struct LockStep: RunStep {
    static let name = "lock"

    func run(_: Void, in context: inout RunContext) async throws(RunStop) -> OutputLock? {
        let options = context.options
        let directory = context.pipeline.outputs.directory
        guard PipelineRunner.staysInside(context.target, root: options.outputRoot) else {
            throw context.stop(.invalid, Diagnostic.Message.outputOutside(directory).text)
        }
        var lock: OutputLock?
        if !options.dryRun {
            do {
                try FileManager.default.createDirectory(at: options.outputRoot, withIntermediateDirectories: true)
                // Shards of one run never block each other; two runs of the same shard, or of the whole, do.
                let name = options.shard.map { ".\(directory).shard-\($0.index)-of-\($0.count).lock" } ?? ".\(directory).lock"
                lock = try OutputLock(path: options.outputRoot.appendingPathComponent(name).path, wait: options.wait)
            } catch let busy as OutputLock.Busy {
                throw context.stop(.locked, busy.description)
            } catch {
                throw context.stop(.failure, "cannot create \(options.outputRoot.path): \(error.localizedDescription)")
            }
        }
        context.openedCache = RunCache(directory: options.outputRoot.appendingPathComponent(".cache/\(context.pipeline.name)"),
                                       pipelineHash: context.pipeline.contentHash, shard: options.shard)
        return lock
    }
}

extension Diagnostic.Message {
    static func outputOutside(_ d: String) -> Self { "output directory '\(d)' must stay inside the output root" }
}
