import Foundation
import Sieve
import SieveCore
import Testing

/// Pipeline files: a good file becomes the right spec; a bad one reports every problem with its line and column.
@Suite struct PipelineFileTests {
    let registry = StageRegistry.standard

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
                "bad.yml:5:5: unknown normalizer or extractor 'nfd' (did you mean 'nfc'?); run 'sieve stages' to list them",
                "bad.yml:6:5: stage 'csv' is a sink, so it cannot be used in 'stages:'",
                "bad.yml:9:7: stage 'exec' has no option 'comand' (did you mean 'command'?); its options: command, config, timeout, workers",
                "bad.yml:10:16: option 'timeout' of stage 'exec' expects a number, got 'soon'",
                "bad.yml:11:5: option 'replace' of stage 'title' expects a boolean, got 'maybe'",
                "bad.yml:14:3: unknown key 'option' in a stage (did you mean 'options'?); known keys: name, options",
                "bad.yml:16:9: run setting 'jobs' expects a whole number of at least 1, got 'two'",
                "bad.yml:17:3: unknown key 'orderd' in 'run' (did you mean 'ordered'?); known keys: jobs, max_in_flight, ordered, max_bytes, fail_fast, max_errors, timeout",
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
            error is ConfigurationError && "\(error)".hasPrefix("/nonexistent/p.yml: cannot read the pipeline file")
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
