@testable import CityPulse
import Foundation
import Testing

/// Normalization over the real pages: every span of the normalized main text maps back, through the
/// offset map, to exactly the original characters it came from.
@Suite(.enabled(if: ProjectPaths.hasCorpus, ProjectPaths.noCorpus)) struct NormalizationCorpusTests {
    /// Runs of ideographs, and quantity-like runs (digits with their separators and the character after
    /// them, usually the unit), in normalized scalar offsets.
    static func spans(_ normalized: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = normalized.count
        while i < n {
            if PinyinAnnotations.isIdeograph(normalized[i]) {
                let start = i
                while i < n, PinyinAnnotations.isIdeograph(normalized[i]) { i += 1 }
                out.append(start..<i)
            } else if isDigit(normalized[i]) {
                let start = i
                while i < n, isDigit(normalized[i]) || ".,%".unicodeScalars.contains(normalized[i]) { i += 1 }
                let unit = i < n && !NormalizedText.isWhitespace(normalized[i]) ? 1 : 0
                out.append(start..<(i + unit))
            } else {
                i += 1
            }
        }
        return out
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) }

    /// Checks one text; returns how many spans were compared.
    @discardableResult
    static func checkSpans(of text: String, page: String) -> Int {
        let normalized = NormalizedText(text)
        let folded = Array(normalized.normalized.unicodeScalars)
        let original = Array(text.unicodeScalars)
        #expect(normalized.originalOffsets.count == folded.count + 1, "\(page)")
        #expect(normalized.originalOffsets.last == original.count, "\(page)")
        // Offsets only move forward, and each normalized scalar stands for an original one that folds to
        // it on its own (white space for white space).
        var previous = -1
        var badScalar: (Int, Unicode.Scalar)?
        for (k, offset) in normalized.originalOffsets.dropLast().enumerated() {
            if offset <= previous || offset >= original.count {
                badScalar = (k, folded[k])
                break
            }
            previous = offset
            let o = original[offset]
            if folded[k] == " " || folded[k] == "\n" {
                if !NormalizedText.isWhitespace(o) { badScalar = (k, folded[k]) }
            } else if o != folded[k], NormalizedText(String(o)).normalized.unicodeScalars.first != folded[k] {
                // Width folds that depend on neighbours (１，０００ → 1,000) are the only exception.
                if !(o == "，" && folded[k] == ",") { badScalar = (k, folded[k]) }
            }
            if badScalar != nil { break }
        }
        #expect(badScalar == nil, "\(page): normalized scalar \(badScalar.map { "\($0.0) \($0.1)" } ?? "") does not map to its original")

        var compared = 0
        var mismatch: String?
        for span in spans(folded) {
            let r = normalized.originalRange(of: span)
            let back = String(String.UnicodeScalarView(original[r]))
            let spanText = String(String.UnicodeScalarView(folded[span]))
            compared += 1
            if NormalizedText(back).normalized != spanText {
                mismatch = "\(spanText) ← \(back)"
                break
            }
        }
        #expect(mismatch == nil, "\(page): \(mismatch ?? "")")
        return compared
    }

    @Test(arguments: PageCorpus.pages())
    func spansOfMainTextMapBack(page: String) throws {
        let document = try PageCorpus.read(page)
        Self.checkSpans(of: document.text, page: page)
        if let title = document.title { Self.checkSpans(of: title, page: page + " (title)") }
    }

    /// Whole decoded pages too (markup, scripts and all): a harder mix of widths, spaces and brackets.
    @Test(arguments: PageCorpus.files())
    func spansOfWholePagesMapBack(page: String) throws {
        let decoded = TextDecoding.decode(try PageCorpus.bytes(page))
        let compared = Self.checkSpans(of: decoded.text, page: page)
        #expect(compared > 0)
    }

    /// Pinyin, width and script folds on a line with all of them, mapped back span by span.
    @Test func foldsOfTheSeedKindMapBack() {
        let line = "呼和浩特市將創(chuàng)業(yè)載體（個）擴大到１０家以上，共青團(青聯(lián))界別　委員　３，５００人"
        let text = NormalizedText(line)
        #expect(text.normalized == "呼和浩特市将创业载体(个)扩大到10家以上，共青团(青联)界别 委员 3,500人")
        #expect(Self.checkSpans(of: line, page: "line") >= 6)
    }
}
