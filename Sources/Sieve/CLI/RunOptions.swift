import ArgumentParser
import SieveCore

/// The flags that choose inputs: globs, path lists, shards, container format.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read input paths from this file, one per line (- for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(help: ArgumentHelp("Only read files matching this glob (name, or path when it has a /); repeatable.", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Skip files matching this glob; repeatable.", valueName: "glob"))
    var exclude: [String] = []

    @Option(help: ArgumentHelp("Read only shard I of N (0-based), chosen by a stable hash of each path: N machines can split a corpus without coordination.", valueName: "i/n"))
    var shard: String?

    @Option(help: ArgumentHelp("Treat every input as this container: warc or jsonl (default: by extension).", valueName: "format"))
    var container: String?

    func validate() throws {
        if let shard, parsedShard(shard) == nil {
            throw ValidationError("--shard expects I/N with 0 <= I < N, such as 0/4; got '\(shard)'")
        }
        if let container, !["warc", "jsonl"].contains(container) {
            throw ValidationError("--container expects warc or jsonl; got '\(container)'")
        }
    }

    private func parsedShard(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (0..<count).contains(index) else { return nil }
        return (index, count)
    }

    /// The input selection for the core's input source.
    func selection(paths: [String], maxBytes: Int) -> InputSource.Selection {
        var selection = InputSource.Selection()
        selection.paths = paths
        selection.filesFrom = filesFrom
        selection.include = include
        selection.exclude = exclude
        selection.shard = shard.flatMap(parsedShard)
        selection.container = container
        selection.maxBytes = maxBytes
        return selection
    }
}

/// The run-policy flags shared by the commands that run a pipeline.
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Inputs processed in parallel (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Most inputs read but not yet written at once: the memory bound (default: 8 per job).", valueName: "n"))
    var maxInFlight: Int?

    @Option(help: ArgumentHelp("Largest input or record accepted, in bytes after decompression; larger ones are reported, not parsed (default: 64 MiB).", valueName: "bytes"))
    var maxBytes: Int?

    @Option(help: ArgumentHelp(
        "Fail an input whose reading and stages take longer than this many seconds: its worker process is killed (default with isolation: 60); in-process, checked after each stage.",
        valueName: "seconds"))
    var timeout: Double?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Convert each input in a worker process, so one that crashes or stalls fails alone (default: on for batches, off for one file or a pipeline with exec stages)."))
    var isolate: Bool?

    @Flag(help: .private)
    var debugFaults = false

    @Option(help: ArgumentHelp("Write every failed or dropped input as a JSON line (input, offset, stage, reason) to this file; - for standard error.", valueName: "file"))
    var errors: String?

    @Flag(help: "Stop at the first failed input.")
    var failFast = false

    @Option(help: ArgumentHelp("Stop once more than N inputs have failed (exit status 1).", valueName: "n"))
    var maxErrors: Int?

    @Flag(help: "Write documents as they finish instead of in input order.")
    var unordered = false

    @Flag(help: "Continue an interrupted run writing to the same -o file (JSON Lines or CSV).")
    var resume = false

    @Option(help: ArgumentHelp("Write one file per publication day (date) or per input folder (source) into the -o directory.", valueName: "date|source"))
    var partitionBy: PartitionKey?

    @Flag(inversion: .prefixedNo, help: "Show a live progress line on standard error (default: only on a terminal).")
    var progress: Bool?

    @Flag(name: .shortAndLong, help: "Print nothing on standard error unless something failed.")
    var quiet = false

    @Flag(help: "After the run, print the CPU time of each stage (reader, libxml2 parse, each transform, sink) on standard error.")
    var profile = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1, got \(maxBytes)") }
        if let maxInFlight, maxInFlight < 1 { throw ValidationError("--max-in-flight must be at least 1, got \(maxInFlight)") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        if let maxErrors, maxErrors < 0 { throw ValidationError("--max-errors must be 0 or more") }
    }

    /// The run policy from the flags alone.
    var policy: RunPolicy {
        policy(over: PipelineFile.RunSettings())
    }
}
