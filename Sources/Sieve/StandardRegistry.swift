import SieveBatch
import SieveCore
import SieveExternal
import SieveHTML
import SieveLanguage
import SieveSinks
import SieveText

extension StageRegistry {
    /// Every built-in stage: readers, normalizers, extractors and sinks. Extend it with `with(_:)`.
    public static var standard: StageRegistry {
        var registry = StageRegistry()
        for type in SieveHTMLStages.all + SieveTextStages.all + SieveLanguageStages.all + SieveBatchStages.all + SieveExternalStages.all
            + SieveSinksStages.all {
            registry.register(type)
        }
        return registry
    }

    /// The default news pipeline: the transforms `sieve convert` runs when no `--stage` is given, in order,
    /// keeping only those this registry has.
    public var defaultTransforms: [StageSpec] {
        DefaultPipeline.transformNames.filter { descriptor(named: $0) != nil }.map { StageSpec(name: $0, origin: "default pipeline") }
    }
}

/// The order of the default news pipeline.
enum DefaultPipeline {
    /// Main content first (it needs the raw HTML tree), the page's metadata, the language of the text (the
    /// Vietnamese extractors read it), then text clean-up, then field extraction.
    static let transformNames = [
        "main-content", "metadata", "language", "nfc", "whitespace", "unwrap", "boilerplate-lines", "title",
        "published", "dates", "school-years", "people", "organizations", "places",
    ]
}
