@testable import CityPulse
import Foundation
import Testing

@Suite struct GzipTests {
    let sample = Array(String(repeating: "呼和浩特 三年十万大学生留呼 2024年新增创业载体10家以上。\n", count: 500).utf8)

    @Test func roundTripsAndIsDeterministic() throws {
        let a = try Gzip.compress(sample)
        let b = try Gzip.compress(sample)
        #expect(a == b)
        #expect(try Gzip.decompress(a) == sample)
        // Header: magic, deflate, no flags, mtime 0, OS unknown (255).
        #expect(Array(a[0..<10]) == [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255])
    }

    @Test func gzipToolAcceptsTheOutput() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citypulse-\(UUID().uuidString).gz")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(try Gzip.compress(sample)).write(to: url)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-t", url.path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test func emptyInputIsAValidMember() throws {
        #expect(try Gzip.decompress(try Gzip.compress([])) == [])
    }

    @Test func truncatedAndCorruptDataAreErrors() throws {
        let good = try Gzip.compress(sample)
        #expect(throws: GzipError.self) { try Gzip.decompress(Array(good.prefix(good.count / 2))) }
        #expect(throws: GzipError.self) { try Gzip.decompress([0x1F, 0x8B, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]) }
    }

    @Test func decompressionBombsAreRefused() throws {
        let bomb = try Gzip.compress([UInt8](repeating: 0, count: 4 << 20))
        #expect(bomb.count < 10_000)
        do {
            _ = try Gzip.decompress(bomb, limit: 1 << 20)
            Issue.record("expected the limit to stop inflation")
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }
}
