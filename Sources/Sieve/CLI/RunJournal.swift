import Foundation
import SieveCore

/// The resume manifest of a run writing to a file: `OUT.sieve-journal`, an append-only list of checkpoints.
///
/// A checkpoint says "the first `items` work items are complete; the output file holds them in its first
/// `output` bytes and the error report in its first `errors` bytes". Both files are forced to disk before
/// the checkpoint line is written, and a torn last line is ignored, so a crash at any moment leaves a
/// usable journal. The first line holds a fingerprint of the command, so a resume with other inputs,
/// stages or output format is refused.
final class RunJournal {
    /// One consistent point of the run.
    struct Checkpoint: Codable, Equatable {
        var items: Int
        var output: Int
        var errors: Int
    }

    private struct Header: Codable {
        var sieveJournal: Int
        var fingerprint: String
    }

    let path: String
    private let descriptor: Int32

    /// The journal path for an output file.
    static func path(for output: String) -> String { output + ".sieve-journal" }

    /// The last checkpoint of an existing journal, nil when there is none; throws when it belongs to another command.
    static func lastCheckpoint(at path: String, fingerprint: String) throws -> Checkpoint? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first, let header = try? JSONDecoder().decode(Header.self, from: Data(first)) else { return nil }
        guard header.fingerprint == fingerprint else {
            throw ConfigurationError("--resume: \(path) belongs to a run with other inputs, stages or output options; "
                + "run the original command again, or delete the journal and the .partial file to start over")
        }
        return lines.dropFirst().reversed().lazy.compactMap { try? JSONDecoder().decode(Checkpoint.self, from: Data($0)) }.first
            ?? Checkpoint(items: 0, output: 0, errors: 0)
    }

    /// Opens the journal; `fresh` starts a new one with the command's fingerprint.
    init(path: String, fingerprint: String, fresh: Bool) throws(OutputError) {
        self.path = path
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (fresh ? O_TRUNC : O_APPEND)
        descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        if fresh {
            let header = (try? JSONEncoder().encode(Header(sieveJournal: 1, fingerprint: fingerprint))) ?? Data()
            append(Array(header))
        }
    }

    deinit { close(descriptor) }

    /// Appends a checkpoint and forces it to disk.
    func record(_ checkpoint: Checkpoint) {
        guard let line = try? JSONEncoder().encode(checkpoint) else { return }
        append(Array(line))
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
