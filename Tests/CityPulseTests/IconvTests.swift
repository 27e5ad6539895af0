@testable import CityPulse
import Testing

@Suite struct IconvTests {
    @Test func convertsGBKAcrossChunkBoundaries() throws {
        // 呼和浩特 in GBK.
        let gbk: [UInt8] = [0xBA, 0xF4, 0xBA, 0xCD, 0xBA, 0xC6, 0xCC, 0xD8]
        let converter = try #require(IconvConverter(from: "GB18030"))
        var out: [UInt8] = []
        converter.convert(gbk[0..<3], into: &out)
        converter.convert(gbk[3...], into: &out, final: true)
        #expect(String(decoding: out, as: UTF8.self) == "呼和浩特")
        #expect(converter.replacements == 0)
    }

    @Test func invalidBytesBecomeReplacementCharacters() throws {
        let converter = try #require(IconvConverter(from: "GB18030"))
        let out = converter.convertAll([0xBA, 0xF4, 0xFF, 0x41, 0xBA])
        #expect(String(decoding: out, as: UTF8.self).hasPrefix("呼"))
        #expect(String(decoding: out, as: UTF8.self).contains("\u{FFFD}"))
        #expect(converter.replacements >= 1)
    }

    @Test func unknownEncodingIsRefused() {
        #expect(IconvConverter(from: "NO-SUCH-CHARSET") == nil)
    }
}
