import ArgumentParser
import Foundation
import SieveCore

#if canImport(Glibc)
import Glibc
#endif

/// The `sieve` command tree. A custom executable reuses it with its own registry:
///
/// ```swift
/// @main struct MySieve {
///     static func main() async { await SieveCommand.main(registry: .standard.with(MyStage.self)) }
/// }
/// ```
public struct SieveCommand: AsyncParsableCommand {
    /// Name, abstract, subcommands and the exit statuses.
    public static let configuration = CommandConfiguration(
        commandName: "sieve",
        abstract: "Turn scraped news (plain text, HTML) into clean, structured JSON, JSON Lines, CSV, XML, Markdown, text, HTML or SQLite.",
        discussion: """
        Every step is a stage registered by name: readers, normalizers, extractors and sinks. \
        'sieve stages' lists them; 'sieve convert' runs them.

        EXAMPLES:
          sieve convert page.html                   # one article as JSON
          sieve convert seeds --to jsonl            # a folder, one document a line
          sieve convert news/ --to csv -o news.csv  # a folder into one CSV file
          sieve stages                              # every stage with its options
          sieve run pipeline.yml                    # a pipeline file (YAML)
          sieve validate pipeline.yml               # check it without reading input
          sieve report news.jsonl -o report.html    # charts of a run's output
          sieve new-stage --kind extractor MyStage  # a stage of your own: see
                                                    # docs/writing-a-stage.md

        EXIT STATUS:
          0    every input was converted
          1    some inputs failed (named on standard error and in --errors FILE);
               the rest were written
          2    usage or configuration error (unknown stage, bad option, unwritable
               output, an output that would overwrite an input), refused before any
               input is read; or a write error during the run
          130  stopped by Ctrl-C or SIGTERM
          141  the reader of the output went away (a closed pipe): the run ends quietly
        """,
        version: SieveVersion.current,
        subcommands: [ConvertCommand.self, RunCommand.self, ValidateCommand.self, StagesCommand.self, ReportCommand.self,
                      EvalCommand.self, NewStageCommand.self,
                      WorkerCommand.self],
        defaultSubcommand: ConvertCommand.self
    )

    /// The stage list the subcommands use; set by `main(registry:)`.
    @TaskLocal static var registry = StageRegistry.standard

    /// Creates the command (used by the argument parser).
    public init() {}

    /// Runs the command line with the given stage list and exits with Sieve's exit statuses. A file-size
    /// limit (`ulimit -f`) makes a write fail with "File too large" instead of killing the process, so the
    /// run can report it and leave the previous output intact; a closed pipe makes a write fail with
    /// `EPIPE`, and the run ends quietly with status 141 (128 + SIGPIPE, what a shell reports for a filter
    /// that a closed pipe ended: `sieve convert big | head`). With no arguments at all, prints the
    /// subcommands on standard error and exits with status 2.
    public static func main(registry: StageRegistry) async {
        signal(SIGXFSZ, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        if CommandLine.arguments.count == 1 {
            printError(helpMessage(columns: 80))
            Self.exit(withError: ExitCode(2))
        }
        await $registry.withValue(registry) {
            var command: any ParsableCommand
            do { command = try parseCommandLine() } catch { exit(withSieveError: error) }
            do {
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            } catch {
                exit(withSieveError: error, fromRun: true)
            }
        }
    }

    /// The command of the command line. A `sieve worker` (started once per job of every isolated run) parses only
    /// its own arguments: the whole tree's parse costs it about 16 M instructions (callgrind), more than the
    /// rest of its start-up.
    private static func parseCommandLine() throws -> any ParsableCommand {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == WorkerCommand.configuration.commandName { return try WorkerCommand.parse(Array(arguments.dropFirst())) }
        return try parseAsRoot()
    }

    /// Runs with the built-in stages.
    public static func main() async {
        await main(registry: .standard)
    }

    /// The exit status of a run whose output reader went away: 128 + SIGPIPE.
    static let brokenPipe: Int32 = 128 + SIGPIPE

    /// Prints `error` and exits: Sieve's own errors as `sieve: error: ...` with status 2 (1 and 130 come as
    /// `ExitCode`), the argument parser's (usage, `ValidationError`, help) its own way. `fromRun`: thrown by a
    /// command's `run()`, where any error that is not the parser's is one of Sieve's (`SQLiteError`, ...).
    private static func exit(withSieveError error: any Error, fromRun: Bool = false) -> Never {
        if let configuration = error as? ConfigurationError {
            for message in configuration.messages { printError("sieve: error: \(message)") }
            Self.exit(withError: ExitCode(2))
        }
        if let output = error as? OutputError, output.code == EPIPE {
            Self.exit(withError: ExitCode(brokenPipe))
        }
        if let output = error as? OutputError {
            printError("sieve: error: \(output)")
            Self.exit(withError: ExitCode(2))
        }
        let code = exitCode(for: error)
        if code == .success || error is ExitCode {
            Self.exit(withError: error)
        }
        if fromRun, !(error is ValidationError) {
            let foundation = error is CocoaError || error is POSIXError || type(of: error) == NSError.self
            printError("sieve: error: \(foundation ? error.localizedDescription : String(describing: error))")
            Self.exit(withError: ExitCode(2))
        }
        printError(fullMessage(for: error))
        Self.exit(withError: ExitCode(2))
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// The version `sieve --version` prints.
enum SieveVersion {
    static let current = "0.1.0"
}
