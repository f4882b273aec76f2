import SieveCore

/// Prints failures on standard error as they happen, up to a limit, then says how many more there were.
final class FailureConsole {
    private let limit: Int
    private var shown = 0
    private var hidden = 0

    /// Shows at most `limit` failures.
    init(limit: Int) {
        self.limit = limit
    }

    /// Prints one failure, or counts it when past the limit.
    func show(_ failure: Failure) {
        if shown < limit {
            printError("sieve: error: \(failure.message)")
            shown += 1
        } else {
            hidden += 1
        }
    }

    /// Prints how many failures were not shown.
    func finish(hasReport: Bool) {
        guard hidden > 0 else { return }
        let count = "\(hidden)\(shown > 0 ? " more" : "") failure\(hidden == 1 ? "" : "s")"
        printError("sieve: \(shown > 0 ? "… and " : "")\(count) not shown" + (hasReport ? " (all are in the --errors file)" : "; use --errors FILE to list them all"))
    }
}
