import SieveCore
import Synchronization

/// `dedupe`: drops exact and near duplicates of documents seen earlier in the run, naming the document
/// each one duplicates.
///
/// Exact duplicates share the hash of their normalized text (lowercase letters and digits, runs of anything
/// else folded to one space). Near duplicates, such as syndicated copies with another header or footer,
/// are found with MinHash over word shingles (`shingle` words each, 64 hashes, 16 bands of 4 for
/// locality-sensitive lookup): a document is a near duplicate when its estimated Jaccard similarity to an
/// earlier one is at least `similarity`. Documents run through it in output order (it is an
/// `OrderedTransform`), so the first copy is kept whatever the number of jobs. Memory: about 400 bytes per
/// remembered document; at most `remember` documents are kept in mind (oldest forgotten first).
///
/// Options: `near` (default true), `similarity` (default 0.7), `shingle` (default 4), `min_words` (texts with
/// fewer words are only checked for exact copies, default 30), `remember` (default 1,000,000).
/// Example: a copy of `news/a` with a different footer → dropped, reason `near duplicate of news/a (similarity 0.86)`.
public struct DedupeStage: OrderedTransform, Filter {
    /// Options of the dedupe stage.
    public struct Options: StageOptions {
        /// Look for near duplicates, not only exact copies.
        public var near = true
        /// Least estimated Jaccard similarity of word shingles for a near duplicate.
        public var similarity = 0.7
        /// Words per shingle.
        public var shingle = 4
        /// Texts shorter than this many words are only checked for exact copies.
        public var min_words = 30
        /// Most documents remembered.
        public var remember = 1_000_000
        /// The defaults.
        public init() {}
        /// `near`, `similarity`, `shingle`, `min_words`, `remember`.
        public static let declared: [OptionSpec<Options>] = [
            .option("near", \.near, "also drop near duplicates, not only exact copies"),
            .option("similarity", \.similarity, "least Jaccard similarity (0-1) of word shingles for a near duplicate",
                    check: { $0 > 0 && $0 <= 1 ? nil : "must be more than 0 and at most 1, not \($0)" }),
            .option("shingle", \.shingle, "words per shingle", check: { $0 >= 1 ? nil : "must be at least 1, not \($0)" }),
            .option("min_words", \.min_words, "shorter texts are only checked for exact copies",
                    check: { $0 >= 0 ? nil : "must not be negative, not \($0)" }),
            .option("remember", \.remember, "most documents kept in mind (about 400 bytes each)",
                    check: { $0 >= 1 ? nil : "must be at least 1, not \($0)" }),
        ]
    }

    /// `dedupe`.
    public static let name = "dedupe"
    /// One line for `sieve stages`.
    public static let summary = "Drop exact and near-duplicate documents (MinHash), naming the earlier copy"
    /// Reads no HTML tree.
    public var treeAttributes: TreeAttributes { .standard }

    private let options: Options
    private let memory: SharedIndex

    /// Creates the stage from checked options.
    public init(options: Options) {
        self.options = options
        memory = SharedIndex(DuplicateIndex(capacity: options.remember))
    }

    /// Drops the document when it repeats an earlier one; otherwise remembers it.
    public func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        let words = TextFingerprint.words(of: document.text)
        let exact = TextFingerprint.exactHash(words)
        let signature = options.near && words.count >= options.min_words
            ? TextFingerprint.minHash(words, shingle: options.shingle) : nil
        let id = document.id
        let similarity = options.similarity
        return memory.state.withLock { index in
            if let original = index.exact[exact] {
                return .drop(reason: "exact duplicate of \(original)")
            }
            if let signature, let (original, score) = index.nearest(to: signature, atLeast: similarity) {
                return .drop(reason: "near duplicate of \(original) (similarity \((score * 100).rounded() / 100))")
            }
            index.remember(id: id, exact: exact, signature: signature)
            return .keep
        }
    }
}

/// The index behind a lock, shared by every copy of the stage.
final class SharedIndex: Sendable {
    let state: Mutex<DuplicateIndex>

    init(_ index: DuplicateIndex) {
        state = Mutex(index)
    }
}
