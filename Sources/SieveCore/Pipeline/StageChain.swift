import Logging

/// Transforms applied to one document in order, stopping at the first drop or failure. The pipeline keeps
/// two: the parallel stages (run in the workers, with the per-document time budget) and the ordered ones
/// (run in the writer task, in output order).
struct StageChain: Sendable {
    let stages: [(name: String, stage: any Transform)]
    let budget: Duration?

    /// nil when every stage kept the document; otherwise the drop or failure that stopped it. With a `profile`,
    /// each stage's thread CPU time is added to its row at `place`.
    func run(_ document: inout Document, logger: Logger, profile: inout StageProfile?, place: StageProfile.Place = .transform) -> Failure? {
        let started = ContinuousClock.now
        for (name, stage) in stages {
            let cpu = profile == nil ? 0 : ThreadCPUClock.now()
            defer { if profile != nil { profile!.add(name, place, ThreadCPUClock.now() - cpu) } }
            do {
                if case .drop(let reason) = try stage.apply(to: &document, context: StageContext(stageName: name, logger: logger)) {
                    return Failure(document, stage: name, reason: reason, kind: .dropped)
                }
            } catch {
                return Failure(document, stage: name, reason: Failure.reason(of: error))
            }
            if let budget, ContinuousClock.now - started > budget {
                return Failure(document, stage: name, reason: "over the time budget of \(budget) per document (--timeout)")
            }
        }
        return nil
    }
}
