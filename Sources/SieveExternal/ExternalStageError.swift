/// An error of the `exec` or `dylib` stage at creation, such as a failed handshake; the message says what to fix.
struct ExternalStageError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    var message: String

    /// Creates an error.
    init(_ message: String) { self.message = message }

    /// The message.
    var description: String { message }
}
