import CityPulseQuantities
import Foundation

/// A target's progress over its period as inline SVG: the cumulative actual of the series as a line,
/// the results releases reported as marked points (each names its release), the target as a
/// horizontal line, the straight pace line from nothing at the start to the target at the end, and
/// the as-of date. Every label is escaped; no script.
enum ProgressChart {
    static let width = 360.0
    static let height = 180.0
    static let margin = (top: 16.0, right: 12.0, bottom: 30.0, left: 52.0)

    /// Nil for a target with no period (nothing to draw the pace against).
    static func svg(_ rows: [ProgressRow], goal: ExactDecimal, period: Period?, asOf: Day, unit: String, title: String) -> String? {
        guard let period else { return nil }
        let fmt = SVGChart.fmt, esc = SVGChart.escape, number = SVGChart.number
        let plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom
        let span = Double(max(1, period.end.ordinal - period.start.ordinal))
        let top = SVGChart.niceMax(max(goal.doubleValue, rows.compactMap { $0.actual?.doubleValue }.max() ?? 0))
        func x(_ d: Day) -> Double { margin.left + plotW * min(1, max(0, Double(d.ordinal - period.start.ordinal) / span)) }
        func y(_ v: Double) -> Double { margin.top + plotH - plotH * min(1, max(0, v / top)) }

        var svg = "<svg class=\"chart progress\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" aria-label=\"\(esc(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        for k in 0...2 {
            let v = top * Double(k) / 2
            svg += "<line class=\"grid\" x1=\"\(fmt(margin.left))\" x2=\"\(fmt(width - margin.right))\" y1=\"\(fmt(y(v)))\" y2=\"\(fmt(y(v)))\"/>"
            svg += "<text class=\"tick\" x=\"\(fmt(margin.left - 4))\" y=\"\(fmt(y(v) + 4))\" text-anchor=\"end\">\(esc(number(v)))</text>"
        }
        let base = height - margin.bottom
        svg += "<line class=\"axis\" x1=\"\(fmt(margin.left))\" x2=\"\(fmt(width - margin.right))\" y1=\"\(fmt(base))\" y2=\"\(fmt(base))\"/>"
        svg += "<text class=\"tick\" x=\"\(fmt(margin.left))\" y=\"\(fmt(base + 14))\">\(esc(period.start.description))</text>"
        svg += "<text class=\"tick\" x=\"\(fmt(width - margin.right))\" y=\"\(fmt(base + 14))\" text-anchor=\"end\">\(esc(period.end.description))</text>"

        let g = goal.doubleValue
        svg += "<line class=\"goal\" x1=\"\(fmt(margin.left))\" x2=\"\(fmt(width - margin.right))\" y1=\"\(fmt(y(g)))\" y2=\"\(fmt(y(g)))\"><title>目标 target: \(esc(number(g))) \(esc(unit))</title></line>"
        svg += "<line class=\"pace\" x1=\"\(fmt(x(period.start)))\" y1=\"\(fmt(y(0)))\" x2=\"\(fmt(x(period.end)))\" y2=\"\(fmt(y(g)))\"><title>按时间应达 pace</title></line>"
        if asOf >= period.start && asOf <= period.end {
            svg += "<line class=\"asof\" x1=\"\(fmt(x(asOf)))\" x2=\"\(fmt(x(asOf)))\" y1=\"\(fmt(margin.top))\" y2=\"\(fmt(base))\"><title>截至 as of \(esc(asOf.description))</title></line>"
            svg += "<text class=\"tick\" x=\"\(fmt(x(asOf)))\" y=\"\(fmt(margin.top - 4))\" text-anchor=\"middle\">\(esc(asOf.description))</text>"
        }
        let series = rows.filter { $0.source == .series }
        if !series.isEmpty {
            let path = series.enumerated().map { i, r in (i == 0 ? "M" : "L") + fmt(x(r.date)) + " " + fmt(y(r.actual!.doubleValue)) }
            svg += "<path class=\"line\" d=\"\(path.joined(separator: " "))\"/>"
            for r in series {
                svg += "<circle cx=\"\(fmt(x(r.date)))\" cy=\"\(fmt(y(r.actual!.doubleValue)))\" r=\"2.5\"><title>统计 series \(esc(r.date.description)): \(esc(number(r.actual!.doubleValue))) \(esc(unit))</title></circle>"
            }
        }
        for r in rows where r.source == .release {
            let v = r.actual!.doubleValue
            svg += "<rect class=\"release\" x=\"\(fmt(x(r.date) - 4))\" y=\"\(fmt(y(v) - 4))\" width=\"8\" height=\"8\" transform=\"rotate(45 \(fmt(x(r.date))) \(fmt(y(v))))\"><title>发布稿 release \(esc(r.file ?? "")) \(esc(r.date.description)): \(esc(number(v))) \(esc(unit))</title></rect>"
        }
        svg += "</svg>"
        return svg
    }
}
