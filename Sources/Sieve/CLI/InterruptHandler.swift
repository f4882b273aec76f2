import Dispatch
import Glibc
import SieveCore

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a polite stop: the run finishes the documents in flight,
/// records a last checkpoint and exits, so `--resume` loses nothing. A second signal ends the process at once.
final class InterruptHandler {
    /// Raised when a signal arrives.
    let flag = StopFlag()
    private var sources: [any DispatchSourceSignal] = []

    /// Starts listening for SIGINT and SIGTERM.
    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [flag] in
                flag.raise()
                signal(number, SIG_DFL)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops listening and restores the default signal actions.
    func remove() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
