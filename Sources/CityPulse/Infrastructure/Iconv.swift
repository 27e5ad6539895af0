#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A character-set converter to UTF-8 built on the C library's iconv, wrapped once: the descriptor is
/// closed in `deinit`, and invalid input never stops a conversion (it becomes U+FFFD and is counted).
///
/// Feed chunks of any size; a multi-byte sequence cut by a chunk boundary is kept until the next chunk.
public final class IconvConverter {
    private let descriptor: iconv_t
    private var pending: [UInt8] = []
    /// Name of the source encoding as given to iconv.
    public let sourceEncoding: String
    /// Invalid or incomplete sequences replaced so far.
    public private(set) var replacements = 0

    /// A converter from `encoding` (an iconv name such as `GB18030`, `CP950`, `BIG5-HKSCS`, `UTF-16`)
    /// to UTF-8, or nil when the C library does not know the encoding.
    public init?(from encoding: String) {
        guard let d = iconv_open("UTF-8", encoding), d != iconv_t(bitPattern: -1) else { return nil }
        descriptor = d
        sourceEncoding = encoding
    }

    deinit { iconv_close(descriptor) }

    /// Converts `bytes`, appending UTF-8 to `output`. With `final`, a trailing incomplete sequence is
    /// replaced instead of kept for later.
    public func convert(_ bytes: some Collection<UInt8>, into output: inout [UInt8], final: Bool = false) {
        var input = pending
        input.append(contentsOf: bytes)
        pending.removeAll(keepingCapacity: true)
        var start = 0
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var buffer = [UInt8](repeating: 0, count: max(64, input.count * 2 + 16))
        while start < input.count {
            var inLeft = input.count - start
            var outLeft = buffer.count
            let (result, err, consumed, produced) = input.withUnsafeMutableBufferPointer { inBuf in
                buffer.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    let before = inLeft
                    let r = iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
                    let e = errno
                    return (r, e, before - inLeft, outBuf.count - outLeft)
                }
            }
            output.append(contentsOf: buffer[0..<produced])
            start += consumed
            if result != -1 { break }
            switch err {
            case E2BIG:
                continue
            case EINVAL where !final:
                // An incomplete sequence at the end: wait for the next chunk.
                pending.append(contentsOf: input[start...])
                start = input.count
            default:
                // EILSEQ, or EINVAL at the end of input: replace one byte and go on.
                output.append(contentsOf: replacement)
                replacements += 1
                start += 1
            }
        }
        if final { reset() }
    }

    /// Converts a whole buffer at once.
    public func convertAll(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        convert(bytes, into: &out, final: true)
        return out
    }

    /// Forgets any shift state and pending bytes.
    public func reset() {
        pending.removeAll()
        iconv(descriptor, nil, nil, nil, nil)
    }
}
