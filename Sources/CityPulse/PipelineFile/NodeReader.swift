import Foundation
import Yams

/// Walks a composed YAML tree with the pipeline schema in hand, collecting a diagnostic for every
/// unknown key, wrong type or missing field instead of stopping at the first.
struct NodeReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    mutating func report(_ node: Node?, _ message: Diagnostic.Message) {
        diagnostics.append(Diagnostic(.error, stage: "pipeline", file: path, line: node?.mark?.line, column: node?.mark?.column, message))
    }

    mutating func report(line: Int?, column: Int?, _ message: Diagnostic.Message) {
        diagnostics.append(Diagnostic(.error, stage: "pipeline", file: path, line: line, column: column, message))
    }

    /// A mapping's entries keyed by scalar key, with unknown keys reported.
    mutating func mapping(_ node: Node, _ context: String, known: [String]? = nil) -> [String: (key: Node, value: Node)]? {
        guard case let .mapping(m) = node else {
            report(node, .wrongType(context, expected: "a mapping"))
            return nil
        }
        var out: [String: (key: Node, value: Node)] = [:]
        for (k, v) in m {
            guard let key = k.scalar?.string else {
                report(k, .wrongType("a key in \(context)", expected: "text"))
                continue
            }
            if let known, !known.contains(key) {
                report(k, .unknownKey(key, in: context, known: known))
                continue
            }
            out[key] = (k, v)
        }
        return out
    }

    mutating func string(_ node: Node?, _ context: String) -> String? {
        guard let node else { return nil }
        guard case let .scalar(s) = node else {
            report(node, .wrongType(context, expected: "text"))
            return nil
        }
        return s.string
    }

    mutating func requiredString(_ entries: [String: (key: Node, value: Node)], _ key: String, _ context: String, at node: Node) -> String? {
        guard let entry = entries[key] else {
            report(node, .missingKey(key, in: context))
            return nil
        }
        return string(entry.value, "\(context).\(key)")
    }

    mutating func int(_ node: Node?, _ context: String) -> Int? {
        guard let text = string(node, context) else { return nil }
        guard let value = Int(text) else {
            report(node, .wrongType(context, expected: "a whole number"))
            return nil
        }
        return value
    }

    mutating func double(_ node: Node?, _ context: String) -> Double? {
        guard let text = string(node, context) else { return nil }
        guard let value = Double(text), value.isFinite else {
            report(node, .wrongType(context, expected: "a number"))
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, _ context: String) -> Bool? {
        guard let text = string(node, context) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, .wrongType(context, expected: "true or false"))
            return nil
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    mutating func strings(_ node: Node?, _ context: String) -> [String] {
        guard let node else { return [] }
        if case .scalar = node { return string(node, context).map { [$0] } ?? [] }
        guard case let .sequence(seq) = node else {
            report(node, .wrongType(context, expected: "a list of text"))
            return []
        }
        return seq.compactMap { string($0, "an item of \(context)") }
    }

    mutating func sequence(_ node: Node?, _ context: String) -> [Node] {
        guard let node else { return [] }
        guard case let .sequence(seq) = node else {
            report(node, .wrongType(context, expected: "a list"))
            return []
        }
        return Array(seq)
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ node: Node?, _ context: String, as: E.Type) -> E? where E.RawValue == String {
        guard let text = string(node, context) else { return nil }
        guard let value = E(rawValue: text) else {
            report(node, .badValue(context, text, allowed: E.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }

    mutating func day(_ node: Node?, _ context: String) -> Day? {
        guard let text = string(node, context) else { return nil }
        // `2022-06` means the first of the month.
        if let d = Day(iso: text) { return d }
        let parts = text.split(separator: "-")
        if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), let d = Day(year: y, month: m, day: 1) { return d }
        if parts.count == 1, let y = Int(parts[0]), let d = Day(year: y, month: 1, day: 1) { return d }
        report(node, .wrongType(context, expected: "a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
        return nil
    }
}
