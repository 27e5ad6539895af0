import CityPulseQuantities
import CZlib

/// The run cache's entry form of a `FileResult`: written and read field by field, every stored
/// property in a fixed order, so a result read back is equal to the one written.
///
/// An entry is a header (`CPRES\0` and the format version, little-endian `UInt16`), the payload, and
/// a trailer: the payload's length (`UInt64`) and the CRC-32 of everything before it (`UInt32`), both
/// little-endian. An entry torn by a killed run or damaged on disk fails the length or checksum test
/// and reads as missing.
extension FileResult {
    static let entryMagic: [UInt8] = Array("CPRES\0".utf8)
    /// Raised whenever the payload's layout changes, so entries of another layout read as missing.
    static let entryVersion: UInt16 = 1
    static let entryHeaderSize = 8
    static let entryTrailerSize = 12

    /// The entry bytes of this result.
    func entryBytes() -> [UInt8] {
        Self.entryBytes { $0.write(self) }
    }

    /// An entry around the payload `write` appends: header, payload, trailer.
    static func entryBytes(magic: [UInt8] = entryMagic, version: UInt16 = entryVersion, _ write: (inout BinaryWriter) -> Void) -> [UInt8] {
        var w = BinaryWriter(capacity: 4096)
        w.writeBytes(magic)
        w.writeFixed(version)
        write(&w)
        w.writeFixed(UInt64(w.bytes.count - entryHeaderSize))
        w.writeFixed(w.bytes.withUnsafeBytes { crc32($0) })
        return w.bytes
    }

    /// The result an entry holds; throws when the entry is torn, damaged or of another version.
    init(entry bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try Self.read(entry: $0) }
    }

    static func read(entry raw: UnsafeRawBufferPointer) throws -> FileResult {
        try read(entry: raw, magic: entryMagic, version: entryVersion) { try $0.readFileResult() }
    }

    /// The payload of an entry with this magic and version, read by `read`; throws when the entry is
    /// torn, damaged, of another kind or of another version.
    static func read<T>(entry raw: UnsafeRawBufferPointer, magic: [UInt8], version expected: UInt16, _ read: (inout BinaryReader) throws -> T) throws -> T {
        let header = entryHeaderSize, payloadEnd = raw.count - entryTrailerSize
        guard payloadEnd >= header else { throw BinaryReadError(offset: raw.count, reason: "entry shorter than its header and trailer") }
        var head = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[..<header]))
        guard try head.readBytes(magic.count).elementsEqual(magic) else { throw head.failure("not an entry of this kind") }
        let version: UInt16 = try head.readFixed()
        guard version == expected else { throw head.failure("entry version \(version), expected \(expected)") }

        var tail = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[payloadEnd...]))
        let length: UInt64 = try tail.readFixed()
        guard length == UInt64(payloadEnd - header) else { throw tail.failure("payload length \(length) does not match the entry") }
        let checksum: UInt32 = try tail.readFixed()
        guard checksum == crc32(UnsafeRawBufferPointer(rebasing: raw[..<(payloadEnd + 8)])) else { throw tail.failure("checksum mismatch") }

        var payload = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[header..<payloadEnd]))
        let result = try read(&payload)
        guard payload.isAtEnd else { throw payload.failure("bytes left after the payload") }
        return result
    }

    static func crc32(_ raw: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(truncatingIfNeeded: crc32_z(0, raw.baseAddress?.assumingMemoryBound(to: Bytef.self), z_size_t(raw.count)))
    }
}

// MARK: - Writing

extension BinaryWriter {
    mutating func write(_ r: FileResult) {
        writeArray(r.documents) { $0.write($1) }
        writeArray(r.facts) { $0.write($1) }
        writeArray(r.diagnostics) { $0.write($1) }
        writeOptional(r.table) { $0.write($1) }
    }

    mutating func write(_ d: Document) {
        writeString(d.path)
        writeString(d.sourceID)
        writeString(d.contentHash)
        writeString(d.encoding)
        writeOptionalString(d.title)
        writeOptional(d.published) { $0.write($1) }
        writeOptionalString(d.site)
        writeOptionalString(d.author)
        writeOptionalString(d.editor)
        writeOptionalString(d.url)
        writeBool(d.isArticle)
        writeString(d.text)
    }

    mutating func write(_ f: Fact) {
        writeString(f.metric)
        writeCount(Fact.Kind.allCases.firstIndex(of: f.kind)!)
        write(f.value)
        writeOptional(f.lower) { $0.write($1) }
        writeOptional(f.upper) { $0.write($1) }
        writeOptional(f.qualifier) { $0.writeCount(Qualifier.allCases.firstIndex(of: $1)!) }
        writeString(f.unit)
        writeString(f.unitAsWritten)
        writeOptional(f.period) { $0.write($1.start); $0.write($1.end) }
        writeOptionalString(f.region)
        writeStringDictionary(f.dimensions)
        writeArray(f.sources) { $0.write($1) }
    }

    mutating func write(_ p: Provenance) {
        writeString(p.file)
        writeString(p.contentHash)
        writeOptional(p.published) { $0.write($1) }
        writeOptionalString(p.title)
        writeOptionalString(p.url)
        writeOptionalString(p.sentence)
        writeOptional(p.spanInSentence) { $0.write($1) }
        writeOptional(p.offsets) { $0.write($1) }
        writeOptional(p.line) { $0.writeInt($1) }
        writeOptionalString(p.column)
    }

    mutating func write(_ d: Diagnostic) {
        writeByte(d.severity.code)
        writeString(d.stage)
        writeString(d.file)
        writeOptional(d.line) { $0.writeInt($1) }
        writeOptional(d.column) { $0.writeInt($1) }
        writeString(d.message)
    }

    mutating func write(_ t: CSVExtraction) {
        writeArray(t.facts) { $0.write($1) }
        writeArray(t.rejects) { $0.write($1) }
        writeInt(t.rowsRead)
        writeInt(t.rowsUsed)
        writeInt(t.rowsRejected)
        writeInt(t.rowsFiltered)
        writeString(t.encoding)
        writeStrings(t.notes)
        writeArray(t.diagnostics) { $0.write($1) }
        writeInt(t.rejectsTotal)
        writeInts(t.rowCounts)
        writeStringDictionary(t.metadata)
        writeString(t.delimiter)
    }

    mutating func write(_ r: Reject) {
        writeString(r.file)
        writeInt(r.line)
        writeOptionalString(r.column)
        writeString(r.reason)
        writeString(r.excerpt)
    }

    /// Significand and exponent as they are held (always normalized), so the value is exact.
    mutating func write(_ x: ExactDecimal) {
        writeSigned(x.significand)
        writeInt(x.exponent)
    }

    mutating func write(_ d: Day) {
        writeInt(d.year)
        writeInt(d.month)
        writeInt(d.day)
    }

    mutating func write(_ r: Range<Int>) {
        writeInt(r.lowerBound)
        writeInt(r.upperBound)
    }

    mutating func writeOptionalString(_ s: String?) {
        writeOptional(s) { $0.writeString($1) }
    }
}

// MARK: - Reading

extension BinaryReader {
    mutating func readFileResult() throws -> FileResult {
        FileResult(
            documents: try readArray { try $0.readDocument() },
            facts: try readArray { try $0.readFact() },
            diagnostics: try readArray { try $0.readDiagnostic() },
            table: try readOptional { try $0.readTable() }
        )
    }

    mutating func readDocument() throws -> Document {
        Document(
            path: try readString(), sourceID: try readString(), contentHash: try readString(), encoding: try readString(),
            title: try readOptionalString(), published: try readOptional { try $0.readDay() }, site: try readOptionalString(),
            author: try readOptionalString(), editor: try readOptionalString(), url: try readOptionalString(),
            isArticle: try readBool(), text: try readString()
        )
    }

    mutating func readFact() throws -> Fact {
        Fact(
            metric: try readString(), kind: try readCase(of: Fact.Kind.self), value: try readDecimal(),
            lower: try readOptional { try $0.readDecimal() }, upper: try readOptional { try $0.readDecimal() },
            qualifier: try readOptional { try $0.readCase(of: Qualifier.self) },
            unit: try readString(), unitAsWritten: try readString(),
            period: try readOptional { Period(start: try $0.readDay(), end: try $0.readDay()) },
            region: try readOptionalString(), dimensions: try readStringDictionary(),
            sources: try readArray { try $0.readProvenance() }
        )
    }

    mutating func readProvenance() throws -> Provenance {
        Provenance(
            file: try readString(), contentHash: try readString(), published: try readOptional { try $0.readDay() },
            title: try readOptionalString(), url: try readOptionalString(), sentence: try readOptionalString(),
            spanInSentence: try readOptional { try $0.readRange() }, offsets: try readOptional { try $0.readRange() },
            line: try readOptional { try $0.readInt() }, column: try readOptionalString()
        )
    }

    mutating func readDiagnostic() throws -> Diagnostic {
        let code = try readByte()
        guard let severity = Diagnostic.Severity(code: code) else { throw failure("severity \(code)") }
        return Diagnostic(severity, stage: try readString(), file: try readString(),
                           line: try readOptional { try $0.readInt() }, column: try readOptional { try $0.readInt() },
                           Diagnostic.Message(try readString()))
    }

    mutating func readTable() throws -> CSVExtraction {
        CSVExtraction(
            facts: try readArray { try $0.readFact() }, rejects: try readArray { try $0.readReject() },
            rowsRead: try readInt(), rowsUsed: try readInt(), rowsRejected: try readInt(), rowsFiltered: try readInt(),
            encoding: try readString(), notes: try readStrings(), diagnostics: try readArray { try $0.readDiagnostic() },
            rejectsTotal: try readInt(), rowCounts: try readInts(), metadata: try readStringDictionary(), delimiter: try readString()
        )
    }

    mutating func readReject() throws -> Reject {
        Reject(file: try readString(), line: try readInt(), column: try readOptionalString(), reason: try readString(),
               excerpt: try readString())
    }

    /// A decimal; one that is not in normalized form was never written and is damage.
    mutating func readDecimal() throws -> ExactDecimal {
        let significand = try readSigned()
        let exponent = try readInt()
        let value = ExactDecimal(significand: significand, exponent: exponent)
        guard value.significand == significand, value.exponent == exponent else {
            throw failure("decimal \(significand)e\(exponent) is not normalized")
        }
        return value
    }

    /// A day with the fields as written: a day held in memory is read back as it was, valid or not.
    mutating func readDay() throws -> Day {
        var day = Day.unixEpoch
        day.year = try readInt()
        day.month = try readInt()
        day.day = try readInt()
        return day
    }

    mutating func readRange() throws -> Range<Int> {
        let lower = try readInt(), upper = try readInt()
        guard lower <= upper else { throw failure("range \(lower)..<\(upper)") }
        return lower..<upper
    }

    mutating func readCase<T: CaseIterable>(of _: T.Type) throws -> T where T.AllCases == [T] {
        let index = try readNonNegative()
        guard index < T.allCases.count else { throw failure("case \(index) of \(T.self)") }
        return T.allCases[index]
    }

    mutating func readOptionalString() throws -> String? {
        try readOptional { try $0.readString() }
    }
}

extension Day {
    static let unixEpoch = Day(ordinal: 0)
}

extension Diagnostic.Severity {
    var code: UInt8 {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    init?(code: UInt8) {
        switch code {
        case 0: self = .note
        case 1: self = .warning
        case 2: self = .error
        default: return nil
        }
    }
}
