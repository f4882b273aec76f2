import SieveCore

/// The stages that look across documents of a run.
public enum SieveBatchStages {
    /// Every stage of this module.
    public static let all: [any Stage.Type] = [DedupeStage.self]
}
