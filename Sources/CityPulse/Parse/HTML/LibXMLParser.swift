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
