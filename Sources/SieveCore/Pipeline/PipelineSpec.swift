import Glibc

/// Everything a run needs, before anything is built: which reader, which transforms in order, which sink,
/// and the run policy. Comes from command-line flags or a pipeline file.
public struct PipelineSpec: Sendable {
    /// The reader to use for every input, or nil to pick one per input by extension and content.
    public var reader: StageSpec?
    /// Normalizers and extractors, applied in this order.
    public var transforms: [StageSpec]
    /// The sink that writes the documents.
    public var sink: StageSpec
    /// How the run is carried out.
    public var policy: RunPolicy

    /// Creates a spec.
    public init(reader: StageSpec? = nil, transforms: [StageSpec], sink: StageSpec, policy: RunPolicy = RunPolicy()) {
        self.reader = reader
        self.transforms = transforms
        self.sink = sink
        self.policy = policy
    }
}

/// How a run is carried out: parallelism, the memory bound, ordering and error handling.
public struct RunPolicy: Sendable {
    /// Inputs processed at once.
    public var jobs: Int
    /// The most inputs read but not yet written at once: the memory bound (at least `jobs`).
    public var maxInFlight: Int
    /// Whether output keeps input order (otherwise documents are written as they finish).
    public var ordered: Bool
    /// The largest input accepted, after decompression; larger ones are reported, not parsed.
    public var maxBytes: Int
    /// Stop at the first failed input.
    public var failFast: Bool
    /// Stop once more inputs than this have failed.
    public var maxErrors: Int?
    /// Fail a document whose transforms take longer than this (checked after each stage).
    public var documentTimeout: Duration?
    /// Time every stage with the thread CPU clock; the totals come back in `RunReport.profile`.
    public var profile = false

    /// The defaults: one job per core, eight inputs in flight per job, ordered, 64 MiB per input.
    public init(jobs: Int = RunPolicy.coreCount, maxInFlight: Int? = nil, ordered: Bool = true,
                maxBytes: Int = RunPolicy.defaultMaxBytes, failFast: Bool = false, maxErrors: Int? = nil,
                documentTimeout: Duration? = nil) {
        self.jobs = max(1, jobs)
        self.maxInFlight = max(self.jobs, maxInFlight ?? self.jobs * 8)
        self.ordered = ordered
        self.maxBytes = maxBytes
        self.failFast = failFast
        self.maxErrors = maxErrors
        self.documentTimeout = documentTimeout
    }

    /// The default largest input: 64 MiB.
    public static let defaultMaxBytes = 64 << 20

    /// The number of active processor cores.
    public static var coreCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
