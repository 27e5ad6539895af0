import Foundation

/// The process's peak resident set size so far (`VmHWM` in `/proc/self/status`), for the step log
/// lines of `--verbose`: which step a run's memory peaks in.
enum PeakMemory {
    /// In MiB; nil where `/proc` cannot be read.
    static func mebibytes() -> Double? {
        guard let bytes = try? POSIXFile.read("/proc/self/status"),
              let text = String(validating: bytes, as: UTF8.self),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return nil }
        return kib / 1024
    }
}
