#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Why a CSV file could not be opened at all (a bad row is a reject, not one of these).
public struct CSVOpenError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case cannotOpen, unknownEncoding }
    public var kind: Kind
    public var path: String
    public var detail: String
    public var description: String {
        switch kind {
        case .cannotOpen: return "cannot open \(path): \(detail)"
        case .unknownEncoding: return "\(path): the encoding \(detail) is not known"
        }
    }
}

/// A file read in fixed chunks and handed out as UTF-8, transcoded on the way when it is not UTF-8.
///
/// The encoding is decided once, from the first chunk: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE),
/// then the encoding the mapping declares, then UTF-8 if the first chunk is valid UTF-8, else GB18030
/// (which reads GBK and GB2312 as well). The byte-order mark is never handed out.
final class CSVByteSource {
    private let fd: Int32
    private let chunkSize: Int
    private var raw: [UInt8]
    private var converter: IconvConverter?
    private var converted: [UInt8] = []
    private var firstChunk: [UInt8]?
    private(set) var atEnd = false
    /// The encoding the bytes are read with, e.g. `UTF-8`, `UTF-8 (BOM)`, `GB18030`, `UTF-16LE (BOM)`.
    let encoding: String
    /// Bytes the converter could not decode and replaced with U+FFFD.
    var replacements: Int { converter?.replacements ?? 0 }

    init(path: String, declaredEncoding: String?, chunkSize: Int = 1 << 20) throws(CSVOpenError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CSVOpenError(kind: .cannotOpen, path: path, detail: String(cString: strerror(errno)))
        }
        self.fd = fd
        self.chunkSize = chunkSize
        raw = [UInt8](repeating: 0, count: chunkSize)
        var first = Self.readFully(fd: fd, into: &raw, count: chunkSize)
        var encoding = "UTF-8"
        var iconvName: String?
        if first.starts(with: [0xEF, 0xBB, 0xBF]) {
            first.removeFirst(3)
            encoding = "UTF-8 (BOM)"
        } else if first.starts(with: [0xFF, 0xFE]) {
            first.removeFirst(2)
            encoding = "UTF-16LE (BOM)"
            iconvName = "UTF-16LE"
        } else if first.starts(with: [0xFE, 0xFF]) {
            first.removeFirst(2)
            encoding = "UTF-16BE (BOM)"
            iconvName = "UTF-16BE"
        } else if let declared = declaredEncoding, !Self.isUTF8Name(declared) {
            iconvName = Self.iconvName(declared)
            encoding = iconvName!
        } else if declaredEncoding == nil, !Self.isValidUTF8Prefix(first, cutAllowed: first.count == chunkSize) {
            iconvName = "GB18030"
            encoding = "GB18030"
        }
        if let name = iconvName {
            guard let c = IconvConverter(from: name) else {
                close(fd)
                throw CSVOpenError(kind: .unknownEncoding, path: path, detail: name)
            }
            converter = c
        }
        self.encoding = encoding
        firstChunk = first
    }

    deinit { close(fd) }

    /// Appends the next chunk of UTF-8 to `buffer`; returns false at the end of the file.
    func read(appendingTo buffer: inout [UInt8]) -> Bool {
        if atEnd { return false }
        var input: [UInt8]
        if let first = firstChunk {
            firstChunk = nil
            input = first
        } else {
            let n = Self.readFully(fd: fd, into: &raw, count: chunkSize)
            input = n
        }
        let final = input.isEmpty
        if let converter {
            converted.removeAll(keepingCapacity: true)
            converter.convert(input, into: &converted, final: final)
            buffer.append(contentsOf: converted)
        } else {
            buffer.append(contentsOf: input)
        }
        if final { atEnd = true }
        return !final || !converted.isEmpty
    }

    /// Reads up to `count` bytes, retrying short reads, so a chunk is short only at the end of the file.
    private static func readFully(fd: Int32, into raw: inout [UInt8], count: Int) -> [UInt8] {
        var got = 0
        raw.withUnsafeMutableBytes { p in
            while got < count {
                let n = systemRead(fd, p.baseAddress! + got, count - got)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                got += n
            }
        }
        return Array(raw[0..<got])
    }

    static func isUTF8Name(_ name: String) -> Bool {
        let n = name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        return n == "utf8" || n == "utf8bom" || n == "utf8sig"
    }

    /// GBK and GB2312 files are read as GB18030, their superset, so a stray character never fails them.
    static func iconvName(_ name: String) -> String {
        switch name.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "gbk", "gb2312", "gb18030", "cp936", "euccn": return "GB18030"
        case "utf16": return "UTF-16"
        case "utf16le": return "UTF-16LE"
        case "utf16be": return "UTF-16BE"
        case "big5", "cp950": return "CP950"
        default: return name
        }
    }

    /// Whether `bytes` is valid UTF-8, allowing a sequence cut by the end of the chunk.
    static func isValidUTF8Prefix(_ bytes: [UInt8], cutAllowed: Bool) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { len = 2 } else if b & 0xF0 == 0xE0 { len = 3 } else if b & 0xF8 == 0xF0, b <= 0xF4 { len = 4 } else { return false }
            if i + len > n { return cutAllowed }
            for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { return false }
            if len == 3 {
                let cp = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6)
                if cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) { return false }
            }
            i += len
        }
        return true
    }
}

/// The C library's read(2), named apart from the methods called `read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
