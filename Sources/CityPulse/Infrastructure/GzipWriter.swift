import CZlib

/// A zlib failure, with the return code and zlib's own message.
public struct GzipError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case initialisation, compression, decompression, tooLarge }
    public var kind: Kind
    public var code: Int32
    public var message: String
    public var description: String { "gzip \(kind): \(message) (zlib code \(code))" }
}

/// Compresses bytes into a gzip member through zlib, wrapped once: every zlib return code is checked and
/// the stream is always ended.
///
/// The header is deterministic — no modification time, no file name, OS byte "unknown" — so the same
/// input always gives the same bytes.
public enum Gzip {
    /// The gzip file for `input`.
    public static func compress(_ input: [UInt8], level: Int32 = 6) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16 asks zlib for a gzip wrapper; deflateInit2 is a macro Swift cannot see.
        let initResult = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                       ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initResult == Z_OK else { throw error(.initialisation, initResult, &stream) }
        defer { deflateEnd(&stream) }
        // A gzip header with mtime 0, no name, OS 255.
        var header = gz_header()
        header.os = 255
        let headerResult = deflateSetHeader(&stream, &header)
        guard headerResult == Z_OK else { throw error(.initialisation, headerResult, &stream) }

        let bound = Int(deflateBound(&stream, uLong(input.count))) + 64
        var output = [UInt8](repeating: 0, count: bound)
        var result: Int32 = Z_OK
        var produced = 0
        input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                result = deflate(&stream, Z_FINISH)
                produced = outBuf.count - Int(stream.avail_out)
            }
        }
        guard result == Z_STREAM_END else { throw error(.compression, result, &stream) }
        output.removeSubrange(produced...)
        return output
    }

    /// The content of a gzip file, refusing to inflate beyond `limit` bytes (decompression bombs).
    public static func decompress(_ input: [UInt8], limit: Int = 1 << 30) throws(GzipError) -> [UInt8] {
        var stream = z_stream()
        let initResult = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initResult == Z_OK else { throw error(.initialisation, initResult, &stream) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var result: Int32 = Z_OK
        var failure: GzipError?
        input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    result = inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                if result != Z_OK && result != Z_STREAM_END {
                    failure = error(.decompression, result, &stream)
                    return
                }
                if output.count + produced > limit {
                    failure = GzipError(kind: .tooLarge, code: 0, message: "content exceeds \(limit) bytes")
                    return
                }
                output.append(contentsOf: chunk[0..<produced])
                if result == Z_OK && produced == 0 && stream.avail_in == 0 {
                    failure = GzipError(kind: .decompression, code: Z_BUF_ERROR, message: "truncated gzip data")
                    return
                }
            } while result != Z_STREAM_END
        }
        if let failure { throw failure }
        return output
    }

    private static func error(_ kind: GzipError.Kind, _ code: Int32, _ stream: inout z_stream) -> GzipError {
        let message = stream.msg.map { String(cString: $0) } ?? String(cString: zError(code))
        return GzipError(kind: kind, code: code, message: message)
    }
}
