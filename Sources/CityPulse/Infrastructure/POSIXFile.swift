import Foundation

/// Why a file could not be read or written: the failing call's `strerror` text.
struct POSIXFileError: LocalizedError, Sendable {
    var reason: String
    var errorDescription: String? { reason.prefix(1).lowercased() + reason.dropFirst() }
}

/// Whole files read and written with plain POSIX calls: a read goes straight into a byte array (no
/// `Data` in between, so a page is copied once, not twice), and a write's caller decides whether the
/// bytes are flushed to the disk (`Data.write(to:)` always calls `fsync`).
enum POSIXFile {
    /// Every byte of the file at `path`. The size from `fstat` is a hint: a file that grows or shrinks
    /// while it is read is read to its end.
    static func read(_ path: String) throws(POSIXFileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw POSIXFileError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw POSIXFileError(reason: String(cString: strerror(errno))) }
        var bytes = [UInt8](repeating: 0, count: max(Int(st.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16))) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXFileError(reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }

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

    /// Writes `bytes` to a temporary name beside `path`, flushes them and renames the file over
    /// `path`, so a reader sees the old file or the new one, never a part.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(POSIXFileError) {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do throws(POSIXFileError) {
            try write(bytes, to: temp, sync: true)
            guard rename(temp, path) == 0 else { throw POSIXFileError(reason: String(cString: strerror(errno))) }
        } catch {
            unlink(temp)
            throw error
        }
    }
}
