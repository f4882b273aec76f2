import Logging

/// Applies the pipeline's ordered transforms to an input's outcome in the writer task, in output order.
struct OrderedStages {
    private let stages: [(name: String, stage: any Transform)]
    private let logger: Logger

    init(_ stages: [(name: String, stage: any Transform)], logger: Logger) {
        self.stages = stages
        self.logger = logger
    }

    /// Runs every ordered stage over the outcome's documents, moving drops and failures out of them.
    func apply(to outcome: inout InputOutcome) {
        guard !stages.isEmpty else { return }
        var kept: [Document] = []
        documents: for var document in outcome.documents {
            for (name, stage) in stages {
                do {
                    if case .drop(let reason) = try stage.apply(to: &document, context: StageContext(stageName: name, logger: logger)) {
                        outcome.drops.append(Failure(input: document.source.path, offset: document.source.offset,
                                                     id: document.id, stage: name, reason: reason, kind: .dropped))
                        continue documents
                    }
                } catch {
                    outcome.failures.append(Failure(input: document.source.path, offset: document.source.offset, id: document.id,
                                                    stage: name, reason: (error as? StageError)?.message ?? "\(error)"))
                    continue documents
                }
            }
            kept.append(document)
        }
        outcome.documents = kept
    }
}
