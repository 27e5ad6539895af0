import Foundation

/// Reads a whole file straight into a byte array with POSIX calls: no `Data` in between, so a page is
/// copied once (kernel to array) instead of twice.
enum FileBytes {
    struct ReadError: LocalizedError, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
        var errorDescription: String? { reason.prefix(1).lowercased() + reason.dropFirst() }
    }

    static func read(_ url: URL) throws(ReadError) -> [UInt8] {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        // The size is a hint: a file that grows or shrinks while it is read is read to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(st.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16))) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
