/// A parsed page or feed in a compact, flat form: elements and text runs in document order, each
/// with its parent and the end of its subtree, so every walk is a loop over a range, never a recursion.
///
/// Text lives in one UTF-8 buffer; the attributes the reader needs (class, id, meta and link fields,
/// dates) live in another. Nothing here refers to libxml2.
public struct MarkupTree: Sendable {
    /// One element or text run.
    public struct Node: Sendable {
        public var tag: Tag
        /// Index of the parent element, -1 at the top.
        public var parent: Int32
        /// Index just past the last node of this subtree (a text run's is its own index + 1).
        public var end: Int32
        /// For a text run, its bytes in `text`; for an element, its attributes in `attributes`.
        public var start: Int32
        public var stop: Int32
        /// Element nesting depth (0 for the top).
        public var depth: Int32
        /// 1-based source line where the node started.
        public var line: Int32

        public var isText: Bool { tag == .text }
    }

    /// One attribute the reader cares about.
    public struct Attribute: Sendable {
        public var key: AttributeKey
        public var start: Int32
        public var stop: Int32
    }

    public var nodes: [Node] = []
    public var text: [UInt8] = []
    public var attributes: [Attribute] = []
    public var attributeBytes: [UInt8] = []
    /// Element names of tags outside `Tag` (kept only when the builder is asked to, for feeds).
    public var otherNames: [Int32: String] = [:]

    public init() {}

    // MARK: - Access

    /// The UTF-8 text of a text run.
    public func textBytes(_ index: Int) -> ArraySlice<UInt8> {
        let n = nodes[index]
        return text[Int(n.start)..<Int(n.stop)]
    }

    /// The value of an attribute of an element, or nil.
    public func attribute(_ key: AttributeKey, of index: Int) -> String? {
        let n = nodes[index]
        guard !n.isText else { return nil }
        for a in attributes[Int(n.start)..<Int(n.stop)] where a.key == key {
            return String(decoding: attributeBytes[Int(a.start)..<Int(a.stop)], as: UTF8.self)
        }
        return nil
    }

    /// The raw bytes of an attribute, for hot checks that should not build strings.
    public func attributeSlice(_ key: AttributeKey, of index: Int) -> ArraySlice<UInt8>? {
        let n = nodes[index]
        guard !n.isText else { return nil }
        for a in attributes[Int(n.start)..<Int(n.stop)] where a.key == key {
            return attributeBytes[Int(a.start)..<Int(a.stop)]
        }
        return nil
    }

    /// The name of an element (a known tag's name, or the kept name of another).
    public func name(of index: Int) -> String {
        let tag = nodes[index].tag
        if tag == .other { return otherNames[Int32(index)] ?? "" }
        return tag.name
    }

    /// All text under a node, concatenated as it stands.
    public func innerText(_ index: Int) -> String {
        var bytes: [UInt8] = []
        let end = Int(nodes[index].end)
        var i = index
        while i < end {
            if nodes[i].isText { bytes.append(contentsOf: textBytes(i)) }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Indices of elements with the given tag, in document order.
    public func elements(_ tag: Tag) -> [Int] {
        var out: [Int] = []
        for i in nodes.indices where nodes[i].tag == tag { out.append(i) }
        return out
    }
}

/// The attributes a page reader looks at; others are not kept. In HTML pages `href` is kept on `<link>`
/// only (the canonical address); feeds keep it everywhere.
public enum AttributeKey: UInt8, Sendable {
    case `class`, id, href, name, property, content, rel, datetime, itemprop, httpEquiv, charset, type

    static func lookup<C: Collection<UInt8>>(_ bytes: C) -> AttributeKey? { table[Tag.pack(bytes)] }

    private static let names: [(String, AttributeKey)] = [
        ("class", .class), ("id", .id), ("href", .href), ("name", .name), ("property", .property),
        ("content", .content), ("rel", .rel), ("datetime", .datetime), ("itemprop", .itemprop),
        ("http-equiv", .httpEquiv), ("charset", .charset), ("type", .type),
    ]
    private static let table = PackedNameTable(names.map { (Tag.pack(Array($0.0.utf8)[...]), $0.1) })
}
