/// A note a stage leaves on a document: something repaired, doubtful or dropped.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious the note is.
    public enum Severity: String, Sendable, Hashable, Codable { case info, warning, error }

    /// Name of the stage that wrote the note.
    public var stage: String
    /// How serious it is.
    public var severity: Severity
    /// What happened, in words a user can act on.
    public var message: String

    /// Creates a diagnostic.
    public init(stage: String, severity: Severity, message: String) {
        self.stage = stage
        self.severity = severity
        self.message = message
    }
}
