extension Diagnostic.Message {
    static func undecodableBytes(count: Int, encoding: String) -> Self {
        "\(count) byte sequence(s) are not valid \(encoding) and were replaced with U+FFFD"
    }
    static func declaredCharsetContradicted(declared: String, used: String) -> Self {
        "the page declares charset \(declared) but its bytes are \(used); decoded as \(used)"
    }
    static func unknownCharset(_ label: String) -> Self {
        "the declared charset \(label) is not known; the encoding was detected instead"
    }
    static func noCleanDecoding(used: String) -> Self {
        "no encoding decodes these bytes cleanly; decoded as \(used) with replacement characters"
    }
}
