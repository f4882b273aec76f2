/// A fuzz target: one reader or parser that takes outside bytes, fed one input at a time.
///
/// ```
/// libFuzzer ──bytes──▶ fuzz/targets/NAME/Entry.swift ──▶ FuzzTarget.named(NAME).run(bytes)
///                                                            │ reader / parser / stages
/// test suite ──fuzz/corpus/NAME/*, fuzz/regressions/NAME/*──▶┘ (the same call)
/// ```
///
/// `run` must return for any input: errors are the expected outcome of bad bytes and are dropped; a crash,
/// a trap, a hang or unbounded memory is a finding. The same function serves `scripts/fuzz NAME SECONDS`
/// (through a libFuzzer entry point built only by that script) and the test suite, which replays every
/// corpus and regression input, so a crash once found stays fixed.
///
/// To add a target: a file here with a `static let` like the others, its name in `all`, a folder
/// `fuzz/targets/NAME` with an `Entry.swift` copied from a neighbour, seeds in `fuzz/corpus/NAME` and a
/// dictionary `fuzz/dictionaries/NAME.dict`.
public struct FuzzTarget: Sendable {
    /// The name used by `scripts/fuzz` and the corpus folders.
    public let name: String
    /// What the target feeds its input to.
    public let summary: String
    /// Feeds one input; never throws.
    public let run: @Sendable ([UInt8]) -> Void

    /// Every target, in the order CI runs them.
    public static let all: [FuzzTarget] = [html, text, gzip, warc, jsonLines, json, pipelineFile, execAnswer]

    /// The target called `name`.
    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
