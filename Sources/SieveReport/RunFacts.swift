/// What the report knows about the run itself, when it was made at the end of one (`sieve convert --report`):
/// its settings, its counts, how long it took and the memory it used. A report made later from an output
/// file (`sieve report`) has none of it.
public struct RunFacts: Sendable {
    /// Settings as label and value, in the order shown: `("stages", "html, nfc, …")`, `("jobs", "2")`.
    public var settings: [(label: String, value: String)] = []
    /// Inputs read (files, or records of containers).
    public var inputs = 0
    /// Bytes of input read, after decompression.
    public var bytes = 0
    /// Documents written.
    public var written = 0
    /// Records passed over on purpose, by reason (non-HTML WARC records…).
    public var skipped: [String: Int] = [:]
    /// Wall-clock seconds of the run.
    public var seconds: Double = 0
    /// CPU seconds (user + system) of the process and its finished worker processes.
    public var cpuSeconds: Double = 0
    /// Peak resident memory in bytes: the largest of the process and of any one worker process.
    public var peakMemoryBytes = 0
    /// Why the run stopped early, if it did.
    public var stoppedEarly: String?

    /// Empty facts, to fill in.
    public init() {}
}
