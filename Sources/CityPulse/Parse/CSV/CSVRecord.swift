/// One record as the reader hands it out: views into the reader's buffer, valid only during the call.
public struct CSVRecord {
    /// 1-based physical line the record starts on.
    public let line: Int
    /// Set when the record could not be split; it then has no fields, only its raw line.
    public let problem: CSVRowProblem?
    let bytes: UnsafeBufferPointer<UInt8>
    let spans: UnsafeBufferPointer<CSVFieldSpan>
    let raw: Range<Int>

    /// Number of fields.
    public var count: Int { spans.count }

    /// The bytes of field `i` (0-based), quotes removed and doubled quotes undone.
    @inline(__always)
    public subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = spans[i]
        return UnsafeBufferPointer(rebasing: bytes[s.start..<s.end])
    }

    /// Field `i` as text.
    public func string(_ i: Int) -> String { String(decoding: self[i], as: UTF8.self) }

    /// Field `i` as text without surrounding spaces.
    public func trimmed(_ i: Int) -> String { CSVBytes.string(CSVBytes.trim(self[i])) }

    /// Whether field `i` is empty or only spaces.
    public func isBlank(_ i: Int) -> Bool { CSVBytes.trim(self[i]).isEmpty }

    /// The record as it stands in the file (its first line when it has a problem), without the line end.
    public var rawText: String { String(decoding: UnsafeBufferPointer(rebasing: bytes[raw]), as: UTF8.self) }

    /// The raw text cut to `limit` bytes at a character boundary, for reject excerpts.
    public func excerpt(limit: Int = 160) -> String {
        let r = UnsafeBufferPointer(rebasing: bytes[raw])
        if r.count <= limit { return String(decoding: r, as: UTF8.self) }
        var cut = limit
        while cut > 0, r[cut] & 0xC0 == 0x80 { cut -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: r[0..<cut]), as: UTF8.self) + "…"
    }

    /// Whether every field is blank.
    public var isBlank: Bool {
        for i in 0..<count where !isBlank(i) { return false }
        return true
    }
}
