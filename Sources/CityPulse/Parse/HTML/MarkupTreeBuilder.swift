import CLibXML2

/// Receives SAX events and appends them to a `MarkupTree`. Lives only inside one parse.
///
/// The state sits behind a pointer the builder owns: a class's stored `var`s cost a run-time
/// exclusivity check on every access, and these are touched several times per element and text run.
final class MarkupTreeBuilder {
    private struct State {
        var tree = MarkupTree()
        var stack: [Int32] = []
        var issues: [MarkupIssue] = []
        var issueCount = 0
        /// The libxml2 parser context, to ask it for line numbers.
        var context: UnsafeMutableRawPointer?
    }

    private let s: UnsafeMutablePointer<State>
    private let keepNames: Bool

    init(keepNames: Bool) {
        self.keepNames = keepNames
        s = .allocate(capacity: 1)
        s.initialize(to: State())
        s.pointee.tree.nodes.reserveCapacity(1024)
        s.pointee.tree.text.reserveCapacity(16 * 1024)
    }

    deinit {
        s.deinitialize(count: 1)
        s.deallocate()
    }

    var context: UnsafeMutableRawPointer? {
        get { s.pointee.context }
        set { s.pointee.context = newValue }
    }

    private var line: Int32 {
        guard let context = s.pointee.context else { return 0 }
        return Int32(truncatingIfNeeded: xmlSAX2GetLineNumber(context))
    }

    func start(name: UnsafePointer<xmlChar>, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let nameBuffer = UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name)))
        let tag = Tag.lookup(nameBuffer)
        let firstAttribute = Int32(s.pointee.tree.attributes.count)
        if let attributes {
            var i = 0
            while let key = attributes[i] {
                if let k = AttributeKey.lookup(UnsafeBufferPointer(start: key, count: Int(xmlStrlen(key)))), k != .href || tag == .link,
                   let value = attributes[i + 1] {
                    let start = Int32(s.pointee.tree.attributeBytes.count)
                    s.pointee.tree.attributeBytes.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
                    s.pointee.tree.attributes.append(.init(key: k, start: start, stop: Int32(s.pointee.tree.attributeBytes.count)))
                }
                i += 2
            }
        }
        open(nameBuffer, tag: tag, firstAttribute: firstAttribute)
    }

    /// A namespace-aware start tag: the element is named `prefix:localname` as written, and only
    /// unprefixed attributes are kept (`href`, `rel`, `type`; not `rdf:about`). Attribute values come
    /// as (localname, prefix, URI, value, end) pointers into libxml2's buffer.
    func start(
        localname: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        let firstAttribute = Int32(s.pointee.tree.attributes.count)
        if let attributes {
            for k in 0..<attributeCount {
                let base = k * 5
                guard attributes[base + 1] == nil, let key = attributes[base], let value = attributes[base + 3],
                      let end = attributes[base + 4], end >= value,
                      let attributeKey = AttributeKey.lookup(UnsafeBufferPointer(start: key, count: Int(xmlStrlen(key))))
                else { continue }
                let start = Int32(s.pointee.tree.attributeBytes.count)
                appendAttributeValue(UnsafeBufferPointer(start: value, count: end - value))
                s.pointee.tree.attributes.append(.init(key: attributeKey, start: start, stop: Int32(s.pointee.tree.attributeBytes.count)))
            }
        }
        let local = UnsafeBufferPointer(start: localname, count: Int(xmlStrlen(localname)))
        guard let prefix else {
            open(local, tag: Tag.lookup(local), firstAttribute: firstAttribute)
            return
        }
        var qualified = Array(UnsafeBufferPointer(start: prefix, count: Int(xmlStrlen(prefix))))
        qualified.append(UInt8(ascii: ":"))
        qualified.append(contentsOf: local)
        qualified.withUnsafeBufferPointer { open($0, tag: Tag.lookup($0), firstAttribute: firstAttribute) }
    }

    /// Without entity substitution libxml2 hands an escaped `&` in an attribute value over as `&#38;`
    /// (so that a tree it builds can tell it from an entity reference); the value is the `&`.
    private func appendAttributeValue(_ value: UnsafeBufferPointer<UInt8>) {
        let n = value.count
        var i = 0
        while i < n {
            let b = value[i]
            if b == 0x26, i + 4 < n, value[i + 1] == 0x23, value[i + 2] == 0x33, value[i + 3] == 0x38, value[i + 4] == 0x3B {
                s.pointee.tree.attributeBytes.append(0x26)
                i += 5
            } else {
                s.pointee.tree.attributeBytes.append(b)
                i += 1
            }
        }
    }

    private func open(_ nameBuffer: UnsafeBufferPointer<UInt8>, tag: Tag, firstAttribute: Int32) {
        let index = Int32(s.pointee.tree.nodes.count)
        s.pointee.tree.nodes.append(MarkupTree.Node(
            tag: tag, parent: s.pointee.stack.last ?? -1, end: index + 1, start: firstAttribute,
            stop: Int32(s.pointee.tree.attributes.count), depth: Int32(s.pointee.stack.count), line: line))
        if keepNames && tag == .other {
            s.pointee.tree.otherNames[index] = String(decoding: nameBuffer, as: UTF8.self)
        }
        s.pointee.stack.append(index)
    }

    func end() {
        guard let index = s.pointee.stack.popLast() else { return }
        s.pointee.tree.nodes[Int(index)].end = Int32(s.pointee.tree.nodes.count)
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        let parent = s.pointee.stack.last ?? -1
        if parent >= 0 {
            let tag = s.pointee.tree.nodes[Int(parent)].tag
            if tag == .script || tag == .style { return }
        }
        let last = s.pointee.tree.nodes.count - 1
        if last >= 0, s.pointee.tree.nodes[last].isText, s.pointee.tree.nodes[last].parent == parent {
            s.pointee.tree.text.append(contentsOf: bytes)
            s.pointee.tree.nodes[last].stop = Int32(s.pointee.tree.text.count)
            return
        }
        let start = Int32(s.pointee.tree.text.count)
        s.pointee.tree.text.append(contentsOf: bytes)
        s.pointee.tree.nodes.append(MarkupTree.Node(
            tag: .text, parent: parent, end: Int32(s.pointee.tree.nodes.count + 1), start: start,
            stop: Int32(s.pointee.tree.text.count), depth: Int32(s.pointee.stack.count), line: line))
    }

    func truncated(at count: Int) {
        issue(MarkupIssue(line: 0, column: 0, message: "input longer than \(count) bytes; the rest was not read", isError: true))
    }

    func issue(_ issue: MarkupIssue) {
        s.pointee.issueCount += 1
        if s.pointee.issues.count < LibXMLParser.keptIssues { s.pointee.issues.append(issue) }
    }

    func finish() -> MarkupParse {
        while !s.pointee.stack.isEmpty { end() }
        s.pointee.context = nil
        return MarkupParse(tree: s.pointee.tree, issues: s.pointee.issues, issueCount: s.pointee.issueCount)
    }
}
