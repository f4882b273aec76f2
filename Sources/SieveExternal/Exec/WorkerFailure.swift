/// Why a worker process could not serve a request: it could not start, exited, hung, broke the protocol, or
/// the run was stopped while it worked.
struct WorkerFailure: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; every kind means the worker must be replaced.
    enum Kind: Sendable { case spawn, exited, timedOut, protocolError, stopped }

    /// The kind of failure.
    var kind: Kind
    /// What happened, in words.
    var message: String

    /// Creates a failure.
    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    var description: String { message }
}
