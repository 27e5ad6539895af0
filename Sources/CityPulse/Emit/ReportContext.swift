/// What the report template sees, every value already worded for display. The property names are the
/// names a template uses (`{{#targets}}{{metric}}…{{/targets}}`); README's template section lists them.
struct ReportContext {
    struct Target {
        var metric, region, period, target, actual, progress, expected: String
        /// Widths for the progress bar and the pace mark, in percent of the bar.
        var barWidth, paceLeft: String
        var status, statusText, statedOn, source: String
        var hasReported: Bool
        var reported: String
        var hasRestatements: Bool
        var restatements: [Restatement]
        /// The progress chart (inline SVG, escaped inside); nil for a target with no period.
        var progressChart: String?
        /// Where the latest reported result and the statistics disagree: both and the gap; nil otherwise.
        var gap: String?
    }

    struct Restatement {
        var value, statedOn, source: String
    }

    struct FactRow {
        var id, metric, kind, kindText, value, period, region: String
        /// The sentence with the number marked, already HTML-escaped.
        var sentence: String
        /// The first `ReportBuilder.sourcesListed` sources; the feed has them all.
        var sources: [SourceLink]
        /// How many sources the row leaves out; nil when it lists them all.
        var sourcesNotListed: Int?
    }

    struct SourceLink {
        var label, href: String
    }

    struct Input {
        var path, source, kind: String
        var illustrative: Bool
        var sha, href: String
    }

    struct Chart {
        var title, unit: String
        /// Inline SVG, already escaped inside.
        var svg: String
        var bars: String?
        var barTitle: String?
    }

    struct Metric {
        var metric: String
    }

    struct RejectRow {
        var file: String
        var line: Int
        var column, reason, excerpt: String
    }

    struct DiagnosticRow {
        var severity, location, stage, message: String
    }

    var title, pipeline, asOf: String
    var illustrative: Bool
    /// The first `ReportBuilder.inputsListed` inputs; the manifest lists them all.
    var inputs: [Input]
    var inputCount: Int
    /// How many inputs the report leaves out of its list; nil when it lists them all.
    var inputsNotListed: Int?
    var targets: [Target]
    var hasTargets: Bool
    var charts: [Chart]
    var untargeted: [Metric]
    var hasUntargeted: Bool
    var facts: [FactRow]
    var factCount: Int
    var rejects: [RejectRow]
    var rejectCount, rejectsShown, rowsRead, rowsUsed, rowsFiltered: Int
    var diagnostics: [DiagnosticRow]
    var diagnosticCount, documentCount: Int
}
