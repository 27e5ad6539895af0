import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a run's files into a temporary folder beside the target, flushes them to disk, then swaps the
/// folder in with one atomic `renameat2(RENAME_EXCHANGE)`: readers see the old outputs or the new ones,
/// never a mix, and a run killed at any moment leaves the previous outputs whole.
public struct AtomicPublisher: Sendable {
    public struct PublishError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot publish \(path): \(reason)" }
    }

    /// The published folder, e.g. `Output/hohhot-youth`.
    public let target: URL

    public init(target: URL) { self.target = target }

    var parent: URL { target.deletingLastPathComponent() }
    var stagingPrefix: String { ".\(target.lastPathComponent).staging-" }

    /// A fresh staging folder (mode 0755 inside an owner-only parent is not needed; files are 0644).
    public func makeStaging() throws -> URL {
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers()
        let staging = parent.appendingPathComponent(stagingPrefix + "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))")
        guard mkdir(staging.path, 0o755) == 0 else { throw PublishError(path: staging.path, reason: String(cString: strerror(errno))) }
        return staging
    }

    /// Writes one file into the staging folder and flushes it.
    public func write(_ bytes: [UInt8], named name: String, in staging: URL) throws {
        let path = staging.appendingPathComponent(name).path
        do { try POSIXFile.write(bytes, to: path, sync: true) } catch { throw PublishError(path: path, reason: error.reason) }
    }

    /// Puts an already published file into the staging folder: a hard link where the file system allows
    /// it (published files are never changed in place), else a flushed copy.
    public func carryOver(_ file: URL, into staging: URL) throws {
        let destination = staging.appendingPathComponent(file.lastPathComponent)
        if link(file.path, destination.path) == 0 { return }
        let bytes: [UInt8]
        do { bytes = [UInt8](try Data(contentsOf: file)) } catch { throw PublishError(path: file.path, reason: error.localizedDescription) }
        try write(bytes, named: file.lastPathComponent, in: staging)
    }

    /// Swaps the staging folder in and removes what was there before.
    public func publish(_ staging: URL) throws {
        syncDirectory(staging.path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw PublishError(path: target.path, reason: "exists and is not a folder") }
            guard Self.exchange(staging.path, target.path) else {
                throw PublishError(path: target.path, reason: "atomic exchange failed: \(String(cString: strerror(errno)))")
            }
            // `staging` now holds the previous outputs.
            syncDirectory(parent.path)
            try? FileManager.default.removeItem(at: staging)
        } else {
            guard rename(staging.path, target.path) == 0 else { throw PublishError(path: target.path, reason: String(cString: strerror(errno))) }
        }
        syncDirectory(parent.path)
    }

    /// Staging folders of runs that died before publishing (their pid is gone) are removed.
    public func removeLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            let pidText = name.dropFirst(stagingPrefix.count).prefix { $0 != "-" }
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    private func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's renameat2, looked up at run time because the Swift overlay does not declare it.
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
