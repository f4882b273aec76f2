import Foundation
import Sieve
import SieveCore
import SieveTesting
import Testing

/// Pipeline files: a good file becomes the right spec; a bad one reports every problem with its line and column.
@Suite struct PipelineFileTests {
    let registry = StageRegistry.standard

    @Test func aMisspeltStageIsReportedInOneWordingInAFileAndOnTheCommandLine() throws {
        let fromFile: [String]
        do {
            _ = try PipelineFile.parse("stages:\n  - nfd\n", path: "p.yml", registry: registry)
            fromFile = []
        } catch { fromFile = error.messages }
        let fromOption: [String]
        do {
            _ = try registry.makeTransform(StageSpec(parsing: "nfd", origin: "--stage"))
            fromOption = []
        } catch { fromOption = error.messages }
        let wording = "unknown normalizer, extractor or filter 'nfd' (did you mean 'nfc'?); run 'sieve stages' to list them"
        #expect(fromFile == ["p.yml:2:5: " + wording])
        #expect(fromOption == ["--stage: " + wording])
    }

    @Test func aGoodFileBecomesTheSpec() throws {
        let file = try PipelineFile.parse("""
        version: 1
        reader: text
        stages:
          - nfc
          - whitespace
          - title:replace=true
          - name: exec
            options:
              command: [python3, wordcount.py]
              timeout: 5
              config: {min_words: 20, label: "x"}
        sink: {name: csv, options: {columns: [id, title]}}
        inputs: [seeds/, more.txt]
        output: out.csv
        errors: errors.jsonl
        run: {jobs: 3, ordered: false, max_errors: 4, timeout: 2.5}
        """, path: "p.yml", registry: registry)
        #expect(file.reader?.name == "text")
        #expect(file.transforms?.map(\.name) == ["nfc", "whitespace", "title", "exec"])
        #expect(file.transforms?[2].options == ["replace": "true"])
        #expect(file.transforms?[3].options == [
            "command": ["python3", "wordcount.py"], "timeout": .number(5),
            "config": ["min_words": .number(20), "label": "x"],
        ])
        #expect(file.transforms?[3].origin == "p.yml:7:5")
        #expect(file.sink?.name == "csv")
        #expect(file.sink?.options == ["columns": ["id", "title"]])
        #expect(file.inputs == ["seeds/", "more.txt"])
        #expect(file.output == "out.csv")
        #expect(file.errors == "errors.jsonl")
        #expect(file.run.jobs == 3)
        #expect(file.run.ordered == false)
        #expect(file.run.maxErrors == 4)
        #expect(file.run.timeout == 2.5)
    }

    @Test func omittedStagesMeanTheDefaultPipeline() throws {
        let file = try PipelineFile.parse("sink: jsonl\n", path: "p.yml", registry: registry)
        #expect(file.transforms == nil)
        let spec = file.spec(policy: RunPolicy(jobs: 1), defaultTransforms: registry.defaultTransforms, defaultSink: "json")
        #expect(spec.transforms.map(\.name) == registry.defaultTransforms.map(\.name))
        #expect(spec.sink.name == "jsonl")
        #expect(spec.reader == nil)
    }

    @Test func everyProblemIsReportedAtOnceWithLineAndColumn() throws {
        let text = """
        reader: htm
        stage:
          - nfc
        stages:
          - nfd
          - csv
          - name: exec
            options:
              comand: [python3, x.py]
              timeout: soon
          - title:replace=maybe
        sink:
          name: jsonl
          option: {}
        run:
          jobs: two
          orderd: true
        """
        #expect { try PipelineFile.parse(text, path: "bad.yml", registry: registry) } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.messages == [
                "bad.yml:1:9: unknown reader 'htm' (did you mean 'html'?); run 'sieve stages' to list them",
                "bad.yml:2:1: unknown key 'stage' in a pipeline file (did you mean 'stages'?); known keys: version, reader, stages, sink, inputs, output, errors, run",
                "bad.yml:5:5: unknown normalizer, extractor or filter 'nfd' (did you mean 'nfc'?); run 'sieve stages' to list them",
                "bad.yml:6:5: stage 'csv' is a sink, so it cannot be used in 'stages:'",
                "bad.yml:7:5: option 'command' of stage 'exec' is required: the program to run, such as command=python3|stage.py",
                "bad.yml:9:7: stage 'exec' has no option 'comand' (did you mean 'command'?); its options: command, timeout, config, workers",
                "bad.yml:10:16: option 'timeout' of stage 'exec' expects a number, got 'soon'",
                "bad.yml:11:5: option 'replace' of stage 'title' expects a boolean (true or false), got 'maybe'",
                "bad.yml:14:3: unknown key 'option' in a stage (did you mean 'options'?); known keys: name, options",
                "bad.yml:16:9: run setting 'jobs' expects a whole number of at least 1, got 'two'",
                "bad.yml:17:3: unknown key 'orderd' in 'run' (did you mean 'ordered'?); known keys: jobs, max_in_flight, ordered, max_bytes, fail_fast, max_errors, timeout",
            ]
        }
    }

    @Test func aMissingCSVColumnIsReportedAtItsItemAlongsideOtherProblems() {
        let text = """
        stages:
          - nfd
          - name: tone-marks
            options: {style: nwe}
        sink:
          name: csv
          options:
            columns: [id, titel, text]
        """
        #expect { try PipelineFile.parse(text, path: "c.yml", registry: registry) } throws: { error in
            let messages = (error as? ConfigurationError)?.messages ?? []
            return messages.count == 3
                && messages[0].hasPrefix("c.yml:2:5: unknown normalizer, extractor or filter 'nfd' (did you mean 'nfc'?)")
                && messages[1] == "c.yml:4:22: option 'style' of stage 'tone-marks' expects one of keep, old, new, got 'nwe' (did you mean 'new'?)"
                && messages[2].hasPrefix("c.yml:8:19: option 'columns' of stage 'csv' has an unknown column 'titel' (did you mean 'title'?); known: id,")
        }
    }

    /// `sink:` takes the names `--to` takes: `text` and `html` (which name readers too) and `md`, in either form,
    /// while `reader: text` stays the text reader.
    @Test(arguments: [("text", "txt"), ("html", "clean-html"), ("md", "markdown"), ("markdown", "markdown"),
                      ("txt", "txt"), ("clean-html", "clean-html"), ("{name: html}", "clean-html")])
    func aSinkIsNamedAsOnTheCommandLine(written: String, sink: String) throws {
        let file = try PipelineFile.parse("reader: text\nsink: \(written)\n", path: "s.yml", registry: registry)
        #expect(file.sink?.name == sink)
        #expect(file.reader?.name == "text")
    }

    @Test func anUnknownSinkSuggestsTheNameUsersWrite() {
        #expect { try PipelineFile.parse("sink: htm\n", path: "s.yml", registry: registry) } throws: { error in
            (error as? ConfigurationError)?.messages == [
                "s.yml:1:7: unknown sink 'htm' (did you mean 'html'?); run 'sieve stages' to list them",
            ]
        }
    }

    @Test func aMisIndentedListSaysWhatYAMLDid() {
        let text = """
        stages:
          - nfc
            - whitespace
        inputs:
          - a.txt
           - b.txt
        """
        #expect { try PipelineFile.parse(text, path: "m.yml", registry: registry) } throws: { error in
            (error as? ConfigurationError)?.messages == [
                "m.yml:2:5: this list item was read as the single string 'nfc - whitespace': put each '- ' on its own line, indented the same",
                "m.yml:5:5: this list item was read as the single string 'a.txt - b.txt': put each '- ' on its own line, indented the same",
            ]
        }
    }

    @Test func pathsInTheFileAreRelativeToItsFolder() throws {
        let file = try PipelineFile.parse("""
        inputs: [../seeds/, /srv/news, page.html, -]
        output: out/all.jsonl
        errors: ../errors.jsonl
        """, path: "jobs/nightly/p.yml", registry: registry)
        #expect(file.inputs == ["jobs/seeds/", "/srv/news", "jobs/nightly/page.html", "-"])
        #expect(file.output == "jobs/nightly/out/all.jsonl")
        #expect(file.errors == "jobs/errors.jsonl")
        let here = try PipelineFile.parse("inputs: [../seeds/]\n", path: "p.yml", registry: registry)
        #expect(here.inputs == ["../seeds/"])
    }

    @Test func checkingInputsReportsThoseThatDoNotExist() throws {
        let folder = try TemporaryDirectory()
        try folder.write("a.txt", "x")
        let path = try folder.write("p.yml", "inputs: [a.txt, missing.txt]\n")
        _ = try PipelineFile.load(path, registry: registry)
        #expect { try PipelineFile.load(path, registry: registry, checkInputs: true) } throws: { error in
            (error as? ConfigurationError)?.messages == [
                "\(path):1:17: input 'missing.txt' does not exist (looked for \(folder.url.path)/missing.txt; inputs are relative to the pipeline file)",
            ]
        }
    }

    @Test func brokenYAMLNamesItsPosition() {
        #expect { try PipelineFile.parse("stages: [nfc\n", path: "b.yml", registry: registry) } throws: { error in
            "\(error)".hasPrefix("b.yml:2:1: invalid YAML:")
        }
        #expect { try PipelineFile.parse("- nfc\n", path: "c.yml", registry: registry) } throws: { error in
            "\(error)".hasPrefix("c.yml:1:1: a pipeline file is a mapping")
        }
        #expect { try PipelineFile.parse("", path: "d.yml", registry: registry) } throws: { error in
            "\(error)".contains("d.yml: the pipeline file is empty")
        }
    }

    @Test func aMissingFileIsAConfigurationError() {
        #expect { try PipelineFile.load("/nonexistent/p.yml", registry: registry) } throws: { error in
            (error as? ConfigurationError)?.messages == ["/nonexistent/p.yml: cannot read the pipeline file: no such file"]
        }
    }

    @Test func aFolderOrBinaryFileIsNamedAsSuch() throws {
        let scratch = try TemporaryDirectory()
        let folder = scratch.path("p.yml")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect { try PipelineFile.load(folder, registry: registry) } throws: { error in
            (error as? ConfigurationError)?.messages == ["\(folder): cannot read the pipeline file: it is a folder"]
        }
        let binary = try scratch.write("b.yml", Data([0x73, 0x69, 0xFF, 0xFE, 0x0A]))
        #expect { try PipelineFile.load(binary, registry: registry) } throws: { error in
            (error as? ConfigurationError)?.messages == ["\(binary): cannot read the pipeline file: it is not UTF-8 text"]
        }
    }

    @Test func aWrongRunSettingIsQuotedAsWritten() {
        #expect { try PipelineFile.parse("run: {jobs: 0, fail_fast: 3, max_errors: 'many'}\n", path: "r.yml", registry: registry) } throws: { error in
            (error as? ConfigurationError)?.messages == [
                "r.yml:1:13: run setting 'jobs' expects a whole number of at least 1, got 0",
                "r.yml:1:27: run setting 'fail_fast' expects true or false, got 3",
                "r.yml:1:42: run setting 'max_errors' expects a whole number of at least 0, got 'many'",
            ]
        }
    }

    @Test func theSamplePipelinesAreValid() throws {
        let samples = SieveProcess.root.appendingPathComponent("samples/pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".yml") }
        #expect(!files.isEmpty)
        for name in files {
            _ = try PipelineFile.load(samples.appendingPathComponent(name).path, registry: registry)
        }
    }
}
