import Foundation

/// A row the reader could not split into fields, and why.
public enum CSVRowProblem: Sendable, Hashable {
    /// A quoted field opened in `column` (1-based) and did not close before the end of the file or within
    /// the reader's bounds.
    case unterminatedQuote(column: Int)
    /// A quoted field in `column` closed and was followed by more text instead of a delimiter.
    case textAfterQuote(column: Int)
}

/// Limits that keep one broken row from swallowing the rest of a file.
public struct CSVReaderLimits: Sendable, Hashable {
    /// A quoted field may run over at most this many line breaks.
    public var maxLinesInQuotedField: Int
    /// A quoted field may hold at most this many bytes.
    public var maxQuotedFieldBytes: Int
    /// Bytes read from the file at a time.
    public var chunkSize: Int

    public init(maxLinesInQuotedField: Int = 64, maxQuotedFieldBytes: Int = 1 << 20, chunkSize: Int = 1 << 20) {
        self.maxLinesInQuotedField = maxLinesInQuotedField
        self.maxQuotedFieldBytes = maxQuotedFieldBytes
        self.chunkSize = chunkSize
    }
}

/// A streaming RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF, LF and
/// lone CR line ends, a last line without a line end, and a byte-order mark.
///
/// The file is read in fixed chunks and split on bytes, so memory stays flat whatever the file's size.
/// Each record is handed to a closure together with its 1-based physical line number; its fields are views
/// into the reader's buffer and are valid only during the call. Empty lines are skipped (they still count
/// for line numbers).
///
/// An opening quote that never closes does not swallow the file: when the quoted field runs past the end
/// of the file or past the limits, the record's first physical line is handed out with a problem, and
/// reading resumes on the next line.
public final class CSVReader {
    /// The encoding the file is read with.
    public let encoding: String
    /// The delimiter used: the mapping's, or the one detected from the first lines.
    public private(set) var delimiter: UInt8
    /// Bytes that could not be decoded in the file's encoding (replaced by U+FFFD).
    public var replacements: Int { source.replacements }
    /// After `forEachRecord`: the line of the last record when the file ends inside it, with no line
    /// end after it. Exports end every row with a line end; one that does not may have been cut short.
    public private(set) var unterminatedLastLine: Int?

    private let source: CSVByteSource
    private let limits: CSVReaderLimits
    private var buffer: [UInt8] = []
    private var spans: ContiguousArray<CSVFieldSpan> = []

    /// Opens `url`. `encoding` nil detects it; `delimiter` nil detects comma, tab or semicolon.
    public init(url: URL, encoding: String? = nil, delimiter: UInt8? = nil, limits: CSVReaderLimits = .init()) throws(CSVOpenError) {
        source = try CSVByteSource(path: url.path, declaredEncoding: encoding, chunkSize: limits.chunkSize)
        self.encoding = source.encoding
        self.limits = limits
        buffer.reserveCapacity(limits.chunkSize * 2)
        spans.reserveCapacity(64)
        _ = source.read(appendingTo: &buffer)
        self.delimiter = delimiter ?? CSVDelimiterDetector.detect(in: buffer)
    }

    private enum Step {
        case record(next: Int, lineBreaks: Int)
        case needMore
        case problem(CSVRowProblem)
    }

    /// Calls `body` for every record in file order; `body` returns false to stop early.
    public func forEachRecord(_ body: (inout CSVRecord) -> Bool) {
        // The buffers move into locals for the loop: every access to a class's stored property is
        // checked for exclusivity at run time, which costs more than the splitting itself.
        var buffer = self.buffer
        var spans = self.spans
        var unterminated: Int?
        self.buffer = []
        self.spans = []
        defer {
            self.buffer = buffer
            self.spans = spans
            unterminatedLastLine = unterminated
        }
        let delimiter = self.delimiter
        let limits = self.limits
        var pos = 0
        var line = 1
        var eof = source.atEnd
        while true {
            if pos >= buffer.count {
                if eof { return }
                buffer.removeAll(keepingCapacity: true)
                pos = 0
                if !source.read(appendingTo: &buffer) { eof = true }
                continue
            }
            let step = buffer.withUnsafeMutableBufferPointer {
                Self.parse(in: UnsafeMutableBufferPointer(rebasing: $0[...]), from: pos, eof: eof, spans: &spans, delimiter: delimiter, limits: limits)
            }
            switch step {
            case .needMore:
                // Keep the unfinished record, drop what was handed out, and read on.
                if pos > 0 {
                    buffer.removeSubrange(0..<pos)
                    pos = 0
                }
                if !source.read(appendingTo: &buffer) { eof = true }
            case let .record(next, lineBreaks):
                let isEmptyLine = spans.count == 1 && spans[0].start == spans[0].end && !spans[0].quoted
                if !isEmptyLine {
                    let keepGoing = buffer.withUnsafeMutableBufferPointer { buf in
                        spans.withUnsafeMutableBufferPointer { sp in
                            for k in sp.indices where sp[k].escaped { sp[k].end = Self.unescape(buf, sp[k].start, sp[k].end) }
                            let rawEnd = Self.trimLineEnd(buf, pos, next)
                            if eof, rawEnd == buf.count { unterminated = line }
                            var record = CSVRecord(line: line, problem: nil, bytes: UnsafeBufferPointer(buf), spans: UnsafeBufferPointer(sp),
                                                   raw: pos..<rawEnd)
                            return body(&record)
                        }
                    }
                    if !keepGoing { return }
                }
                line += lineBreaks
                pos = next
            case let .problem(problem):
                // Reject the record's first physical line and read on from the next one.
                guard let (lineEnd, next) = buffer.withUnsafeBufferPointer({ Self.physicalLineEnd($0, from: pos, eof: eof) }) else {
                    if pos > 0 {
                        buffer.removeSubrange(0..<pos)
                        pos = 0
                    }
                    if !source.read(appendingTo: &buffer) { eof = true }
                    continue
                }
                if eof, lineEnd == buffer.count { unterminated = line }
                let keepGoing = buffer.withUnsafeMutableBufferPointer { buf in
                    var record = CSVRecord(line: line, problem: problem, bytes: UnsafeBufferPointer(buf), spans: UnsafeBufferPointer(start: nil, count: 0),
                                           raw: pos..<lineEnd)
                    return body(&record)
                }
                if !keepGoing { return }
                line += 1
                pos = next
            }
        }
    }

    // MARK: - Splitting

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Splits one record starting at `p` into `spans`.
    private static func parse(
        in buf: UnsafeMutableBufferPointer<UInt8>, from p: Int, eof: Bool, spans: inout ContiguousArray<CSVFieldSpan>,
        delimiter: UInt8, limits: CSVReaderLimits
    ) -> Step {
        spans.removeAll(keepingCapacity: true)
        let end = buf.count
        let quote = Self.quote, cr = Self.cr, lf = Self.lf
        var i = p
        var lineBreaks = 0
        while true {
            if i < end, buf[i] == quote {
                i += 1
                let contentStart = i
                var escaped = false
                var quotedBreaks = 0
                while true {
                    if i >= end {
                        if !eof && i - contentStart <= limits.maxQuotedFieldBytes { return .needMore }
                        return .problem(.unterminatedQuote(column: spans.count + 1))
                    }
                    let c = buf[i]
                    if c == quote {
                        if i + 1 >= end {
                            if !eof { return .needMore }
                            spans.append(CSVFieldSpan(start: contentStart, end: i, quoted: true, escaped: escaped))
                            return .record(next: end, lineBreaks: lineBreaks)
                        }
                        let n = buf[i + 1]
                        if n == quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        spans.append(CSVFieldSpan(start: contentStart, end: i, quoted: true, escaped: escaped))
                        i += 1
                        if n == delimiter {
                            i += 1
                            break
                        }
                        if n == cr || n == lf { return terminate(buf, at: i, lineBreaks: lineBreaks, eof: eof) }
                        return .problem(quotedBreaks > 0 ? .unterminatedQuote(column: spans.count) : .textAfterQuote(column: spans.count))
                    }
                    if c == lf || c == cr {
                        lineBreaks += 1
                        quotedBreaks += 1
                        i += 1
                        if c == cr {
                            if i >= end, !eof { return .needMore }
                            if i < end, buf[i] == lf { i += 1 }
                        }
                        if quotedBreaks > limits.maxLinesInQuotedField { return .problem(.unterminatedQuote(column: spans.count + 1)) }
                        continue
                    }
                    i += 1
                    if i - contentStart > limits.maxQuotedFieldBytes { return .problem(.unterminatedQuote(column: spans.count + 1)) }
                }
                continue
            }
            // An unquoted field runs to the next delimiter or line end; a quote inside it is a plain character.
            let fieldStart = i
            i = nextStop(buf, from: i, delimiter: delimiter)
            if i >= end {
                if !eof { return .needMore }
                spans.append(CSVFieldSpan(start: fieldStart, end: end, quoted: false, escaped: false))
                return .record(next: end, lineBreaks: lineBreaks)
            }
            spans.append(CSVFieldSpan(start: fieldStart, end: i, quoted: false, escaped: false))
            if buf[i] == delimiter {
                i += 1
                if i >= end {
                    if !eof { return .needMore }
                    spans.append(CSVFieldSpan(start: end, end: end, quoted: false, escaped: false))
                    return .record(next: end, lineBreaks: lineBreaks)
                }
                continue
            }
            return terminate(buf, at: i, lineBreaks: lineBreaks, eof: eof)
        }
    }

    /// The first delimiter, CR or LF at or after `start` (or the buffer's end), looked for eight bytes at a
    /// time: a byte equal to one of them is a zero byte of the word XORed with it, and the lowest zero
    /// byte of a word is found exactly by the borrow trick (higher ones may be false hits, never lower).
    @inline(__always)
    static func nextStop(_ buf: UnsafeMutableBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int {
        let end = buf.count
        var i = start
        if let base = buf.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let d = UInt64(delimiter) &* ones, r = UInt64(cr) &* ones, n = UInt64(lf) &* ones
            while i + 8 <= end {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let a = w ^ d, b = w ^ r, c = w ^ n
                let hits = (((a &- ones) & ~a) | ((b &- ones) & ~b) | ((c &- ones) & ~c)) & highs
                if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end {
            let c = buf[i]
            if c == delimiter || c == cr || c == lf { break }
            i += 1
        }
        return i
    }

    /// Consumes the line end at `i` (CRLF, LF or a lone CR).
    @inline(__always)
    private static func terminate(_ buf: UnsafeMutableBufferPointer<UInt8>, at i: Int, lineBreaks: Int, eof: Bool) -> Step {
        if buf[i] == Self.lf { return .record(next: i + 1, lineBreaks: lineBreaks + 1) }
        if i + 1 < buf.count {
            return .record(next: buf[i + 1] == Self.lf ? i + 2 : i + 1, lineBreaks: lineBreaks + 1)
        }
        if !eof { return .needMore }
        return .record(next: i + 1, lineBreaks: lineBreaks + 1)
    }

    /// The end of the physical line starting at `p` (before its line end) and where the next line starts.
    private static func physicalLineEnd(_ buf: UnsafeBufferPointer<UInt8>, from p: Int, eof: Bool) -> (Int, Int)? {
        var i = p
        while i < buf.count {
            let c = buf[i]
            if c == lf { return (i, i + 1) }
            if c == cr {
                if i + 1 < buf.count { return (i, buf[i + 1] == lf ? i + 2 : i + 1) }
                return eof ? (i, i + 1) : nil
            }
            i += 1
        }
        return eof ? (buf.count, buf.count) : nil
    }

    private static func trimLineEnd(_ buf: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start, buf[e - 1] == lf || buf[e - 1] == cr { e -= 1 }
        return e
    }

    /// Turns each doubled quote into one, in place; returns the new end of the field.
    private static func unescape(_ buf: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var r = start
        var w = start
        while r < end {
            let c = buf[r]
            buf[w] = c
            w += 1
            r += (c == quote && r + 1 < end && buf[r + 1] == quote) ? 2 : 1
        }
        return w
    }
}

/// Where one field lies in the reader's buffer.
struct CSVFieldSpan {
    var start: Int
    var end: Int
    var quoted: Bool
    var escaped: Bool
}
