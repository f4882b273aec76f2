import SieveCore

extension RunOptions {
    /// The run policy of a pipeline-file run: a flag given on the command line (any value but its default) wins,
    /// then the file's `run:` setting, then the flag's default.
    func policy(over file: PipelineFile.RunSettings) -> RunPolicy {
        let flags = policy
        let defaults = RunPolicy()
        return RunPolicy(
            jobs: jobs != defaults.jobs ? jobs : file.jobs ?? jobs,
            maxInFlight: maxInFlight ?? file.maxInFlight,
            ordered: unordered ? false : file.ordered ?? true,
            maxBytes: maxBytes != defaults.maxBytes ? maxBytes : file.maxBytes ?? maxBytes,
            failFast: failFast || file.failFast == true,
            maxErrors: maxErrors ?? file.maxErrors,
            documentTimeout: flags.documentTimeout ?? file.timeout.map { .milliseconds(Int($0 * 1000)) })
    }
}
