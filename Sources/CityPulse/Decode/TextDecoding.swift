import CStringSearch
import Foundation

/// Bytes turned into text, with the encoding that was used and anything worth telling about it.
public struct DecodedText: Sendable, Hashable {
    /// The text as UTF-8 bytes, always well-formed. Readers that parse bytes take these: a page that was
    /// UTF-8 already is checked and copied once, never made into a `String` (which would check it again).
    public private(set) var utf8: [UInt8]
    /// Name of the encoding used (`UTF-8`, `GB18030`, `Big5`…) and, after a space, how it was chosen.
    public var encoding: String
    public var problems: [Diagnostic.Message]

    public init(text: String, encoding: String, problems: [Diagnostic.Message]) {
        self.init(validUTF8: Array(text.utf8), encoding: encoding, problems: problems)
    }

    init(validUTF8: [UInt8], encoding: String, problems: [Diagnostic.Message]) {
        utf8 = validUTF8
        self.encoding = encoding
        self.problems = problems
    }

    /// The text.
    public var text: String { String(decoding: utf8, as: UTF8.self) }
}

/// Decodes page, feed and CSV bytes: BOM, then UTF-8 validity, then the declared charset, then detection.
///
/// A declared charset is only a hint: saved pages often declare gb2312 and are UTF-8, so bytes that
/// are valid UTF-8 are read as UTF-8 whatever the page says. Bytes that no encoding reads cleanly are
/// decoded with replacement characters and a problem is reported; nothing is dropped.
public enum TextDecoding {
    /// Decodes `bytes`. `declared` is a charset known from outside the bytes (a pipeline setting, an
    /// HTTP header); when nil, the declaration inside the bytes is used.
    public static func decode(_ bytes: [UInt8], declared: String? = nil) -> DecodedText {
        bytes.withUnsafeBufferPointer { decode(buffer: $0, declared: declared) }
    }

    static func decode(buffer: UnsafeBufferPointer<UInt8>, declared external: String?) -> DecodedText {
        // 1. Byte order mark.
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            let body = UnsafeBufferPointer(rebasing: buffer[3...])
            let check = UTF8Check(body)
            var problems: [Diagnostic.Message] = []
            if check.invalid > 0 || check.truncatedTail {
                problems.append(.undecodableBytes(count: check.invalid + (check.truncatedTail ? 1 : 0), encoding: "UTF-8"))
            }
            return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: "UTF-8 (BOM)", problems: problems)
        }
        if buffer.count >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) {
            let name = buffer[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            return convert(UnsafeBufferPointer(rebasing: buffer[2...]), iconvName: name, display: "\(name) (BOM)")
        }

        let declaration = external.map { CharsetDeclaration(label: $0.lowercased()) } ?? CharsetDeclaration.find(in: buffer)
        let declaredNote = declaration.map { "declared \($0.label)" }

        // 2. UTF-8 validity wins over any declaration. Most pages are valid UTF-8: they are checked (ASCII
        // sixteen bytes at a time) and copied; only the others need the detailed check.
        if cs_utf8_valid(buffer.baseAddress, buffer.count) != 0 {
            return utf8(Array(buffer), buffer, declaration: declaration, problems: [])
        }
        let check = UTF8Check(buffer, stopEarly: true)
        if check.invalid == 0 {
            // Valid but for a sequence cut off at the very end.
            let problems: [Diagnostic.Message] = check.truncatedTail ? [.undecodableBytes(count: 1, encoding: "UTF-8")] : []
            return utf8(Array(String(decoding: buffer, as: UTF8.self).utf8), buffer, declaration: declaration, problems: problems)
        }

        // 3. The declared charset, unless the bytes contradict it.
        if let declaration {
            switch declaration.family {
            case .gb, .big5:
                let declaredCandidate = declaration.family == .gb
                    ? ChineseEncodingDetector.decodeGB(buffer) : ChineseEncodingDetector.decodeBig5(buffer)
                let otherCandidate = declaration.family == .gb
                    ? ChineseEncodingDetector.decodeBig5(buffer) : ChineseEncodingDetector.decodeGB(buffer)
                if otherCandidate.score > declaredCandidate.score * 2 + 20 {
                    var result = finish(otherCandidate, how: "\(declaredNote!), bytes are \(otherCandidate.name)")
                    result.problems.insert(.declaredCharsetContradicted(declared: declaration.label, used: otherCandidate.name), at: 0)
                    return result
                }
                return finish(declaredCandidate, how: declaredNote!)
            case .utf8:
                if check.isMostlyUTF8 {
                    return DecodedText(
                        text: String(decoding: buffer, as: UTF8.self), encoding: "UTF-8 (\(declaredNote!))",
                        problems: [.undecodableBytes(count: check.invalid, encoding: "UTF-8")])
                }
            case .utf16:
                return convert(buffer, iconvName: declaration.label.uppercased(), display: "\(declaration.label.uppercased()) (\(declaredNote!))")
            case .other(let label):
                if let converter = IconvConverter(from: label.uppercased()) {
                    let out = converter.convertAll(buffer)
                    if converter.replacements == 0 {
                        return DecodedText(text: String(decoding: out, as: UTF8.self), encoding: "\(label.uppercased()) (\(declaredNote!))", problems: [])
                    }
                } else {
                    var result = detect(buffer, check: check, how: "detected")
                    result.problems.insert(.unknownCharset(label), at: 0)
                    return result
                }
            }
        }

        // 4. Detection between the Chinese families, or UTF-8 with rare damage.
        return detect(buffer, check: check, how: declaredNote.map { "\($0), bytes are not; detected" } ?? "detected")
    }

    /// Text read as UTF-8, named after what the bytes declared: a declaration of another charset is
    /// contradicted unless the bytes are plain ASCII, which reads the same in it.
    private static func utf8(
        _ text: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, declaration: CharsetDeclaration?, problems: [Diagnostic.Message]
    ) -> DecodedText {
        var problems = problems
        let encoding: String
        switch declaration?.family {
        case nil, .utf8?: encoding = "UTF-8"
        case .some:
            let label = declaration!.label
            if !buffer.contains(where: { $0 >= 0x80 }) {
                encoding = "UTF-8 (declared \(label), bytes are ASCII)"
            } else {
                encoding = "UTF-8 (declared \(label), bytes are UTF-8)"
                problems.append(.declaredCharsetContradicted(declared: label, used: "UTF-8"))
            }
        }
        return DecodedText(validUTF8: text, encoding: encoding, problems: problems)
    }

    private static func detect(_ buffer: UnsafeBufferPointer<UInt8>, check: UTF8Check, how: String) -> DecodedText {
        if check.isMostlyUTF8 {
            return DecodedText(
                text: String(decoding: buffer, as: UTF8.self), encoding: "UTF-8 (\(how))",
                problems: [.undecodableBytes(count: check.invalid, encoding: "UTF-8")])
        }
        let best = ChineseEncodingDetector.detect(buffer)
        if best.replacements * 20 > max(best.hanCount, 1) && best.replacements > 4 {
            // Neither family reads the bytes: keep them visible as UTF-8 with replacement characters.
            let full = UTF8Check(buffer)
            return DecodedText(
                text: String(decoding: buffer, as: UTF8.self), encoding: "UTF-8 (undecodable)",
                problems: [.noCleanDecoding(used: "UTF-8"), .undecodableBytes(count: full.invalid, encoding: "UTF-8")])
        }
        return finish(best, how: how)
    }

    private static func finish(_ candidate: ChineseEncodingDetector.Candidate, how: String) -> DecodedText {
        var problems: [Diagnostic.Message] = []
        if candidate.replacements > 0 {
            problems.append(.undecodableBytes(count: candidate.replacements, encoding: candidate.name))
        }
        return DecodedText(text: String(decoding: candidate.utf8, as: UTF8.self), encoding: "\(candidate.name) (\(how))", problems: problems)
    }

    private static func convert(_ buffer: UnsafeBufferPointer<UInt8>, iconvName: String, display: String) -> DecodedText {
        guard let converter = IconvConverter(from: iconvName) else {
            return DecodedText(text: String(decoding: buffer, as: UTF8.self), encoding: "UTF-8 (undecodable)", problems: [.noCleanDecoding(used: "UTF-8")])
        }
        let out = converter.convertAll(buffer)
        let problems: [Diagnostic.Message] = converter.replacements > 0 ? [.undecodableBytes(count: converter.replacements, encoding: iconvName)] : []
        return DecodedText(text: String(decoding: out, as: UTF8.self), encoding: display, problems: problems)
    }
}
