/// How a run ended, as the exit code says it.
public enum RunStatus: Int32, Sendable, Codable, Comparable {
    case success = 0
    /// Nothing was published.
    case failure = 1
    /// The pipeline file or the command line is not valid.
    case invalid = 64
    /// Published, but a data-quality check failed.
    case qualityFailed = 65
    /// Nothing was published: the run would drop more of the last publish than `quality.max_drop`
    /// allows (`--accept-drop` publishes anyway).
    case shrunk = 66
    /// Another run holds the pipeline's lock.
    case locked = 75

    public var meaning: String {
        switch self {
        case .success: return "success"
        case .failure: return "failed; nothing published"
        case .invalid: return "invalid pipeline or usage"
        case .qualityFailed: return "published; a data-quality check failed"
        case .shrunk: return "not published: the run drops more of the last publish than quality.max_drop allows"
        case .locked: return "another run holds the lock"
        }
    }

    /// Severity order, so several pipelines' statuses combine into the worst.
    var rank: Int {
        switch self {
        case .success: return 0
        case .qualityFailed: return 1
        case .shrunk: return 2
        case .locked: return 3
        case .failure: return 4
        case .invalid: return 5
        }
    }

    public static func < (a: RunStatus, b: RunStatus) -> Bool { a.rank < b.rank }
}
