import CityPulse

extension FuzzSupport {
    /// What every fact from a text must hold whatever the input: it names the document it came from,
    /// and its spans lie inside the sentence and the text they point into (the report marks them).
    public static func checkTextFacts(_ found: [FactExtractor.Found], of document: Document) {
        let length = document.text.unicodeScalars.count
        for f in found {
            require(f.originalRange.lowerBound >= 0 && f.originalRange.upperBound <= length,
                    "quantity span \(f.originalRange) outside a text of \(length) scalars")
            for fact in f.facts {
                for source in fact.sources {
                    require(source.file == document.path, "fact from \(source.file), read from \(document.path)")
                    if let span = source.spanInSentence {
                        let sentence = source.sentence?.unicodeScalars.count ?? 0
                        require(span.lowerBound >= 0 && span.upperBound <= sentence, "span \(span) outside a sentence of \(sentence) scalars")
                    }
                    if let offsets = source.offsets {
                        require(offsets.lowerBound >= 0 && offsets.upperBound <= length, "offsets \(offsets) outside a text of \(length) scalars")
                    }
                }
            }
        }
    }
}
