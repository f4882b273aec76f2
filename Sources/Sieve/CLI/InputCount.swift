import Glibc
import SieveCore
import Synchronization
import Foundation

/// How much input a run has, counted by a second walk of the inputs on a background thread (a folder walk
/// costs one `stat` per file, far less than converting it), so the progress line can show a total and the
/// time left. Files are counted when no input is a container (WARC, JSON Lines), whose records are only known
/// by reading them; bytes are counted when no input is gzipped, whose size after decompression (what the run
/// counts) is unknown. `--files-from` and standard input are not counted.
final class InputCount: Sendable {
    /// The totals, once the walk is done.
    struct Totals: Sendable, Equatable {
        /// Work items of the run (files read or skipped), or nil when some are containers.
        var items: Int?
        /// Bytes the run will read, or nil when some are gzipped.
        var bytes: Int?
    }

    private let result = Mutex<Totals?>(nil)

    /// Starts counting the files of `selection` (nothing to count for `--files-from` or standard input).
    init(_ selection: InputSource.Selection) {
        guard selection.filesFrom == nil, !selection.paths.contains("-") else { return }
        let thread = Thread { [self] in
            let totals = Self.count(selection)
            result.withLock { $0 = totals }
        }
        thread.name = "sieve-input-count"
        thread.start()
    }

    /// The totals, or nil while the walk is still going (or was not started).
    var totals: Totals? {
        result.withLock { $0 }
    }

    /// Walks the inputs as the run will, counting its work items (files read, skipped or unreadable, as the
    /// run's `read` count does) and the bytes of the files it reads.
    static func count(_ selection: InputSource.Selection) -> Totals {
        var items = 0, bytes = 0
        var containers = false, gzipped = false
        for ref in InputWalker(paths: selection.paths) {
            guard case .file = ref.kind else {
                items += 1
                continue
            }
            if let shard = selection.shard, StableHash.of(ref.path) % UInt64(shard.count) != UInt64(shard.index) { continue }
            items += 1
            guard !ref.walked || selection.reads(walkedPath: ref.path) else { continue }
            let lower = ref.path.lowercased()
            let name = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
            if selection.container != nil || [".warc", ".jsonl", ".ndjson"].contains(where: { name.hasSuffix($0) }) { containers = true }
            if lower.hasSuffix(".gz") { gzipped = true }
            var info = stat()
            if stat(ref.path, &info) == 0 { bytes += Int(info.st_size) }
        }
        return Totals(items: containers ? nil : items, bytes: gzipped ? nil : bytes)
    }
}
