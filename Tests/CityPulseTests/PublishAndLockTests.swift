@testable import CityPulse
import Foundation
import Testing

@Suite struct PublishAndLockTests {
    func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-pub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func publishSwapsWholeFoldersAndLeavesNoStaging() throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let publisher = AtomicPublisher(target: root.appendingPathComponent("out"))
        for version in ["one", "two"] {
            let staging = try publisher.makeStaging()
            try publisher.write(Array(version.utf8), named: "a.txt", in: staging)
            try publisher.publish(staging)
        }
        #expect(try String(contentsOf: root.appendingPathComponent("out/a.txt"), encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["out"])
        let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("out/a.txt").path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func secondLockFailsAtOnceAndIsFreeAfterRelease() throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent(".x.lock").path
        var first: OutputLock? = try OutputLock(path: path)
        #expect(first != nil)
        #expect(throws: OutputLock.Busy.self) { _ = try OutputLock(path: path) }
        first = nil
        #expect(throws: Never.self) { _ = try OutputLock(path: path) }
    }

    @Test func lockOfAKilledProcessDoesNotBlock() throws {
        let root = try tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent(".x.lock").path
        // Another process takes the lock with flock(1) and is then killed.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-o", path, "sleep", "30"]
        try holder.run()
        var held = false
        for _ in 0..<50 where !held {
            do { _ = try OutputLock(path: path); usleep(50_000) } catch { held = true }
        }
        #expect(held)
        kill(holder.processIdentifier, SIGKILL)
        // The lock is free within a second of the holder's death, long before its `sleep 30` would end.
        #expect(throws: Never.self) { _ = try OutputLock(path: path, wait: 1) }
    }
}
