import Foundation

/// Fills a staging folder beside the output folder with the data files, adds the manifest (listing
/// them, with the timings so far) and swaps the folder in. On any error the staging folder is
/// removed and the previous outputs stay as they were.
struct PublishStep: RunStep {
    static let name = "publish"

    enum Contents: Sendable {
        /// Files made by this run.
        case made([EmitStep.File])
        /// The files of the last publish, carried over unchanged (hard links where the file system allows).
        case carried([Manifest.Output])
    }

    struct Input: Sendable {
        var contents: Contents
        var manifest: Manifest
    }

    /// Returns the manifest as published.
    func run(_ input: Input, in context: inout RunContext) async throws(RunStop) -> Manifest {
        let start = Timings.now()
        let target = context.target
        let publisher = AtomicPublisher(target: target)
        var manifest = input.manifest
        var staging: URL?
        do {
            let folder = try publisher.makeStaging()
            staging = folder
            switch input.contents {
            case let .made(files):
                for file in files { try publisher.write(file.bytes, named: file.name, in: folder) }
                manifest.outputs = files.map { Manifest.Output(name: $0.name, bytes: $0.bytes) }
            case let .carried(outputs):
                for output in outputs { try publisher.carryOver(target.appendingPathComponent(output.name), into: folder) }
                manifest.outputs = outputs
            }
            var timings = context.timings
            timings.record(Self.name, since: start)
            manifest.timings = timings.entries
            manifest.finished = context.options.clock()
            try publisher.write(Array(manifest.text().utf8), named: OutputFiles.manifest, in: folder)
            try publisher.publish(folder)
        } catch {
            if let staging { try? FileManager.default.removeItem(at: staging) }
            throw context.stop(.failure, "\(error)")
        }
        return manifest
    }
}
