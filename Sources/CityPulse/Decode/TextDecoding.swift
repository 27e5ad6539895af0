import Foundation

/// Bytes turned into text, with the encoding that was used and anything worth telling about it.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    /// Name of the encoding used (`UTF-8`, `GB18030`, `Big5`…) and, after a space, how it was chosen.
    public var encoding: String
    public var problems: [Diagnostic.Message]
}

/// Decodes page, feed and CSV bytes: BOM, then UTF-8 validity, then the declared charset, then detection.
public enum TextDecoding {
    /// Placeholder: UTF-8 with replacement. The full decoder replaces this.
    public static func decode(_ bytes: [UInt8]) -> DecodedText {
        DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8", problems: [])
    }
}
