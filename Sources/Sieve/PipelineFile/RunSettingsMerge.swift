import SieveCore

extension RunOptions {
    /// The run policy of a pipeline-file run: a flag given on the command line wins, then the file's `run:`
    /// setting, then the flag's default.
    func policy(over file: PipelineFile.RunSettings) -> RunPolicy {
        var policy = RunPolicy(
            jobs: jobs ?? file.jobs ?? RunPolicy.coreCount,
            maxInFlight: maxInFlight ?? file.maxInFlight,
            ordered: unordered ? false : file.ordered ?? true,
            maxBytes: maxBytes ?? file.maxBytes ?? RunPolicy.defaultMaxBytes,
            failFast: failFast || file.failFast == true,
            maxErrors: maxErrors ?? file.maxErrors,
            documentTimeout: (timeout ?? file.timeout).map { .milliseconds(Int($0 * 1000)) })
        policy.profile = profile
        return policy
    }
}
