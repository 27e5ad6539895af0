@testable import CityPulse
import Foundation
import Testing

/// What unattended runs rely on: kills at any moment leave whole outputs, runs never overlap,
/// unchanged inputs are reused, and `--dry-run` writes nothing.
@Suite(.serialized) struct CronSafetyTests {
    /// A copy of the sample inputs with many more pages, so a run lasts long enough to be killed inside.
    static func largeInput() throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("citypulse-cron-\(UUID().uuidString)")
        try fm.copyItem(at: ProjectPaths.root.appendingPathComponent("Input"), to: root)
        let seed = try String(contentsOf: root.appendingPathComponent("releases/hohhot-youth-city-2024.html"), encoding: .utf8)
        for i in 0..<150 {
            try Data(seed.replacingOccurrences(of: "<head>", with: "<head><!-- copy \(i) -->").utf8)
                .write(to: root.appendingPathComponent("releases/copy-\(i).html"))
        }
        return root
    }

    /// Whether the published folder is one run's complete output: every file present and matching the
    /// sizes and hashes its manifest records, gzip members intact.
    static func isWhole(_ dir: URL) throws -> Bool {
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(OutputFiles.manifest))) as! [String: Any]
        let outputs = manifest["outputs"] as! [[String: Any]]
        guard outputs.count == 4 else { return false }
        for o in outputs {
            let bytes = try [UInt8](Data(contentsOf: dir.appendingPathComponent(o["name"] as! String)))
            guard bytes.count == o["bytes"] as! Int, RunCache.sha256(of: bytes) == o["sha256"] as! String else { return false }
            if (o["name"] as! String).hasSuffix(".gz") { _ = try Gzip.decompress(bytes) }
        }
        return true
    }

    @Test func runsKilledAtManyPointsLeaveThePreviousOutputsWhole() throws {
        let input = try Self.largeInput()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-cron-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: output) }
        let args = ["run", ProjectPaths.root.appendingPathComponent("Pipelines/hohhot-youth.yml").path, "--input-root", input.path,
                    "--output-root", output.path, "--as-of", "2024-11-30", "--full", "--jobs", "2", "--no-progress"]
        let first = try CommandLineTool.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        let dir = output.appendingPathComponent("hohhot-youth")
        #expect(try Self.isWhole(dir))

        // Time a run (the faster of two), then kill runs at points spread over it (SIGKILL: no cleanup
        // code runs). A kill that finds the run already finished shows the run is shorter than timed
        // (other tests slowed the timing runs down), so the spread shrinks to the delay it waited, and
        // killing goes on until half the planned kills have landed inside a run.
        var duration = Double.infinity
        for _ in 0..<2 {
            let started = Date()
            _ = try CommandLineTool.run(args)
            duration = min(duration, Date().timeIntervalSince(started))
        }
        // CITYPULSE_KILLS raises the count for a longer check (100 kills take about two minutes).
        let kills = max(2, Int(ProcessInfo.processInfo.environment["CITYPULSE_KILLS"] ?? "") ?? 24)
        var killedInside = 0
        var attempts = 0
        while (attempts < kills || killedInside < kills / 2) && attempts < kills * 3 {
            let delay = duration * Double(attempts % kills) / Double(kills - 1) * 1.05
            let p = try CommandLineTool.start(args)
            usleep(useconds_t(delay * 1_000_000))
            if p.isRunning {
                killedInside += 1
            } else {
                duration = max(0.05, delay * 0.9)
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            attempts += 1
            #expect(try Self.isWhole(dir), "outputs torn after a kill at \(String(format: "%.2f", delay)) s")
        }
        print("kill test: \(attempts) runs killed, \(killedInside) of them while working; outputs whole after each")
        #expect(killedInside >= kills / 2, "most kills should land while the run is working")
        // The next run succeeds, and no staging folder is left behind.
        let last = try CommandLineTool.run(args)
        #expect(last.status == 0, "\(last.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.contains(".staging-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        // A run that uses the cache the killed runs wrote into (entries may be torn) publishes the same feed.
        let clean = try Data(contentsOf: dir.appendingPathComponent(OutputFiles.metrics))
        let cached = try CommandLineTool.run(args.filter { $0 != "--full" }.map { $0 == "2024-11-30" ? "2024-12-01" : $0 })
        #expect(cached.status == 0, "\(cached.stderr)")
        let again = try CommandLineTool.run(args.filter { $0 != "--full" })
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent(OutputFiles.metrics)) == clean)
    }

    @Test func aSecondRunExitsAtOnceWithTheLockCode() throws {
        let input = try Self.largeInput()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: output) }
        let args = ["run", ProjectPaths.root.appendingPathComponent("Pipelines/hohhot-youth.yml").path, "--input-root", input.path,
                    "--output-root", output.path, "--as-of", "2024-11-30", "--full", "--jobs", "1", "--no-progress"]
        let holder = try CommandLineTool.start(args)
        defer { holder.waitUntilExit() }
        // Wait until the first run holds the lock (its lock file names its pid).
        let lockFile = output.appendingPathComponent(".hohhot-youth.lock").path
        for _ in 0..<100 {
            if (try? String(contentsOfFile: lockFile, encoding: .utf8))?.contains("pid \(holder.processIdentifier)") == true { break }
            usleep(20_000)
        }
        let second = try CommandLineTool.run(args)
        if holder.isRunning {
            #expect(second.status == RunStatus.locked.rawValue, "\(second.stderr)")
            #expect(second.stderr.contains("another run holds"))
        }
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)
        // With --wait, a run queues behind the holder instead.
        let third = try CommandLineTool.run(args + ["--wait", "60"])
        #expect(third.status == 0)
    }

    @Test func unchangedInputsAreReusedAndFullIgnoresTheCache() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let pipeline = try TestRun.defaultPipeline()
        let first = await TestRun.run(pipeline, outputRoot: output)
        let firstFiles = try [OutputFiles.metrics, OutputFiles.facts, OutputFiles.report, OutputFiles.rejects].map { try first.bytes($0) }
        let second = await TestRun.run(pipeline, outputRoot: output)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: second.directory.appendingPathComponent(OutputFiles.manifest))) as! [String: Any]
        let secondFiles = try [OutputFiles.metrics, OutputFiles.facts, OutputFiles.report, OutputFiles.rejects].map { try second.bytes($0) }
        #expect(firstFiles == secondFiles, "outputs differ when inputs come from the cache")
        let full = await TestRun.run(pipeline, outputRoot: output, full: true)
        let inputs = first.outcome.summary!.inputs.count
        #expect(first.outcome.summary!.inputs.filter(\.reused).isEmpty)
        #expect(second.outcome.summary!.inputs.filter(\.reused).count == inputs)
        #expect(full.outcome.summary!.inputs.filter(\.reused).isEmpty)
        for (i, name) in [OutputFiles.metrics, OutputFiles.facts, OutputFiles.report, OutputFiles.rejects].enumerated() {
            #expect(try firstFiles[i] == full.bytes(name), "\(name) differs between a cached and a full run")
        }
        #expect((manifest["counts"] as! [String: Any])["reused"] as? Int == inputs)
    }

    @Test func unchangedRerunCarriesOutputsOverAndAnyChangeRebuilds() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-carry-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("Input")
        try FileManager.default.copyItem(at: ProjectPaths.root.appendingPathComponent("Input"), to: input)
        let output = root.appendingPathComponent("Output")
        let pipeline = try TestRun.defaultPipeline()
        func manifest(_ run: TestRun) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(contentsOf: run.directory.appendingPathComponent(OutputFiles.manifest))) as! [String: Any]
        }
        let dataFiles = [OutputFiles.metrics, OutputFiles.facts, OutputFiles.report, OutputFiles.rejects]

        let first = await TestRun.run(pipeline, inputRoot: input, outputRoot: output)
        #expect(try manifest(first)["outputs_reused"] as? Bool == false)
        let firstBytes = try dataFiles.map { try first.bytes($0) }

        // Nothing changed: the outputs are carried over, byte for byte, and the manifest says so.
        let same = await TestRun.run(pipeline, inputRoot: input, outputRoot: output)
        #expect(same.outcome.status == .success)
        #expect(same.outcome.result == nil)
        #expect(try manifest(same)["outputs_reused"] as? Bool == true)
        #expect(try dataFiles.map { try same.bytes($0) } == firstBytes)
        #expect(try (manifest(same)["outputs"] as! [[String: Any]]).count == dataFiles.count)

        // Only the modification time changed: the content hash is the same, so still carried over.
        let page = input.appendingPathComponent("releases/hohhot-youth-city-2024.html")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: page.path)
        let touched = await TestRun.run(pipeline, inputRoot: input, outputRoot: output)
        #expect(try manifest(touched)["outputs_reused"] as? Bool == true)

        // Another as-of date: results come from the cache, but reconcile and emit run again.
        let later = await TestRun.run(pipeline, inputRoot: input, outputRoot: output, asOf: Day(year: 2024, month: 12, day: 31))
        #expect(try manifest(later)["outputs_reused"] as? Bool == false)
        #expect(later.outcome.result?.inputs.allSatisfy(\.reused) == true)
        #expect(try manifest(later)["as_of"] as? String == "2024-12-31")

        // A changed input: that file is read again and the outputs are rebuilt.
        let text = try String(contentsOf: page, encoding: .utf8)
        try (text + "\n<!-- edited -->\n").write(to: page, atomically: true, encoding: .utf8)
        let edited = await TestRun.run(pipeline, inputRoot: input, outputRoot: output)
        #expect(try manifest(edited)["outputs_reused"] as? Bool == false)
        let reread = edited.outcome.result?.inputs.filter { !$0.reused }.map(\.path)
        #expect(reread == ["releases/hohhot-youth-city-2024.html"])
        #expect(edited.outcome.summary?.facts == first.outcome.summary?.facts, "a comment in the page changes no fact")
    }

    @Test func dryRunListsReadsAndWritesAndWritesNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-dry-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let r = try CommandLineTool.run(["run", "--dry-run", "--input-root", ProjectPaths.root.appendingPathComponent("Input").path,
                                         "--output-root", output.path, "--pipelines", ProjectPaths.root.appendingPathComponent("Pipelines").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("read  releases/hohhot-youth-city-2024.html"))
        #expect(r.stdout.contains("write \(output.path)/hohhot-youth/metrics.json.gz"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func exitCodesForUsageAndInvalidPipelines() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-bad-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: bad) }
        try Data("version: 1\nsources:\n  - id: a\n    kind: pdf\n    glob: x\n".utf8).write(to: bad)
        let invalid = try CommandLineTool.run(["run", bad.path, "--output-root", FileManager.default.temporaryDirectory.path])
        #expect(invalid.status == RunStatus.invalid.rawValue)
        #expect(invalid.stderr.contains("\(bad.path):4:11:"), "\(invalid.stderr)")
        let validate = try CommandLineTool.run(["validate", bad.path])
        #expect(validate.status == RunStatus.invalid.rawValue)
        let usage = try CommandLineTool.run(["run", "--as-of", "yesterday"])
        #expect(usage.status == RunStatus.invalid.rawValue)
    }
}
