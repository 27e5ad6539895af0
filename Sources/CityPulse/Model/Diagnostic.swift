/// A problem a run survives: a page with no main text, a recovered parse error, a dropped input.
/// Reported with the place it was found, as `file:line:column: severity: message`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }
    public var severity: Severity
    /// The stage that found it: decode, parse, extract…
    public var stage: String
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, stage: String, file: String, line: Int? = nil, column: Int? = nil, _ message: Message) {
        self.severity = severity
        self.stage = stage
        self.file = file
        self.line = line
        self.column = column
        self.message = message.text
    }

    public var location: String {
        var s = file
        if let line { s += ":\(line)" }
        if let line = line, column != nil || line > 0, let column { s += ":\(column)" }
        return s
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// A message text. All texts live in `Diagnostic.Message` extensions so they stay consistent.
    public struct Message: Sendable, Hashable, ExpressibleByStringInterpolation {
        public var text: String
        public init(stringLiteral value: String) { text = value }
        public init(stringInterpolation: DefaultStringInterpolation) { text = String(stringInterpolation: stringInterpolation) }
        public init(_ text: String) { self.text = text }
    }
}
