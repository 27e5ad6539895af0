import CLibXML2

/// A problem libxml2 recovered from while reading markup.
public struct MarkupIssue: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public var message: String
    /// True for errors, false for warnings.
    public var isError: Bool
}

/// The outcome of reading markup: the compact tree, the first recovered problems and how many there were.
public struct MarkupParse: Sendable {
    public var tree: MarkupTree
    /// The first problems (at most `LibXMLParser.keptIssues`).
    public var issues: [MarkupIssue]
    /// Every problem libxml2 reported, kept or not.
    public var issueCount: Int
}

/// libxml2, wrapped once: its SAX interface fills a `MarkupTree`; no libxml2 tree is built and no
/// pointer leaves this file. Network access and external entities are off; each parse runs inside one
/// call and frees its context before returning.
public enum LibXMLParser {
    /// Problems kept with their text per document; the rest are only counted.
    public static let keptIssues = 20
    /// The largest input handed to libxml2 in one piece.
    static let maxInput = Int(Int32.max) - 1

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses HTML given as UTF-8 bytes. Encoding hints inside the page are ignored: the bytes are
    /// already decoded.
    public static func parseHTML(utf8 bytes: some Collection<UInt8>, keepNames: Bool = false) -> MarkupParse {
        _ = initialized
        let builder = MarkupTreeBuilder(keepNames: keepNames)
        let handler = makeHandler()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue)
        let user = Unmanaged.passUnretained(builder).toOpaque()
        let run: (UnsafeBufferPointer<UInt8>) -> Void = { buffer in
            let count = min(buffer.count, maxInput)
            if count < buffer.count { builder.truncated(at: count) }
            guard let ctxt = htmlNewParserCtxt() else { return }
            if let sax = ctxt.pointee.sax { sax.pointee = handler }
            ctxt.pointee.userData = user
            builder.context = UnsafeMutableRawPointer(ctxt)
            // The bytes are UTF-8 already: naming the encoding keeps libxml2 from re-detecting it or
            // following a <meta charset> inside the page.
            let empty: [CChar] = [0]
            let doc: htmlDocPtr? = buffer.baseAddress.map {
                $0.withMemoryRebound(to: CChar.self, capacity: count) { htmlCtxtReadMemory(ctxt, $0, Int32(count), nil, "UTF-8", options) }
            } ?? empty.withUnsafeBufferPointer { htmlCtxtReadMemory(ctxt, $0.baseAddress, 0, nil, "UTF-8", options) }
            if let doc { xmlFreeDoc(doc) }
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            ctxt.pointee.myDoc = nil
            htmlFreeParserCtxt(ctxt)
        }
        if bytes.withContiguousStorageIfAvailable(run) == nil {
            Array(bytes).withUnsafeBufferPointer(run)
        }
        return builder.finish()
    }

    /// Parses XML (RSS, Atom) given as UTF-8 bytes, recovering from errors, with no DTD loading, no
    /// entity substitution and no network. Element names outside `Tag` are kept.
    public static func parseXML(utf8 bytes: some Collection<UInt8>) -> MarkupParse {
        _ = initialized
        let builder = MarkupTreeBuilder(keepNames: true)
        var handler = makeXMLHandler()
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue)
        let user = Unmanaged.passUnretained(builder).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&handler, user, nil, 0, nil) else { return builder.finish() }
        builder.context = UnsafeMutableRawPointer(ctxt)
        xmlCtxtUseOptions(ctxt, options)
        feed(bytes) { pointer, count, last in
            _ = xmlParseChunk(ctxt, pointer, count, last ? 1 : 0)
        }
        if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
        ctxt.pointee.myDoc = nil
        xmlFreeParserCtxt(ctxt)
        return builder.finish()
    }

    /// Hands the bytes to libxml2 in one piece when they fit, in large pieces otherwise.
    private static func feed(
        _ bytes: some Collection<UInt8>, _ push: (UnsafePointer<CChar>?, Int32, Bool) -> Void
    ) {
        let run: (UnsafeBufferPointer<UInt8>) -> Void = { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                push(nil, 0, true)
                return
            }
            var offset = 0
            repeat {
                let count = min(maxInput, buffer.count - offset)
                let last = offset + count >= buffer.count
                base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: count) { push($0, Int32(count), last) }
                offset += count
            } while offset < buffer.count
        }
        if bytes.withContiguousStorageIfAvailable(run) == nil {
            Array(bytes).withUnsafeBufferPointer(run)
        }
    }

    /// Runs `body` on the builder behind libxml2's user pointer, borrowed for the call: a SAX
    /// callback per element and text run must not pay a retain and a release each.
    private static func withBuilder(_ ctx: UnsafeMutableRawPointer, _ body: (MarkupTreeBuilder) -> Void) {
        Unmanaged<MarkupTreeBuilder>.fromOpaque(ctx)._withUnsafeGuaranteedRef(body)
    }

    /// The XML push parser always takes the namespace-aware (SAX2) path: element events arrive through
    /// `startElementNs`, with the prefix apart from the local name.
    private static func makeXMLHandler() -> xmlSAXHandler {
        var h = makeHandler()
        h.startElementNs = { ctx, localname, prefix, _, _, _, attributeCount, _, attributes in
            guard let ctx, let localname else { return }
            LibXMLParser.withBuilder(ctx) { $0.start(localname: localname, prefix: prefix, attributeCount: Int(attributeCount), attributes: attributes) }
        }
        h.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            LibXMLParser.withBuilder(ctx) { $0.end() }
        }
        return h
    }

    private static func makeHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = XML_SAX2_MAGIC
        h.startElement = { ctx, name, atts in
            guard let ctx, let name else { return }
            LibXMLParser.withBuilder(ctx) { $0.start(name: name, attributes: atts) }
        }
        h.endElement = { ctx, _ in
            guard let ctx else { return }
            LibXMLParser.withBuilder(ctx) { $0.end() }
        }
        h.characters = { ctx, ch, len in
            guard let ctx, let ch, len > 0 else { return }
            LibXMLParser.withBuilder(ctx) { $0.characters(UnsafeBufferPointer(start: ch, count: Int(len))) }
        }
        h.ignorableWhitespace = h.characters
        // Script and style bodies arrive as CDATA blocks in HTML: they are not page text.
        h.cdataBlock = { _, _, _ in }
        h.serror = { ctx, error in
            guard let ctx, let error else { return }
            let e = error.pointee
            var message = e.message.map { String(cString: $0) } ?? "parse error"
            while message.last == "\n" || message.last == " " { message.removeLast() }
            let issue = MarkupIssue(line: Int(e.line), column: Int(e.int2), message: message, isError: e.level.rawValue >= XML_ERR_ERROR.rawValue)
            LibXMLParser.withBuilder(ctx) { $0.issue(issue) }
        }
        return h
    }
}

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
