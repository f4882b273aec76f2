/// A transform that must see documents one at a time, in output order (for example deduplication, whose
/// answer depends on what came before). The runner applies these in the writer task after the parallel
/// stages, so their results do not depend on the number of jobs.
public protocol OrderedTransform: Transform {}
