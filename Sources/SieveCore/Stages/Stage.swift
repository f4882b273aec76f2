import Logging

/// What every stage shares: a registered name, a one-line summary and validated options.
///
/// A stage is built once per run from its options, before any input is read; `init(options:)` is where a
/// stage rejects bad values. The same built stage then serves every document, from several workers at once.
public protocol Stage: SendableMetatype {
    /// The options the stage accepts; `NoOptions` when it takes none.
    associatedtype Options: StageOptions = NoOptions
    /// The name used on the command line and in pipeline files, such as `nfc` or `main-content`.
    static var name: String { get }
    /// One line for `sieve stages`.
    static var summary: String { get }
    /// One line per option, `name: what it does`, for `sieve stages`.
    static var optionHelp: [String: String] { get }
    /// Builds the stage, validating its options.
    init(options: Options) throws
}

extension Stage {
    /// Stages without option documentation describe none.
    public static var optionHelp: [String: String] { [:] }
}

/// Options of a stage: a Codable struct whose `init()` gives the defaults.
public protocol StageOptions: Codable, Sendable {
    /// The default options.
    init()
}

/// Options of a stage that takes none.
public struct NoOptions: StageOptions {
    /// No options.
    public init() {}
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
    case reader, normalizer, extractor, sink
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
