import Foundation

/// How a run is carried out: where to read and write, for which date, with how much parallelism.
public struct RunOptions: Sendable {
    public var inputRoot: URL
    public var outputRoot: URL
    /// The report date; nil means today (UTC) from `clock`.
    public var asOf: Day?
    public var jobs: Int
    /// Ignore the cache and process every input again.
    public var full: Bool
    /// Show what would be read and written; write nothing.
    public var dryRun: Bool
    /// Seconds to wait for another run's lock; 0 fails at once.
    public var wait: Double
    /// Publish even when the run drops more of the last publish than `quality.max_drop` allows.
    public var acceptDrop = false
    /// Process only this shard's inputs and leave a partial result for `citypulse merge`, publishing nothing.
    public var shard: Shard?
    /// The time source, injected so tests run with a fixed clock.
    public var clock: @Sendable () -> Date
    /// Called as files are processed (done, total); nil for no progress display.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(
        inputRoot: URL, outputRoot: URL, asOf: Day? = nil, jobs: Int = 1, full: Bool = false, dryRun: Bool = false,
        wait: Double = 0, clock: @escaping @Sendable () -> Date = { Date() }, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) {
        self.inputRoot = inputRoot
        self.outputRoot = outputRoot
        self.asOf = asOf
        self.jobs = jobs
        self.full = full
        self.dryRun = dryRun
        self.wait = wait
        self.clock = clock
        self.progress = progress
    }

    /// Today in UTC by the injected clock.
    public var today: Day {
        let seconds = Int(clock().timeIntervalSince1970)
        return Day(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
}
