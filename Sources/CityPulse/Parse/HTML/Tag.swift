/// The element names a page reader distinguishes. Everything else is `.other`; text runs are `.text`.
public enum Tag: UInt8, Sendable, CaseIterable {
    case text, other
    case html, head, body, title, meta, link, base, script, style, noscript, template
    case div, p, span, a, br, hr, img, h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd, table, thead, tbody, tfoot, tr, td, th, caption
    case article, section, main, header, footer, nav, aside, figure, figcaption, blockquote, pre, center
    case form, input, button, select, option, textarea, label, iframe, frame, frameset, object, embed, svg, canvas
    case time, font, strong, b, em, i, u, small, sup, sub, address, code, video, audio, map, area, ins, del

    /// The lowercase element name.
    public var name: String {
        switch self {
        case .text: return "#text"
        case .other: return "#other"
        default: return String(describing: self)
        }
    }

    /// Elements whose start and end break a line of text.
    public var isBlock: Bool { Tag.blockSet[Int(rawValue)] }

    /// Elements that hold page chrome by their nature.
    public var isChrome: Bool { self == .nav || self == .footer || self == .aside }

    /// Elements whose content is never page text.
    public var isInvisible: Bool { Tag.invisibleSet[Int(rawValue)] }

    /// The tag of a name given as lowercase UTF-8 bytes.
    static func lookup<C: Collection<UInt8>>(_ bytes: C) -> Tag {
        nameTable[pack(bytes)] ?? .other
    }

    /// Packs an ASCII name into an integer key: short names byte by byte, long ones hashed.
    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        if bytes.count <= 8 {
            var v: UInt64 = 0
            for b in bytes {
                let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                v = (v << 8) | UInt64(lower)
            }
            return v
        }
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            h = (h ^ UInt64(lower)) &* 0x100000001b3
        }
        return h | (1 << 63)
    }

    private static let nameTable = PackedNameTable(
        Tag.allCases.filter { $0 != .text && $0 != .other }.map { (pack(Array($0.name.utf8)[...]), $0) })

    private static let blockSet: [Bool] = {
        let blocks: Set<Tag> = [
            .html, .body, .div, .p, .br, .hr, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd,
            .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .article, .section, .main, .header,
            .footer, .nav, .aside, .figure, .figcaption, .blockquote, .pre, .center, .form, .address, .title,
            .iframe, .video, .audio,
        ]
        return Tag.allCases.map { blocks.contains($0) }
    }()

    private static let invisibleSet: [Bool] = {
        let hidden: Set<Tag> = [
            .head, .script, .style, .noscript, .template, .title, .meta, .link, .base, .iframe, .frame,
            .frameset, .object, .embed, .svg, .canvas, .select, .option, .textarea, .button, .input,
            .video, .audio, .map, .area,
        ]
        return Tag.allCases.map { hidden.contains($0) }
    }()
}

/// A fixed set of packed names (see `Tag.pack`) and their values, found through the record logs'
/// open-addressing table instead of a dictionary's SipHash: every element and attribute name of every
/// page goes through here.
struct PackedNameTable<Value: Sendable>: Sendable {
    private var slots = PairTable()
    private var values: [Value] = []

    init(_ pairs: [(UInt64, Value)]) {
        for (key, value) in pairs where slots.find(key, 0) == nil {
            slots.insert(key, 0, index: values.count)
            values.append(value)
        }
    }

    subscript(key: UInt64) -> Value? {
        slots.find(key, 0).map { values[$0] }
    }
}
