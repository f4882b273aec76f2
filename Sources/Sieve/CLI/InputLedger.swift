import SieveCore

/// Which inputs a journaled run has done, by identity rather than by count.
///
/// Every work item has an identity (its path, and its record offset inside a container). The ledger folds the
/// identities of the items, in input order, into a running 64-bit FNV-1a digest; a checkpoint stores the digest
/// of its first `items` items and the identity of the last of them. `--resume` recomputes the digest over the
/// items it passes over and refuses (naming the difference) when the input walk no longer starts with exactly
/// the items the interrupted run did: a file added, removed or renamed before that point, or a container whose
/// records moved, would otherwise shift the output by position and lose or repeat documents.
///
/// Memory: one digest, plus the identities of the items taken from the walk and not yet checkpointed (at most
/// the run's in-flight window and one checkpoint interval), so it stays bounded on any number of inputs.
final class InputLedger {
    /// What the interrupted run had done: `items` work items whose identities fold to `digest`, the last being `last`.
    struct Expectation {
        var items: Int
        var digest: String
        var last: String?
    }

    private var state: UInt64 = StableHash.of("")
    private var folded = 0
    private var lastFolded: String?
    private var pending: [String] = []
    private var pendingStart = 0
    private var taken = 0
    private let expected: Expectation?
    /// Why the inputs do not match the interrupted run's, once that is known; the walk then ends early.
    private(set) var mismatch: String?

    /// A ledger for a fresh run, or for one resuming after `expected`.
    init(resuming expected: Expectation?) {
        self.expected = expected.flatMap { $0.items > 0 ? $0 : nil }
    }

    /// The identity of a work item: `path` for a file, `path@offset` for a record inside a container.
    static func identity(of item: WorkItem) -> String {
        switch item {
        case .file(let ref): ref.path
        case .record(let input, _): input.offset.map { "\(input.path)@\($0)" } ?? input.path
        case .failed(let failure): failure.offset.map { "\(failure.input)@\($0)" } ?? failure.input
        case .skipped(let reason): "(skipped: \(reason))"
        }
    }

    /// The items, checked against the expectation while the resumed part is passed over: on a mismatch the
    /// sequence ends there, before any item is processed, and `mismatch` says why.
    func track<Items: Sequence<WorkItem>>(_ items: Items) -> AnySequence<WorkItem> {
        var iterator = items.makeIterator()
        return AnySequence { [self] in
            AnyIterator { [self] in
                guard mismatch == nil else { return nil }
                guard let item = iterator.next() else {
                    if let expected, taken < expected.items {
                        mismatch = "the inputs now hold \(taken) item(s), but the interrupted run had already done "
                            + "\(expected.items) ending with \(expected.last ?? "?"): inputs were removed or renamed"
                    }
                    return nil
                }
                take(Self.identity(of: item))
                return mismatch == nil ? item : nil
            }
        }
    }

    private func take(_ identity: String) {
        taken += 1
        guard let expected, taken <= expected.items else {
            pending.append(identity)
            return
        }
        fold(identity)
        guard taken == expected.items, Self.hex(state) != expected.digest else { return }
        mismatch = identity == expected.last
            ? "an input before \(identity) was added, removed, renamed or changed its records since the interrupted run"
            : "the interrupted run had done \(expected.items) item(s) ending with \(expected.last ?? "?"), but item "
                + "\(expected.items) is now \(identity): inputs were added, removed, renamed or changed their records"
    }

    /// The digest of the first `items` items and the identity of the last of them (the items must have been taken).
    func digest(through items: Int) -> (digest: String, last: String?) {
        while folded < items, pendingStart < pending.count {
            fold(pending[pendingStart])
            pendingStart += 1
        }
        if pendingStart > 64, pendingStart * 2 > pending.count {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        return (Self.hex(state), lastFolded)
    }

    private func fold(_ identity: String) {
        for byte in identity.utf8 + [0x0A] {
            state ^= UInt64(byte)
            state = state &* 0x100000001b3
        }
        folded += 1
        lastFolded = identity
    }

    private static func hex(_ value: UInt64) -> String { String(value, radix: 16) }
}
