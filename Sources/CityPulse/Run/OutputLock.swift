import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one pipeline's output, held through `flock(2)` on a file beside it. The kernel
/// drops the lock when the holder dies, so a lock of a dead process never blocks: its file remains but
/// is free to take.
public final class OutputLock {
    public struct Busy: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var holder: String
        public var description: String { "another run holds \(path)\(holder.isEmpty ? "" : " (\(holder))")" }
    }

    private let fd: Int32
    public let path: String

    /// Takes the lock, waiting up to `wait` seconds (0: fail at once).
    public init(path: String, wait: Double = 0, clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw Busy(path: path, holder: "cannot open lock file: \(String(cString: strerror(errno)))")
        }
        let deadline = clock() + wait
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if clock() >= deadline {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                close(fd)
                throw Busy(path: path, holder: holder)
            }
            usleep(100_000)
        }
        self.fd = fd
        // Record the holder for the next run's message; the lock itself is the flock, not this text.
        ftruncate(fd, 0)
        let note = "pid \(getpid()) since \(ISO8601DateFormatter().string(from: Date()))\n"
        _ = note.withCString { write(fd, $0, strlen($0)) }
    }

    deinit {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
