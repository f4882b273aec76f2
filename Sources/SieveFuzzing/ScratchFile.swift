import Foundation

/// The container readers open a path; this puts the input in a fresh file for the length of `body` and
/// removes it after. The file goes to `/dev/shm` (memory) where there is one, else the temporary folder,
/// and is written with plain `open`/`write` (no atomic rename), which keeps the fuzzer fast.
enum ScratchFile {
    private static let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm"
        : FileManager.default.temporaryDirectory.path

    static func with(_ bytes: [UInt8], suffix: String, _ body: (String) -> Void) {
        let path = "\(folder)/sieve-fuzz-\(getpid())-\(UUID().uuidString)\(suffix)"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { unlink(path) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            written += count
        }
        close(descriptor)
        if written == bytes.count { body(path) }
    }
}
