import SieveCore

/// The stages of this module.
public enum SieveLanguageStages {
    /// Every stage of this module.
    public static let all: [any Stage.Type] = [LanguageStage.self]
}
