import SieveCore

/// The stages that run code from outside Sieve: external programs (`exec`) and shared libraries (`dylib`).
public enum SieveExternalStages {
    /// Every stage of this module. Neither belongs in the default pipeline: both need a user's program.
    public static let all: [any Stage.Type] = [ExecStage.self, DylibStage.self]
}
