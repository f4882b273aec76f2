import Dispatch
import Glibc
import SieveCore

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a polite stop: the run writes the documents already
/// converted, abandons those still in worker processes, records a last checkpoint and exits with status 130,
/// so `--resume` loses nothing. The process ends within `patience` whatever happens: a document stalled
/// in-process cannot be abandoned, so if the run has not wound down by then (`settled()`), the process exits at
/// once, leaving only the `.partial` file and journal (or temporary file) behind. A second signal ends it at once.
final class InterruptHandler {
    /// Raised when a signal arrives.
    let flag = StopFlag()
    /// How long a stop may take before the process exits regardless.
    static let patience = Duration.seconds(1)
    private let settledFlag = StopFlag()
    private var sources: [any DispatchSourceSignal] = []

    /// Starts listening for SIGINT and SIGTERM.
    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [flag, settledFlag] in
                flag.raise()
                signal(number, SIG_DFL)
                DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Self.patienceMilliseconds)) {
                    guard !settledFlag.isRaised else { return }
                    printError("sieve: interrupted; a document did not stop within \(Self.patience), so the run ends now "
                        + "(a journaled run can still be continued with --resume)")
                    _exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    private static var patienceMilliseconds: Int { Int(patience.components.seconds * 1000) }

    /// Says the run has stopped working on documents and is only writing its last checkpoint or output: the
    /// patience limit no longer applies.
    func settled() {
        settledFlag.raise()
    }

    /// Stops listening and restores the default signal actions.
    func remove() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
