import Foundation

/// The cache's result entries of one writer, appended to one file (a pack) instead of a file each:
/// an archive of hundreds of thousands of inputs would otherwise make as many files, which shared
/// storage handles badly and every lookup pays for in `open` and `close`.
///
/// A pack is a sequence of records: `CPRK`, the entry's key (32 bytes, SHA-256), the entry's
/// length (`UInt64`, little-endian) and the entry (`FileResult`'s entry form, with its own length and
/// CRC-32). An index file beside it (`NAME.idx`, in the entry form) maps keys to records up to the
/// length it covers; records appended after it, by a run that was killed before writing a new index,
/// are found by reading their headers. A record is checked against its key when it is read, so a
/// stale index can only cause a miss. A record torn by a killed run ends the pack for readers, and
/// its writer cuts it off before appending again.
public final class ResultPack: @unchecked Sendable {
    public typealias Key = [UInt8]
    struct Location: Sendable { var offset: Int; var length: Int }

    static let recordMagic: [UInt8] = Array("CPRK".utf8)
    static let headerSize = 4 + 32 + 8
    static let indexMagic: [UInt8] = Array("CPPIX\0".utf8)

    let url: URL
    var indexURL: URL { url.deletingPathExtension().appendingPathExtension("idx") }
    private let fd: Int32
    private let lock = NSLock()
    private var locations: [Key: Location] = [:]
    /// Where the next record goes (the end of the last whole record).
    private var end: Int

    /// Opens the pack at `url`, for appending when `writable` (creating it if missing). Nil when it
    /// cannot be opened (a pack that is not there, for a reader).
    init?(url: URL, writable: Bool) {
        self.url = url
        let fd = open(url.path, (writable ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        self.fd = fd
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        var from = 0
        end = 0
        if let bytes = try? POSIXFile.read(url.deletingPathExtension().appendingPathExtension("idx").path),
           let (covered, known) = try? bytes.withUnsafeBytes({ try Self.readIndex($0) }), covered <= size {
            locations = known
            from = covered
        }
        end = from
        scan(from: from, size: size)
        if writable, end < size { _ = ftruncate(fd, off_t(end)) }
    }

    deinit { close(fd) }

    /// Reads the record headers from `offset` on, up to the first that is torn or not a record.
    private func scan(from offset: Int, size: Int) {
        var at = offset
        var header = [UInt8](repeating: 0, count: Self.headerSize)
        while at + Self.headerSize <= size {
            guard pread(fd, &header, Self.headerSize, off_t(at)) == Self.headerSize,
                  header.prefix(4).elementsEqual(Self.recordMagic) else { break }
            let length = Self.recordLength(header)
            guard length <= UInt64(size - at - Self.headerSize) else { break }
            let next = at + Self.headerSize + Int(length)
            locations[Array(header[4..<36])] = Location(offset: at, length: Int(length))
            at = next
        }
        end = at
    }

    var keys: [Key] {
        lock.lock()
        defer { lock.unlock() }
        return Array(locations.keys)
    }

    func location(of key: Key) -> Location? {
        lock.lock()
        defer { lock.unlock() }
        return locations[key]
    }

    /// The entry stored under `key`; nil when there is none or its record does not hold that key.
    func entry(_ key: Key) -> [UInt8]? {
        guard let at = location(of: key) else { return nil }
        return Self.read(fd: fd, at: at, key: key)
    }

    static func read(fd: Int32, at: Location, key: Key) -> [UInt8]? {
        var record = [UInt8](repeating: 0, count: headerSize + at.length)
        var done = 0
        while done < record.count {
            let n = record.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(at.offset + done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        let length = recordLength(record)
        guard record.prefix(4).elementsEqual(recordMagic), record[4..<36].elementsEqual(key), length == UInt64(at.length) else { return nil }
        return Array(record[headerSize...])
    }

    /// The entry length a record header holds (bytes 36..<44, little-endian).
    static func recordLength(_ header: [UInt8]) -> UInt64 {
        header[36..<44].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// Appends an entry under `key`; only the pack's one writer calls it, one call at a time.
    func append(_ entry: [UInt8], key: Key) throws(POSIXFileError) {
        var record = Self.recordMagic + key
        record.reserveCapacity(Self.headerSize + entry.count)
        var length = UInt64(entry.count)
        for _ in 0..<8 { record.append(UInt8(length & 0xFF)); length >>= 8 }
        record += entry
        lock.lock()
        let offset = end
        lock.unlock()
        var done = 0
        while done < record.count {
            let n = record.withUnsafeBytes { pwrite(fd, $0.baseAddress! + done, $0.count - done, off_t(offset + done)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXFileError(reason: String(cString: strerror(errno)))
            }
            done += n
        }
        lock.lock()
        locations[key] = Location(offset: offset, length: entry.count)
        end = offset + record.count
        lock.unlock()
    }

    /// Writes the index of every record so far.
    func saveIndex() {
        lock.lock()
        let (covered, snapshot) = (end, locations)
        lock.unlock()
        RunCache.writeAtomically(Self.indexBytes(covered: covered, snapshot), to: indexURL)
    }

    /// Bytes of the records the keys in `live` refer to, and of all records.
    func sizes(live: Set<Key>) -> (live: Int, all: Int) {
        lock.lock()
        defer { lock.unlock() }
        let liveBytes = locations.filter { live.contains($0.key) }.reduce(0) { $0 + Self.headerSize + $1.value.length }
        return (liveBytes, end)
    }

    /// Forgets the records of keys not in `live` (their bytes stay until the pack is rewritten).
    func forget(keeping live: Set<Key>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let before = locations.count
        locations = locations.filter { live.contains($0.key) }
        return before - locations.count
    }

    /// The pack `url` rewritten to hold only the records of `live` found in `packs`, written to a
    /// temporary name and renamed over `url`; with its index. Returns the number of records written.
    static func compact(_ packs: [ResultPack], keeping live: Set<Key>, into url: URL) throws(POSIXFileError) -> Int {
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        unlink(temp.path)
        guard let fresh = ResultPack(url: temp, writable: true) else { throw POSIXFileError(reason: "cannot create \(temp.path)") }
        var written = Set<Key>()
        for pack in packs {
            for key in pack.keys where live.contains(key) && !written.contains(key) {
                guard let entry = pack.entry(key) else { continue }
                try fresh.append(entry, key: key)
                written.insert(key)
            }
        }
        guard rename(temp.path, url.path) == 0 else {
            unlink(temp.path)
            throw POSIXFileError(reason: String(cString: strerror(errno)))
        }
        RunCache.writeAtomically(indexBytes(covered: fresh.end, fresh.locations), to: url.deletingPathExtension().appendingPathExtension("idx"))
        return written.count
    }

    static func indexBytes(covered: Int, _ locations: [Key: Location]) -> [UInt8] {
        FileResult.entryBytes(magic: indexMagic, version: 1) { w in
            w.writeUnsigned(UInt64(covered))
            w.writeArray(locations.keys.sorted { $0.lexicographicallyPrecedes($1) }) { w, key in
                w.writeBytes(key)
                w.writeUnsigned(UInt64(locations[key]!.offset))
                w.writeUnsigned(UInt64(locations[key]!.length))
            }
        }
    }

    static func readIndex(_ raw: UnsafeRawBufferPointer) throws -> (Int, [Key: Location]) {
        try FileResult.read(entry: raw, magic: indexMagic, version: 1) { r in
            let covered = try r.readNonNegative()
            let count = try r.readCount(minimumSize: 34)
            var locations: [Key: Location] = [:]
            locations.reserveCapacity(count)
            for _ in 0..<count {
                let key = Array(try r.readBytes(32))
                locations[key] = Location(offset: try r.readNonNegative(), length: try r.readNonNegative())
            }
            return (covered, locations)
        }
    }
}
