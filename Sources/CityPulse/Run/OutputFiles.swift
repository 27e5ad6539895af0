/// Names of the files every run publishes.
public enum OutputFiles {
    public static let metrics = "metrics.json.gz"
    public static let facts = "facts.ndjson.gz"
    public static let report = "report.html"
    public static let rejects = "rejects.csv"
    public static let manifest = "manifest.json"
    public static let all = [metrics, facts, report, rejects, manifest]
}
