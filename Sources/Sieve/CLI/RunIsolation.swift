import Logging
import SieveCore
import SieveExternal

/// How `sieve convert` isolates its work: in a pool of `sieve worker` processes (one per job), so an input that
/// crashes or stalls the code converting it fails alone, or in-process.
///
/// The default is isolation for batches, where one bad page must not lose a night's run, and in-process for a
/// single file, where it would only cost a process start; pipelines with `exec` stages (which already run their
/// programs in processes of their own) stay in-process unless `--isolate` asks otherwise.
///
/// `--resume` after a run that died (not one stopped politely) looks at what it had in flight (`RunJournal`):
/// an input in flight for seconds probably stalled it and is set aside, reported as failed, never replayed;
/// the others are converted again, in worker processes even where the run would be in-process, so the one
/// that crashed the previous run (if any) fails alone. With an explicit `--no-isolate` they are set aside too.
struct RunIsolation {
    /// The worker processes of the run, or nil to run in-process.
    let executor: (any WorkExecutor)?
    /// The items a previous run of the output had in flight when it died (`--resume`), each with the reason it is set aside.
    let setAside: [Int: String]

    /// Starts the workers when the run is isolated, and finds the items to set aside when it resumes.
    /// (Not inlined: inlined into `ConvertCommand.run`, it crashes Swift 6.3.1's coroutine splitting in release builds.)
    @inline(never)
    init(pipeline: Pipeline, spec: PipelineSpec, options: RunOptions, batch: Bool, output: String?, resumeAfter: Int,
         logger: Logger) throws {
        let (suspects, slow) = options.resume && output != nil && output != "-"
            ? RunJournal.inFlight(at: RunJournal.path(for: output!), from: resumeAfter) : ([], [])
        let replayed = suspects.filter { !slow.contains($0) }
        let isolate = options.isolate ?? (batch && !pipeline.hasSelfIsolatingStages || !replayed.isEmpty)
        var setAside: [Int: String] = [:]
        for item in slow {
            setAside[item] = "was still being converted \(RunJournal.slowAfter) or more after it started when the previous run "
                + "ended abruptly, so it probably stalled that run; set aside by --resume (convert it alone to retry)"
        }
        if !replayed.isEmpty, !isolate {
            for item in replayed {
                setAside[item] = "was being converted when the previous run ended abruptly (a crash, kill or power loss) and may "
                    + "be what ended it; set aside by --resume, as --no-isolate cannot contain a crash (convert it alone to retry)"
            }
        } else if !replayed.isEmpty {
            printError("sieve: note: \(replayed.count) input(s) were being converted when the previous run ended abruptly; "
                + "they run again in worker processes, where one that crashes fails alone")
        }
        self.setAside = setAside
        executor = isolate ? try Self.executor(spec: spec, options: options, required: options.isolate == true, logger: logger) : nil
    }

    private static func executor(spec: PipelineSpec, options: RunOptions, required: Bool, logger: Logger) throws -> (any WorkExecutor)? {
        guard let executable = PipelineWorkers.currentExecutable else {
            if required { throw ConfigurationError("--isolate: cannot find this program's executable to start workers") }
            return nil
        }
        return try PipelineWorkers(spec: spec, executable: executable, arguments: options.debugFaults ? ["--debug-faults"] : [],
                                   count: min(spec.policy.jobs, RunPolicy.coreCount), timeout: spec.policy.documentTimeout ?? PipelineWorkers.defaultTimeout,
                                   logger: logger)
    }

    /// With `--debug-faults`, the registry and spec with the hidden `debug-fault` stage first (see `DebugFaultStage`).
    static func withDebugFaults(_ registry: StageRegistry, _ spec: PipelineSpec, enabled: Bool) -> (StageRegistry, PipelineSpec) {
        guard enabled else { return (registry, spec) }
        var spec = spec
        spec.transforms.insert(StageSpec(name: DebugFaultStage.name), at: 0)
        return (registry.with(DebugFaultStage.self), spec)
    }
}
