/// A glob over paths relative to a root: `*` and `?` within one path component, `**` across any
/// number of components. Globs that climb out (`..`) or are absolute are refused by `validate`.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let segments: [[Unicode.Scalar]]

    public init(_ pattern: String) {
        self.pattern = pattern
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    }

    /// Why the glob may not be used, or nil.
    public var problem: Diagnostic.Message? {
        if pattern.hasPrefix("/") || pattern.hasPrefix("~") { return .globAbsolute(pattern) }
        if pattern.split(separator: "/").contains("..") { return .globClimbsOut(pattern) }
        return nil
    }

    /// Whether the relative path (components separated by `/`) matches.
    public func matches(_ path: String) -> Bool {
        matches(components: Self.components(path))
    }

    /// A path split for matching, so one split serves every glob it is tried against.
    public static func components(_ path: String) -> [ArraySlice<Unicode.Scalar>] {
        Array(path.unicodeScalars).split(separator: "/")
    }

    public func matches(components parts: [ArraySlice<Unicode.Scalar>]) -> Bool {
        match(segments[...], parts[...])
    }

    /// Whether some path inside the folder with these components could match, so a walk can leave out
    /// folders no glob reaches.
    public func couldMatch(inside folder: [ArraySlice<Unicode.Scalar>]) -> Bool {
        var pattern = segments[...]
        for component in folder {
            guard let first = pattern.first else { return false }
            if first == ["*", "*"] { return true }
            guard Self.matchComponent(first[...], component) else { return false }
            pattern = pattern.dropFirst()
        }
        return !pattern.isEmpty
    }

    private func match(_ pattern: ArraySlice<[Unicode.Scalar]>, _ path: ArraySlice<ArraySlice<Unicode.Scalar>>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == ["*", "*"] {
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        }
        guard let component = path.first, Self.matchComponent(first[...], component) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchComponent(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        // Iterative wildcard match with backtracking on the last `*`.
        var pi = p.startIndex, si = s.startIndex
        var star: (p: Int, s: Int)?
        while si < s.endIndex {
            if pi < p.endIndex, p[pi] == "?" || p[pi] == s[si] {
                pi += 1; si += 1
            } else if pi < p.endIndex, p[pi] == "*" {
                star = (pi, si); pi += 1
            } else if let st = star {
                pi = st.p + 1; si = st.s + 1; star = (st.p, st.s + 1)
            } else {
                return false
            }
        }
        while pi < p.endIndex, p[pi] == "*" { pi += 1 }
        return pi == p.endIndex
    }
}

extension Diagnostic.Message {
    static func globAbsolute(_ g: String) -> Self { "glob '\(g)' is absolute; globs are relative to the input root" }
    static func globClimbsOut(_ g: String) -> Self { "glob '\(g)' climbs out of the input root with '..'" }
    static func symlinkOutside(_ target: String) -> Self { "symbolic link points outside the input root (to \(target)); not read" }
    static func noFilesMatched(source: String, globs: [String], root: String, optional: Bool) -> Self {
        let what = "source '\(source)': no file under \(root) matches \(globs.joined(separator: ", "))"
        return optional ? "\(what) (the source is optional)" : "\(what); nothing is published (say `optional: true` if it may be empty)"
    }
    static func inputRootMissing(_ root: String) -> Self { "the input root \(root) does not exist; nothing is published" }
    static func inputRootNotAFolder(_ root: String) -> Self { "the input root \(root) is not a folder; nothing is published" }
    static func inputRootUnreadable(_ root: String) -> Self { "the input root \(root) cannot be read; nothing is published" }
}
