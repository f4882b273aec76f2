import Synchronization

/// A flag another thread (a signal handler) raises to ask a run to stop after the documents in flight.
public final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    /// A lowered flag.
    public init() {}

    /// Asks the run to stop.
    public func raise() {
        raised.store(true, ordering: .relaxed)
    }

    /// Whether a stop was asked for.
    public var isRaised: Bool {
        raised.load(ordering: .relaxed)
    }
}
