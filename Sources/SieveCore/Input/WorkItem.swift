/// One unit of work for the runner: a file to load in a worker, a record already cut out of a container,
/// or an input that fails or is skipped before any stage runs.
public enum WorkItem: Sendable {
    /// A file (or standard input), loaded by the worker that processes it.
    case file(InputRef)
    /// A record from a container (WARC, JSON Lines), with its bytes; `reader` names the reader to use.
    case record(Input, reader: String?)
    /// An input that cannot be processed at all.
    case failed(Failure)
    /// A record deliberately passed over (a non-HTML or non-200 WARC record), with the reason.
    case skipped(String)

    /// The path this work came from.
    public var path: String {
        switch self {
        case .file(let ref): ref.path
        case .record(let input, _): input.path
        case .failed(let failure): failure.input
        case .skipped: ""
        }
    }
}
