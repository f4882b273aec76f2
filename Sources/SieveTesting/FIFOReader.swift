import Foundation

/// Reads a FIFO (or any file) to its end on a thread of its own, so a test can write to it from the code under
/// test: `let reader = FIFOReader(path)`, run the writer, then `reader.wait()` gives every byte read.
///
/// Example: `mkfifo(path, 0o600)`; `let reader = FIFOReader(path)`; `sieve convert seeds -o path`;
/// `reader.wait()` → the JSON Lines the run streamed.
public final class FIFOReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `path` (the open blocks until a writer opens the FIFO).
    public init(_ path: String) {
        Thread.detachNewThread { [self] in
            data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }
    }

    /// Waits until the writer closes the FIFO and returns what was read.
    public func wait() -> Data {
        done.wait()
        return data
    }
}
