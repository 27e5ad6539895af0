import CityPulseQuantities
import Foundation

/// Charts drawn as inline SVG, so the report needs no script and no network. Every label is escaped.
enum SVGChart {
    struct Point { var label: String; var value: Double }

    static let width = 640.0
    static let height = 260.0
    static let margin = (top: 24.0, right: 16.0, bottom: 48.0, left: 72.0)

    /// A line over time.
    static func line(_ points: [Point], unit: String, title: String) -> String {
        frame(points, unit: unit, title: title) { x, y, band in
            var path = ""
            var dots = ""
            for (i, p) in points.enumerated() {
                let px = x(i) + band / 2, py = y(p.value)
                path += (i == 0 ? "M" : "L") + fmt(px) + " " + fmt(py) + " "
                dots += "<circle cx=\"\(fmt(px))\" cy=\"\(fmt(py))\" r=\"3\"><title>\(escape(p.label)): \(escape(number(p.value))) \(escape(unit))</title></circle>"
            }
            return "<path class=\"line\" d=\"\(path)\"/>" + dots
        }
    }

    /// Bars by region (or any category).
    static func bars(_ points: [Point], unit: String, title: String) -> String {
        frame(points, unit: unit, title: title) { x, y, band in
            var out = ""
            for (i, p) in points.enumerated() {
                let top = y(p.value), base = y(0)
                out += "<rect class=\"col\" x=\"\(fmt(x(i) + band * 0.15))\" y=\"\(fmt(min(top, base)))\" width=\"\(fmt(band * 0.7))\" height=\"\(fmt(abs(base - top)))\"><title>\(escape(p.label)): \(escape(number(p.value))) \(escape(unit))</title></rect>"
            }
            return out
        }
    }

    private static func frame(_ points: [Point], unit: String, title: String,
                              marks: (_ x: (Int) -> Double, _ y: (Double) -> Double, _ band: Double) -> String) -> String {
        let plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom
        let maxValue = niceMax(points.map(\.value).max() ?? 1)
        let band = plotW / Double(max(points.count, 1))
        let x: (Int) -> Double = { margin.left + Double($0) * band }
        let y: (Double) -> Double = { margin.top + plotH - plotH * ($0 / maxValue) }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" aria-label=\"\(escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for k in 0...4 {
            let v = maxValue * Double(k) / 4
            svg += "<line class=\"grid\" x1=\"\(fmt(margin.left))\" x2=\"\(fmt(width - margin.right))\" y1=\"\(fmt(y(v)))\" y2=\"\(fmt(y(v)))\"/>"
            svg += "<text class=\"tick\" x=\"\(fmt(margin.left - 6))\" y=\"\(fmt(y(v) + 4))\" text-anchor=\"end\">\(escape(number(v)))</text>"
        }
        svg += "<text class=\"unit\" x=\"4\" y=\"14\">\(escape(unit))</text>"
        // Label every n-th point so labels never overlap: about 7 px per character at 11 px.
        let widest = Double(points.map { $0.label.unicodeScalars.count }.max() ?? 1) * 7 + 8
        let every = max(1, Int((widest / band).rounded(.up)))
        for (i, p) in points.enumerated() where i % every == 0 {
            svg += "<text class=\"tick\" x=\"\(fmt(x(i) + band / 2))\" y=\"\(fmt(height - margin.bottom + 16))\" text-anchor=\"middle\">\(escape(p.label))</text>"
        }
        svg += "<line class=\"axis\" x1=\"\(fmt(margin.left))\" x2=\"\(fmt(width - margin.right))\" y1=\"\(fmt(y(0)))\" y2=\"\(fmt(y(0)))\"/>"
        svg += marks(x, y, band)
        svg += "</svg>"
        return svg
    }

    /// A round upper bound for the value axis.
    static func niceMax(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(v)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= v { return step * magnitude }
        return 10 * magnitude
    }

    /// Numbers as people read them in Chinese reports: 万 and 亿 for large values.
    static func number(_ v: Double) -> String {
        if abs(v) >= 100_000_000 { return trim(v / 100_000_000) + "亿" }
        if abs(v) >= 10_000 { return trim(v / 10_000) + "万" }
        return trim(v)
    }

    private static func trim(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    static func escape(_ s: String) -> String { HTMLEscape.text(s) }
}
