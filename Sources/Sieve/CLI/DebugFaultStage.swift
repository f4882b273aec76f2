import Glibc
import SieveCore

/// `debug-fault` (hidden; only with `sieve convert --debug-faults`): makes the process crash or stall on a
/// marker document, to test that such a document fails alone. A document whose text contains
/// `sieve-debug-fault:crash` kills its process with SIGSEGV; one containing `sieve-debug-fault:stall` never
/// finishes; one containing `sieve-debug-fault:slow` takes 300 ms of CPU (a slow stage for `--profile`).
/// Every other document passes unchanged. Not in the stage list: no normal run can reach it.
struct DebugFaultStage: Normalizer {
    static let name = "debug-fault"
    static let summary = "test hook: crash or stall on a marker document (--debug-faults only)"
    /// Reads no HTML tree.
    var treeAttributes: TreeAttributes { .standard }

    init(options: NoOptions) {}

    func apply(to document: inout Document, context: StageContext) throws -> Verdict {
        for block in document.blocks {
            if block.text.contains("sieve-debug-fault:crash") {
                var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
                setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
                signal(SIGSEGV, SIG_DFL)
                raise(SIGSEGV)
            }
            if block.text.contains("sieve-debug-fault:stall") {
                while true { sleep(1) }
            }
            if block.text.contains("sieve-debug-fault:slow") {
                let start = ThreadCPUClock.now()
                while ThreadCPUClock.now() - start < 300_000_000 {}
            }
        }
        return .keep
    }
}
