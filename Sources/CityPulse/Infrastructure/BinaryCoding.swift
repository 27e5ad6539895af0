/// A compact binary form, appended to a byte array: LEB128 varints (signed ones zigzag-mapped),
/// length-prefixed UTF-8 strings, counted arrays. Values are written in a fixed order by hand-written
/// functions, with no keys and no per-value metadata, so writing is a few appends per field.
struct BinaryWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func writeByte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Appends raw bytes, with no length before them.
    mutating func writeBytes(_ raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// A fixed-width little-endian integer, for headers and trailers that are read at a known place.
    mutating func writeFixed<T: FixedWidthInteger & UnsignedInteger>(_ value: T) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
    }

    /// An unsigned LEB128 varint: seven bits a byte, low bits first, the high bit set on all but the last.
    mutating func writeUnsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A signed integer, zigzag-mapped (0, -1, 1, -2… become 0, 1, 2, 3…) so small negatives stay short.
    mutating func writeInt(_ value: Int) {
        writeSigned(Int64(value))
    }

    mutating func writeSigned(_ value: Int64) {
        writeUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// A count or other value that is never negative.
    mutating func writeCount(_ value: Int) {
        writeUnsigned(UInt64(UInt(bitPattern: value)))
    }

    mutating func writeBool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// The UTF-8 byte count, then the bytes as they are in the string (never normalized).
    mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            writeCount(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A presence byte, then the value when there is one.
    mutating func writeOptional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        guard let value else { return writeBool(false) }
        writeBool(true)
        write(&self, value)
    }

    /// The element count, then each element.
    mutating func writeArray<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        writeCount(values.count)
        for value in values { write(&self, value) }
    }

    mutating func writeStrings(_ values: [String]) {
        writeArray(values) { $0.writeString($1) }
    }

    mutating func writeInts(_ values: [Int]) {
        writeArray(values) { $0.writeInt($1) }
    }

    /// The pair count, then key and value of each pair in key order (by UTF-8 bytes), so equal
    /// dictionaries always give the same bytes.
    mutating func writeStringDictionary(_ values: [String: String]) {
        writeCount(values.count)
        guard !values.isEmpty else { return }
        for (key, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            writeString(key)
            writeString(value)
        }
    }
}

/// Why bytes could not be read back: they end too early, or hold something no writer produces.
struct BinaryReadError: Error, Sendable, CustomStringConvertible {
    var offset: Int
    var reason: String
    var description: String { "unreadable binary data at byte \(offset): \(reason)" }
}

/// Reads what `BinaryWriter` wrote, from memory that outlives the reader. Every read checks the bounds
/// first and throws when the bytes end too early or hold an impossible value, so a torn or damaged
/// input is an error, never a trap or a read past the end.
struct BinaryReader {
    private let buffer: UnsafeRawBufferPointer
    /// Where the next read starts.
    private(set) var offset: Int

    /// A reader over `buffer`, which must stay valid while the reader is used.
    init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        offset = 0
    }

    /// Runs `body` with a reader over `bytes`.
    static func read<R>(_ bytes: [UInt8], _ body: (inout BinaryReader) throws -> R) throws -> R {
        try bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            return try body(&reader)
        }
    }

    var remaining: Int { buffer.count - offset }
    var isAtEnd: Bool { offset == buffer.count }

    func failure(_ reason: String) -> BinaryReadError {
        BinaryReadError(offset: offset, reason: reason)
    }

    mutating func readByte() throws -> UInt8 {
        guard offset < buffer.count else { throw failure("ends inside a value") }
        let b = buffer[offset]
        offset += 1
        return b
    }

    /// The next `count` bytes, without copying; valid as long as the buffer is.
    mutating func readBytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else { throw failure("ends inside a \(count)-byte run") }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
        offset += count
        return slice
    }

    mutating func readFixed<T: FixedWidthInteger & UnsignedInteger>(_: T.Type = T.self) throws -> T {
        let raw = try readBytes(MemoryLayout<T>.size)
        var value: T = 0
        for (i, b) in raw.enumerated() { value |= T(b) << (8 * i) }
        return value
    }

    mutating func readUnsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            // The tenth byte holds the 64th bit only.
            if shift == 63, b > 1 { throw failure("varint longer than 64 bits") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readSigned() throws -> Int64 {
        let v = try readUnsigned()
        return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
    }

    mutating func readInt() throws -> Int {
        Int(truncatingIfNeeded: try readSigned())
    }

    /// A count of things still to read: each takes at least `minimumSize` bytes, so a count larger
    /// than the bytes left can hold is damage, refused before any memory is set aside for it.
    mutating func readCount(minimumSize: Int = 1) throws -> Int {
        let v = try readUnsigned()
        guard v <= UInt64(remaining / max(1, minimumSize)) else { throw failure("count \(v) exceeds the bytes left") }
        return Int(v)
    }

    /// A value that is never negative (the counterpart of `writeCount` for non-counts).
    mutating func readNonNegative() throws -> Int {
        let v = try readUnsigned()
        guard v <= UInt64(Int.max) else { throw failure("value \(v) out of range") }
        return Int(v)
    }

    mutating func readBool() throws -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let b: throw failure("flag byte \(b)")
        }
    }

    /// A string; bytes that are not valid UTF-8 are damage, not replaced.
    mutating func readString() throws -> String {
        let count = try readCount(minimumSize: 1)
        guard count > 0 else { return "" }
        let start = offset
        let utf8 = try readBytes(count).assumingMemoryBound(to: UInt8.self)
        // Decoding repairs bad UTF-8 (U+FFFD in place of each bad sequence), so a string whose bytes
        // differ from the ones read was not valid. (`String(validating:as:)` is not specialized and
        // costs a generic metadata lookup per string.)
        let string = String(decoding: utf8, as: UTF8.self)
        var valid = string.utf8.count == count
        if valid { valid = string.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(utf8) } ?? string.utf8.elementsEqual(utf8) }
        guard valid else { throw BinaryReadError(offset: start, reason: "string is not valid UTF-8") }
        return string
    }

    mutating func readOptional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try readBool() ? read(&self) : nil
    }

    mutating func readArray<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try readCount()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func readStrings() throws -> [String] {
        try readArray { try $0.readString() }
    }

    mutating func readInts() throws -> [Int] {
        try readArray { try $0.readInt() }
    }

    mutating func readStringDictionary() throws -> [String: String] {
        let count = try readCount(minimumSize: 2)
        var values: [String: String] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try readString()
            guard values.updateValue(try readString(), forKey: key) == nil else { throw failure("key repeated") }
        }
        return values
    }
}
