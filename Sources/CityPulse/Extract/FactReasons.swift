/// Why a fact got its metric, kind, period and region: for each, the rule that decided it and the words
/// it read, so an analyst can audit a surprising fact (`citypulse extract -p`).
public struct FactReasons: Sendable, Hashable {
    /// One decision: the rule and, when the rule read words of the text, those words and where they stand.
    public struct Reason: Sendable, Hashable {
        public var rule: String
        /// The words the rule read, as they stand in the original text (or the title).
        public var cue: String?
        /// The cue's span in the document's original main text, in Unicode scalars, end exclusive.
        public var span: Range<Int>?

        public init(rule: String, cue: String? = nil, span: Range<Int>? = nil) {
            self.rule = rule
            self.cue = cue
            self.span = span
        }
    }

    public var metric: Reason
    public var kind: Reason
    public var period: Reason
    public var region: Reason
}
