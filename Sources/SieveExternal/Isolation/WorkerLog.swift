import Glibc
import Logging
import SieveCore
import Synchronization

/// How a `sieve worker` hands its log records to the run that started it, so each is logged once, by the run's
/// own logger, exactly as an in-process run logs it (same format, level and metadata; hidden by `--quiet`),
/// instead of the run logging the worker's formatted line again under a prefix of its own.
///
/// ```
/// worker stderr  \u{1E}sieve-log {"level":"info","source":"SieveExternal","message":"note","metadata":{"stage":"exec","worker":"chatty"}}
/// run's log      2024-05-01T10:00:00+0000 info sieve: stage=exec worker=chatty [SieveExternal] note
/// ```
/// The worker's `Logger` writes through `WorkerLog.Handler`; the run's `StderrPump` reads its lines back with
/// `record(_:)`. Anything else the worker writes to standard error (a crash report) stays a plain line.
public enum WorkerLog {
    /// A log record as it crosses: the level, message, flattened metadata and source module.
    struct Record: Sendable, Equatable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
        var source: String

        /// The record as one line of text, for a failure message: `stage=exec worker=chatty note`.
        var text: String {
            (metadata.keys.sorted().map { "\($0)=\(metadata[$0]!)" } + [message]).joined(separator: " ")
        }
    }

    /// What opens every record's line: an ASCII record separator, which no ordinary log or crash line starts with.
    static let marker = "\u{1E}sieve-log "

    /// The line (with its newline) that carries `record`.
    static func line(_ record: Record) -> [UInt8] {
        var writer = JSONWriter()
        writer.bytes.append(contentsOf: marker.utf8)
        writer.raw("{"); writer.key("level"); writer.string(record.level.rawValue)
        writer.raw(","); writer.key("source"); writer.string(record.source)
        writer.raw(","); writer.key("message"); writer.string(record.message)
        writer.raw(","); writer.key("metadata"); writer.value(.object(record.metadata.mapValues(FieldValue.string)))
        writer.raw("}\n")
        return writer.bytes
    }

    /// The record a line carries; nil for any other line (which is then logged as it is).
    static func record(_ line: String) -> Record? {
        guard line.hasPrefix(marker), case .object(let members)? = try? JSONParser.parse(Array(line.utf8.dropFirst(marker.utf8.count))),
              let level = members["level"]?.stringValue.flatMap(Logger.Level.init(rawValue:)),
              let message = members["message"]?.stringValue, let source = members["source"]?.stringValue,
              case .object(let metadata)? = members["metadata"] else { return nil }
        return Record(level: level, message: message, metadata: metadata.compactMapValues(\.stringValue), source: source)
    }

    /// The log handler of a `sieve worker` process: every record becomes one `WorkerLog` line on standard error.
    public struct Handler: LogHandler {
        /// Serializes the lines of the worker's threads, so two records never interleave.
        private static let writing = Mutex(())
        /// Metadata set on the logger.
        public var metadata: Logger.Metadata = [:]
        /// The least level written; the run's logger filters again with its own level.
        public var logLevel: Logger.Level = .info
        /// Metadata providers are not used.
        public var metadataProvider: Logger.MetadataProvider?

        /// A handler writing to standard error.
        public init() {}

        /// Metadata by key.
        public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        /// Writes the event as one line.
        public func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
            let line = WorkerLog.line(Record(level: event.level, message: event.message.description,
                                             metadata: merged.mapValues(\.description), source: event.source))
            Self.writing.withLock { _ in _ = WorkerOutput.write(line, to: STDERR_FILENO) }
        }
    }
}
