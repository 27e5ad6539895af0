import Crypto
import Foundation

/// Lower-case hexadecimal text of bytes: content hashes, cache keys and fact ids.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func string(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// SHA-256 of bytes as 64 hexadecimal characters.
    static func sha256(_ bytes: some DataProtocol) -> String { string(SHA256.hash(data: bytes)) }
}
