import Foundation
import Testing

/// The help a new user reads: true statements, and lines that fit 80 columns without being rewrapped.
@Suite struct HelpTextTests {
    /// The lines of one section (`EXAMPLES:`, `EXIT STATUS:`) of a help text, up to the next blank line.
    private func section(_ title: String, of help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasSuffix(title) }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test(arguments: [["--help"], ["convert", "--help"], ["run", "--help"], ["new-stage", "--help"], ["report", "--help"]])
    func examplesAndExitStatusesAreNotRewrapped(_ arguments: [String]) throws {
        let help = try SieveProcess.run(arguments).text
        let examples = section("EXAMPLES:", of: help)
        #expect(!examples.isEmpty)
        for line in examples {
            let text = line.trimmingCharacters(in: .whitespaces)
            let continued = text.hasPrefix("--") || text.hasPrefix("#") || text.hasPrefix("new-stage")
            #expect(text.hasPrefix("sieve ") || text.hasPrefix("swift ") || text.hasPrefix("cat ") || continued,
                    "a wrapped example line: \(line)")
        }
        for line in section("EXIT STATUS:", of: help) {
            let leading = line.prefix { $0 == " " }.count
            #expect(line.dropFirst(leading).first?.isNumber == true || leading > 4, "a wrapped status line: \(line)")
        }
    }

    /// A `|` outside quotes with no space around it is a list separator the shell would read as a pipe
    /// (`--to csv:columns=id|title` runs a program `title`): pasted examples must quote it.
    @Test(arguments: [["--help"], ["convert", "--help"], ["run", "--help"], ["new-stage", "--help"], ["report", "--help"]])
    func examplesPasteIntoAShell(_ arguments: [String]) throws {
        let help = try SieveProcess.run(arguments).text
        for line in section("EXAMPLES:", of: help) {
            var quote: Character?
            var previous: Character = " "
            let characters = Array(line.prefix { $0 != "#" })
            for (index, character) in characters.enumerated() {
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "'" || character == "\"" {
                    quote = character
                } else if character == "|" {
                    let next = index + 1 < characters.count ? characters[index + 1] : " "
                    #expect(previous == " " && next == " ", "an unquoted | in an example: \(line)")
                }
                previous = character
            }
        }
    }

    @Test func theOverviewNamesEveryOutputFormat() throws {
        let help = try SieveProcess.run(["--help"]).text.replacingOccurrences(of: "\n", with: " ")
        let overview = help.prefix { $0 != "." }
        for format in ["JSON Lines", "CSV", "XML", "Markdown", "text", "HTML", "SQLite"] {
            #expect(overview.contains(format), "the overview leaves out \(format): \(overview)")
        }
    }

    @Test func convertHelpTellsTheTruth() throws {
        let help = try SieveProcess.run(["convert", "--help"]).text.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(help.contains("else json for one named file and jsonl for a batch or standard input"))
        #expect(help.contains(".shtml") && help.contains(".ndjson"))
        #expect(help.contains("130 stopped by Ctrl-C"))
        #expect(help.contains("141 the reader of the output went away"))
        #expect(help.contains("or a write error during the run"))
        #expect(help.contains("- for standard error"))
        #expect(!help.contains("nothing is read"))
    }

    @Test func bareSieveListsTheSubcommands() throws {
        let result = try SieveProcess.run([])
        #expect(result.status == 2)
        #expect(result.stderr.contains("SUBCOMMANDS:"), "\(result.stderr)")
        #expect(result.stderr.contains("convert (default)") || result.stderr.contains("  convert"))
        #expect(!result.stderr.contains("no input given"))
    }
}
