import Foundation
import SieveCore
import Synchronization

/// The resume manifest of a run writing to a file: `OUT.sieve-journal`, an append-only list of checkpoints.
///
/// A checkpoint says "the first `items` work items are complete, `failed` of their inputs or documents failed;
/// the output file holds them in its first `output` bytes and the error report in its first `errors` bytes;
/// their identities fold to `digest` and the last of them is `last`" (see `InputLedger`: `--resume` checks
/// that the inputs still start with exactly those items). Both files are forced to disk before the checkpoint
/// line is written, and a torn last line is ignored, so a crash at any moment leaves a usable journal. The
/// first line holds a fingerprint of the command, so a resume with other inputs, stages or output format is
/// refused.
///
/// Between checkpoints, `{"start":N}` and `{"done":N}` lines say when work item N went to a worker and came
/// back, and `{"slow":N}` that it has been in flight for `slowAfter` (lines written without forcing them to
/// disk: they are meant to survive the death of the process, not of the machine). The items started and not
/// done when a run died are what it was working on (`inFlight`); a slow one probably stalled the run, and
/// `--resume` sets it aside rather than wait on it again. A run stopped politely (Ctrl-C) writes
/// `{"abandoned":true}` first: nothing it had in flight is suspect.
final class RunJournal: InFlightLog {
    /// One consistent point of the run.
    struct Checkpoint: Codable, Equatable {
        var items: Int
        var output: Int
        var errors: Int
        var failed: Int
        var digest: String
        var last: String?

        /// The ledger expectation this checkpoint sets for a resume.
        var expectation: InputLedger.Expectation {
            InputLedger.Expectation(items: items, digest: digest, last: last)
        }
    }

    /// The journal format; a journal of another version is refused rather than misread.
    private static let version = 2

    private struct Header: Codable {
        var sieveJournal: Int
        var fingerprint: String
    }

    let path: String
    private let descriptor: Int32
    private let notes: InFlightNotes
    private let watch: any DispatchSourceTimer
    /// How long an item may be in flight before the journal notes it as slow: far beyond a normal page.
    static let slowAfter = Duration.seconds(3)

    /// The journal path for an output file.
    static func path(for output: String) -> String { output + ".sieve-journal" }

    /// The last checkpoint of an existing journal, nil when there is none; throws when it belongs to another command.
    static func lastCheckpoint(at path: String, fingerprint: String) throws -> Checkpoint? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, let header = try? JSONDecoder().decode(Header.self, from: Data(first)) else { return nil }
        guard header.sieveJournal == version else {
            throw ConfigurationError("--resume: \(path) was written by another version of Sieve; "
                + "delete it and the .partial file to start over")
        }
        guard header.fingerprint == fingerprint else {
            throw ConfigurationError("--resume: \(path) belongs to a run with other inputs, stages or output options; "
                + "run the original command again, or delete the journal and the .partial file to start over")
        }
        return lines.dropFirst().reversed().lazy.compactMap { try? JSONDecoder().decode(Checkpoint.self, from: Data($0)) }.first
            ?? Checkpoint(items: 0, output: 0, errors: 0, failed: 0, digest: "")
    }

    /// What a dead run had in flight, from the journal at `path`: the items numbered `from` or above that were
    /// started and not done (the last line about an item wins, so an item redone by a later run counts as it
    /// ended there), and which of them had been noted as slow.
    static func inFlight(at path: String, from first: Int) -> (items: [Int], slow: Set<Int>) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([], []) }
        var running: Set<Int> = []
        var slow: Set<Int> = []
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            if let item = number(in: line, after: startPrefix) {
                running.insert(item)
                slow.remove(item)
            } else if let item = number(in: line, after: donePrefix) {
                running.remove(item)
                slow.remove(item)
            } else if let item = number(in: line, after: slowPrefix) {
                slow.insert(item)
            } else if line.elementsEqual(abandonedLine.dropLast()) {
                running.removeAll()
                slow.removeAll()
            }
        }
        let items = running.filter { $0 >= first }.sorted()
        return (items, slow.intersection(items))
    }

    fileprivate static let startPrefix = Array(#"{"start":"#.utf8)
    fileprivate static let donePrefix = Array(#"{"done":"#.utf8)
    fileprivate static let slowPrefix = Array(#"{"slow":"#.utf8)
    private static let abandonedLine = Array(#"{"abandoned":true}"#.utf8) + [0x0A]

    private static func number(in line: Data.SubSequence, after prefix: [UInt8]) -> Int? {
        guard line.starts(with: prefix), line.last == UInt8(ascii: "}") else { return nil }
        return Int(String(decoding: line.dropFirst(prefix.count).dropLast(), as: UTF8.self))
    }

    /// Opens the journal; `fresh` starts a new one with the command's fingerprint.
    init(path: String, fingerprint: String, fresh: Bool) throws(OutputError) {
        self.path = path
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (fresh ? O_TRUNC : O_APPEND)
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        watch = DispatchSource.makeTimerSource(queue: .global())
        notes = InFlightNotes(descriptor: dup(descriptor))
        if fresh {
            let header = (try? JSONEncoder().encode(Header(sieveJournal: Self.version, fingerprint: fingerprint))) ?? Data()
            append(Array(header))
        }
        watch.schedule(deadline: .now() + .seconds(1), repeating: .seconds(1))
        watch.setEventHandler { [notes] in notes.noteSlowItems() }
        watch.resume()
    }

    deinit {
        watch.cancel()
        close(descriptor)
    }

    /// Appends a checkpoint and forces it to disk.
    func record(_ checkpoint: Checkpoint) {
        guard let line = try? JSONEncoder().encode(checkpoint) else { return }
        append(Array(line))
    }

    /// Notes that work item `item` went to a worker.
    func started(_ item: Int) {
        notes.started(item)
    }

    /// Notes that work item `item` came back from its worker.
    func finished(_ item: Int) {
        notes.finished(item)
    }

    /// Notes that the run stopped politely: the items still in flight were abandoned, not what ended it.
    func abandonedInFlight() {
        _ = Self.abandonedLine.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// Deletes the journal once the run is complete.
    func remove() {
        unlink(path)
    }

    private func append(_ line: [UInt8]) {
        let bytes = line + [0x0A]
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
    }
}

/// The in-flight lines of a journal, written from the run and from the once-a-second watch for slow items,
/// through a descriptor of their own that lives as long as the last watch that may use it.
private final class InFlightNotes: Sendable {
    private let descriptor: Int32
    /// Items in flight and not yet noted as slow, with when they started.
    private let running = Mutex<[Int: ContinuousClock.Instant]>([:])

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    func started(_ item: Int) {
        running.withLock { $0[item] = .now }
        note(RunJournal.startPrefix, item)
    }

    func finished(_ item: Int) {
        running.withLock { _ = $0.removeValue(forKey: item) }
        note(RunJournal.donePrefix, item)
    }

    /// Notes the items in flight for longer than `RunJournal.slowAfter` (once each).
    func noteSlowItems() {
        let now = ContinuousClock.now
        let slow = running.withLock { running in
            let slow = Array(running.filter { now - $0.value >= RunJournal.slowAfter }.keys)
            for item in slow { running.removeValue(forKey: item) }
            return slow
        }
        for item in slow.sorted() { note(RunJournal.slowPrefix, item) }
    }

    /// One line, in one `write` (appends of a few bytes are not interleaved with other writers' lines).
    private func note(_ prefix: [UInt8], _ item: Int) {
        let line = prefix + Array("\(item)}\n".utf8)
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
