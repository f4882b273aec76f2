import Glibc

/// How a `sieve worker` writes to the run that started it: its answers to standard output (`PipelineWire`), its
/// log records to standard error (`WorkerLog`), each message whole, a partial write going on where it stopped.
public enum WorkerOutput {
    /// Writes all of `bytes` to `fd`, again after an interrupted write; false when a write fails (the run went away).
    public static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
