import Foundation

/// Wall-clock time spent per stage, for the manifest.
struct Timings: Sendable {
    private(set) var entries: [(stage: String, seconds: Double)] = []

    mutating func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { entries.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    mutating func record(_ stage: String, since start: UInt64) {
        entries.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }

    mutating func measureAsync<T>(_ stage: String, _ body: () async throws -> T) async rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { entries.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try await body()
    }
}
