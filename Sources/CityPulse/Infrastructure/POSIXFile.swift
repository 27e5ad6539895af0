import Glibc

/// Why a file could not be written: the failing call's `strerror` text.
struct POSIXFileError: Error, Sendable {
    var reason: String
}

/// Whole files written with plain POSIX calls, so the caller decides whether the bytes are flushed to
/// the disk (`Data.write(to:)` always calls `fsync`).
enum POSIXFile {
    /// Creates or truncates `path`, writes `bytes` and, when `sync` is set, flushes them with `fsync`.
    static func write(_ bytes: [UInt8], to path: String, sync: Bool) throws(POSIXFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFileError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXFileError(reason: String(cString: strerror(errno)))
            }
            offset += n
        }
        if sync, fsync(fd) != 0 { throw POSIXFileError(reason: "fsync: \(String(cString: strerror(errno)))") }
    }
}
