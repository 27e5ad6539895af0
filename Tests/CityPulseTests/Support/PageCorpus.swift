@testable import CityPulse
import Foundation

/// The HTML and feed pages of the shared corpus, read in place, and the peers' expectations beside them.
enum PageCorpus {
    static let folder = ProjectPaths.corpus.appendingPathComponent("html")
    static let expectedFolder = folder.appendingPathComponent("_expected")

    /// Every file of the corpus folder (pages and feeds), sorted.
    static func files() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }.sorted()
    }

    /// The HTML pages only.
    static func pages() -> [String] { files().filter { $0.hasSuffix(".html") } }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func expectedBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: expectedFolder.appendingPathComponent(name)))
    }

    /// Reads a page as the pipeline does.
    static func read(_ name: String) throws -> Document {
        PageReader().read(bytes: try bytes(name), path: name, sourceID: "corpus", contentHash: "").0
    }

    /// A peer's expected main text: plain text as it stands, an HTML extraction with its tags stripped.
    static func expectedText(_ name: String) throws -> String {
        let bytes = try expectedBytes(name)
        return name.hasSuffix(".html") ? TagStripper.strip(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// The peer's metadata file, as a JSON object.
    static func expectedMetadata(_ name: String) throws -> [String: Any] {
        let data = Data(try expectedBytes(name))
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}

/// Removes markup from a peer's HTML extraction, byte by byte, without an HTML parser (so the reference
/// does not depend on the parser under test): a tag is dropped, block tags become a line break,
/// comments and script or style bodies are dropped, and the common entities are decoded.
enum TagStripper {
    static let blockNames: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "blockquote", "pre", "section", "article", "figure", "figcaption", "dd", "dt", "dl", "hr",
    ]

    static func strip(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == 0x3C {  // <
                if i + 3 < n, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                    i = find([0x2D, 0x2D, 0x3E], in: bytes, from: i + 4).map { $0 + 3 } ?? n
                    continue
                }
                var j = i + 1
                let closing = j < n && bytes[j] == 0x2F
                if closing { j += 1 }
                var name: [UInt8] = []
                while j < n, isNameByte(bytes[j]) {
                    name.append(bytes[j] | 0x20)
                    j += 1
                }
                let close = find([0x3E], in: bytes, from: j) ?? (n - 1)
                let tag = String(decoding: name, as: UTF8.self)
                i = close + 1
                if tag == "script" || tag == "style", !closing {
                    let end = find(Array("</\(tag)".utf8), in: bytes, from: i, caseInsensitive: true) ?? n
                    i = end
                    continue
                }
                if blockNames.contains(tag) { out.append(0x0A) }
                continue
            }
            if b == 0x26, let (scalar, length) = entity(bytes, i) {  // &
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += length
                continue
            }
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, caseInsensitive: Bool = false) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            var k = 0
            while k < needle.count {
                let a = caseInsensitive ? bytes[i + k] | 0x20 : bytes[i + k]
                let b = caseInsensitive ? needle[k] | 0x20 : needle[k]
                if a != b { break }
                k += 1
            }
            if k == needle.count { return i }
            i += 1
        }
        return nil
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, `&#123;`, `&#x1F;`.
    private static func entity(_ bytes: [UInt8], _ i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        while j < bytes.count, j - i <= 10, bytes[j] != 0x3B { j += 1 }
        guard j < bytes.count, bytes[j] == 0x3B else { return nil }
        let body = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        if let s = named[body] { return (s, j - i + 1) }
        if body.hasPrefix("#x") || body.hasPrefix("#X"), let v = UInt32(body.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
            return (s, j - i + 1)
        }
        if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let s = Unicode.Scalar(v) { return (s, j - i + 1) }
        return nil
    }
}

/// Overlap of the Chinese text of two extractions.
///
/// The score is the F1 over **CJK character bigrams**: every pair of adjacent ideographs inside a run of
/// ideographs, counted as a multiset. Bigrams are stricter than single characters (a page of unrelated
/// Chinese still shares most common characters with the article) and do not depend on paragraph order.
/// The unigram F1 (multiset of ideographs) is reported beside it.
struct CJKOverlap {
    var f1: Double
    var precision: Double
    var recall: Double
    /// Ideographs in our text and in the peer's.
    var ours: Int
    var theirs: Int
    var unigramF1: Double

    init(ours: String, theirs: String) {
        let a = CJKOverlap.ideographs(ours), b = CJKOverlap.ideographs(theirs)
        (f1, precision, recall) = CJKOverlap.score(CJKOverlap.bigrams(a), CJKOverlap.bigrams(b))
        self.ours = a.count(where: { $0 != "\0" })
        self.theirs = b.count(where: { $0 != "\0" })
        unigramF1 = CJKOverlap.score(CJKOverlap.counts(a.map { UInt64($0.value) }), CJKOverlap.counts(b.map { UInt64($0.value) })).0
    }

    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value) || (0x20000...0x3134F).contains(s.value)
    }

    /// The ideographs in order, with a break marker (U+0000) wherever a run ends.
    static func ideographs(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for s in text.unicodeScalars {
            if isIdeograph(s) {
                out.append(s)
            } else if let last = out.last, last != "\0" {
                out.append("\0")
            }
        }
        return out
    }

    static func bigrams(_ sequence: [Unicode.Scalar]) -> [UInt64: Int] {
        var out: [UInt64: Int] = [:]
        var previous: Unicode.Scalar = "\0"
        for s in sequence {
            if s != "\0" && previous != "\0" { out[UInt64(previous.value) << 32 | UInt64(s.value), default: 0] += 1 }
            previous = s
        }
        return out
    }

    static func counts(_ keys: [UInt64]) -> [UInt64: Int] {
        var out: [UInt64: Int] = [:]
        for k in keys where k != 0 { out[k, default: 0] += 1 }
        return out
    }

    static func score(_ a: [UInt64: Int], _ b: [UInt64: Int]) -> (Double, Double, Double) {
        let overlap = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        let na = a.values.reduce(0, +), nb = b.values.reduce(0, +)
        guard na > 0, nb > 0, overlap > 0 else { return (0, 0, 0) }
        let p = Double(overlap) / Double(na), r = Double(overlap) / Double(nb)
        return (2 * p * r / (p + r), p, r)
    }
}
