import ArgumentParser
import SieveCore

/// `sieve validate pipeline.yml`: checks a pipeline file completely without building a stage or reading input.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a pipeline file without reading any input; report every problem at once.",
        discussion: """
        Checks the YAML, every key, every stage and its role, every option against the stage's declaration \
        (name, type, choices, the stage's own checks such as a CSV column that does not exist), the run \
        settings, and that every path under 'inputs:' exists (paths in the file are relative to the file's \
        folder). No stage is started: an exec stage's program is not run. Prints one line ending in OK and \
        exits 0 when the file is valid; otherwise prints every problem as file:line:column: message and \
        exits 2. 'sieve run --check FILE' does the same.

        EXAMPLES:
          sieve validate samples/pipelines/seeds-csv.yml
        """
    )

    @Argument(help: ArgumentHelp("The pipeline file.", valueName: "pipeline.yml"))
    var file: String

    func run() throws {
        try Self.check(file)
    }

    /// Checks the file and prints `FILE: OK`; throws a `ConfigurationError` with every problem otherwise.
    static func check(_ file: String) throws(ConfigurationError) {
        _ = try PipelineFile.load(file, registry: SieveCommand.registry, checkInputs: true)
        print("\(file): OK")
    }
}
