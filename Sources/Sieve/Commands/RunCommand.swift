import ArgumentParser

/// `sieve run pipeline.yml [inputs]`: runs a pipeline file; the same as `sieve convert --pipeline FILE`.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline file (YAML): reader, stages with options, sink, inputs, output, run settings.",
        discussion: """
        The file is checked completely before any input is read: every unknown key, stage or option and \
        every wrong value is reported at once with its file:line:column. Inputs on the command line \
        replace the file's 'inputs:'; -o replaces 'output:'; run flags given here (--jobs 2) override \
        the file's 'run:' settings. Every flag of 'sieve convert' except --from, --to and --stage works. \
        Paths under 'inputs:', 'output:' and 'errors:' are relative to the file's folder. --check only \
        checks the file, like 'sieve validate'.

        EXAMPLES:
          sieve run samples/pipelines/seeds-csv.yml
          sieve run --check samples/pipelines/seeds-csv.yml
          sieve run samples/pipelines/wordcount-python.yml seeds/ -o counts.jsonl
          sieve run pipeline.yml --help       # the flags of 'sieve convert' here
        """
    )

    @Flag(help: "Only check the file, reading no input (the same as 'sieve validate').")
    var check = false

    @Argument(help: ArgumentHelp("The pipeline file.", valueName: "pipeline.yml"))
    var file: String

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Inputs, and any flag of 'sieve convert'.", valueName: "input"))
    var rest: [String] = []

    func run() async throws {
        if check || rest.contains("--check") {
            return try ValidateCommand.check(file)
        }
        let convert: ConvertCommand
        do { convert = try ConvertCommand.parse(["--pipeline", file] + rest) } catch {
            if ConvertCommand.exitCode(for: error) == .success { ConvertCommand.exit(withError: error) }
            printError(Self.usageError(ConvertCommand.message(for: error)))
            throw ExitCode(2)
        }
        try await convert.run()
    }

    /// A flag error of the `sieve convert` flags given here, with this command's usage (not `convert`'s).
    static func usageError(_ message: String) -> String {
        "Error: \(message)\nUsage: \(SieveCommand.usageString(for: RunCommand.self)) [<convert flags>]\n"
            + "  See 'sieve run --help' and 'sieve convert --help' for more information."
    }
}
