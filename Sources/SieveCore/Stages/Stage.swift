import Logging

/// What every stage shares: a registered name, a declared role, a one-line summary and declared options.
///
/// A stage is built once per run from its options, before any input is read. The registry has already
/// checked every written option against `Options.declared` (names, types, choices, declared checks), so
/// `init(options:)` only precomputes, and rejects what needs the outside world (a library that will not
/// load, a worker that will not start). The same built stage then serves every document, from several
/// workers at once.
///
/// The role comes from the protocol a stage conforms to (`SourceReader`, `Normalizer`, `Extractor`,
/// `Filter`, `SinkWriter`); a bare `Transform` must say `static let role = StageRole.extractor` itself.
public protocol Stage: SendableMetatype {
    /// The options the stage accepts; `NoOptions` when it takes none.
    associatedtype Options: StageOptions = NoOptions
    /// The name used on the command line and in pipeline files, such as `nfc` or `main-content`.
    static var name: String { get }
    /// What the stage is for in a pipeline.
    static var role: StageRole { get }
    /// One line for `sieve stages`.
    static var summary: String { get }
    /// Builds the stage from checked options.
    init(options: Options) throws
}

/// Options of a stage: a struct whose `init()` gives the defaults and whose `declared` list names each
/// option once (see `OptionSpec`). Every stored property is declared; `StageConformance` checks it.
public protocol StageOptions: Sendable {
    /// The default options.
    init()
    /// Every option, in the order `sieve stages` shows them.
    static var declared: [OptionSpec<Self>] { get }
}

/// Options of a stage that takes none.
public struct NoOptions: StageOptions {
    /// No options.
    public init() {}
    /// None.
    public static var declared: [OptionSpec<NoOptions>] { [] }
}

/// What a stage sees besides the document: its name, a logger, and where to time parts of its work when the
/// run is profiled. One struct, so new fields never break stages.
public struct StageContext: Sendable {
    /// The registered name of the running stage.
    public var stageName: String
    /// Where the stage may log; messages carry the stage name.
    public var logger: Logger
    /// Set when the run is profiled (`--profile`): parts a stage times with `measure` get rows of their own.
    public var timer: StageTimer?
    /// For a reader: set when the pipeline's first transform replaces the blocks (`Transform.replacesBlocks`),
    /// so blocks built here would be thrown away unread; a reader may then leave them to that transform.
    public var blocksReplaced = false
    /// For a reader: `.standard` when every transform of the pipeline reads at most the standard attributes of
    /// the HTML tree (`Transform.treeAttributes`), so a reader may leave the others out of the tree it attaches.
    public var treeAttributes = TreeAttributes.all

    /// Creates a context.
    public init(stageName: String, logger: Logger, timer: StageTimer? = nil) {
        self.stageName = stageName
        self.logger = logger
        self.timer = timer
    }

    /// Runs `body`; when the run is profiled, its thread CPU time becomes the row `stageName: part` (such as
    /// `html: parse`), apart from the rest of the stage's time. Costs nothing when the run is not profiled.
    public func measure<R>(_ part: String, _ body: () throws -> R) rethrows -> R {
        guard let timer else { return try body() }
        return try timer.measure(part, body)
    }
}

/// The role a registered stage plays in a pipeline.
public enum StageRole: String, Sendable, Codable, CaseIterable {
    /// Turns inputs into documents (`SourceReader`).
    case reader
    /// Rewrites text in place (`Normalizer`).
    case normalizer
    /// Adds metadata and fields (`Extractor`).
    case extractor
    /// Keeps or drops documents (`Filter`).
    case filter
    /// Writes documents out (`SinkWriter`).
    case sink

    /// Whether stages of this role go in a pipeline's `stages:` list (the transforms).
    public var isTransform: Bool { self == .normalizer || self == .extractor || self == .filter }
}

/// A typed error a stage throws for one document or at creation; the message names the problem.
public struct StageError: Error, Sendable, CustomStringConvertible {
    /// The stage that failed.
    public var stage: String
    /// What went wrong.
    public var message: String

    /// Creates a stage error.
    public init(stage: String, _ message: String) {
        self.stage = stage
        self.message = message
    }

    /// `stage: message`.
    public var description: String { "\(stage): \(message)" }
}
