import Foundation
import Sieve
import SieveCore
import SieveTesting
import Testing

/// `sieve validate` and `sieve run --check`: a pipeline file checked without reading input or starting a stage.
@Suite struct ValidateCommandTests {
    @Test func aValidFileSaysOKOnOneLineFromAnyFolder() throws {
        let elsewhere = try TemporaryDirectory()
        let file = SieveProcess.root.appendingPathComponent("samples/pipelines/seeds-csv.yml").path
        let result = try SieveProcess.run(["validate", file], in: elsewhere.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "\(file): OK\n")
        #expect(result.stderr.isEmpty)
        let check = try SieveProcess.run(["run", "--check", file], in: elsewhere.url)
        #expect(check.status == 0 && check.text == result.text)
    }

    @Test func theFilesInputsAreFoundRelativeToTheFileNotTheCurrentFolder() throws {
        let elsewhere = try TemporaryDirectory()
        let file = SieveProcess.root.appendingPathComponent("samples/pipelines/seeds-csv.yml").path
        let result = try SieveProcess.run(["run", file, "-o", "seeds.csv", "--quiet"], in: elsewhere.url)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOfFile: elsewhere.path("seeds.csv"), encoding: .utf8).split(separator: "\r\n")
        #expect(rows.first == "id,title,published,text")
        #expect(rows.count == 6)
    }

    @Test func aFileWithSinkTextWritesText() throws {
        let scratch = try TemporaryDirectory()
        let seed = SieveProcess.root.appendingPathComponent("seeds/001_b9de26e5fcced888.txt").path
        let file = try scratch.write("text.yml", "sink: text\ninputs: [\(seed)]\noutput: out.data\n")
        let result = try SieveProcess.run(["run", file, "--quiet"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: scratch.path("out.data"), encoding: .utf8)
        #expect(text.hasPrefix("id: \(SieveProcess.root.path)/seeds/001_b9de26e5fcced888\n"), "\(text)")
        #expect(text.contains("\n\nSáng ngày 23/8/2024"))
    }

    @Test func aBadFileListsEveryProblemAndExits2() throws {
        let scratch = try TemporaryDirectory()
        let file = try scratch.write("bad.yml", """
            stages:
              - nfc
                - whitespace
              - name: exec
                options: {command: [/nonexistent/worker], timout: 3}
            sink:
              name: csv
              options: {columns: [id, titel]}
            inputs: [missing/]
            """)
        for arguments in [["validate", file], ["run", "--check", file], ["run", file, "--check"]] {
            let result = try SieveProcess.run(arguments)
            #expect(result.status == 2)
            #expect(result.text.isEmpty)
            #expect(result.stderr.split(separator: "\n") == [
                "sieve: error: \(file):2:5: this list item was read as the single string 'nfc - whitespace': put each '- ' on its own line, indented the same",
                "sieve: error: \(file):5:47: stage 'exec' has no option 'timout' (did you mean 'timeout'?); its options: command, timeout, config, workers",
                "sieve: error: \(file):8:27: option 'columns' of stage 'csv' has an unknown column 'titel' (did you mean 'title'?); known: "
                    + "id, source.path, source.format, source.offset, source.url, source.fetched, title, published, modified, authors, "
                    + "language, site, url, description, image, tags, text, blocks, comments, fields, diagnostics, fields.NAME",
                "sieve: error: \(file):9:10: input 'missing/' does not exist (looked for \(scratch.url.path)/missing/; inputs are relative to the pipeline file)",
            ])
        }
    }

    @Test func validationStartsNoStage() throws {
        let scratch = try TemporaryDirectory()
        let file = try scratch.write("p.yml", "stages:\n  - name: exec\n    options: {command: [/nonexistent/worker]}\n")
        let result = try SieveProcess.run(["validate", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == "\(file): OK\n")
    }
}
