import Foundation
import Glibc
import SieveTesting
import Testing

@Suite struct OutputSafetyTests {
    private let seeds = SieveProcess.root.appendingPathComponent("seeds").path

    private func listing(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
    }

    private func lines(_ path: String) throws -> Int {
        try SieveProcess.jsonLines(try Data(contentsOf: URL(fileURLWithPath: path))).count
    }

    /// Runs a shell command line (for `ulimit` and process substitution) in `directory`.
    private func shell(_ script: String, in directory: TemporaryDirectory) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory.url
        process.environment = ["SIEVE": SieveProcess.binary.path, "SEEDS": seeds, "PATH": "/usr/bin:/bin"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    /// A run in which every input failed must not replace yesterday's output with an empty file.
    @Test(arguments: ["out.md", "out.jsonl", "out.json"])
    func aRunThatConvertedNothingLeavesTheEarlierOutput(name: String) throws {
        let scratch = try TemporaryDirectory()
        try scratch.write(name, "earlier output\n")
        try scratch.write("empty.html", "")
        let result = try SieveProcess.run(["convert", scratch.path("empty.html"), scratch.path("missing.html"), "-o", name],
                                          in: scratch.url)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try String(contentsOfFile: scratch.path(name), encoding: .utf8) == "earlier output\n")
        #expect(result.stderr.contains("no input was converted; \(name) was left as it was"), "\(result.stderr)")
        #expect(try listing(scratch) == ["empty.html", name].sorted())
    }

    @Test func aRunThatConvertedNothingStillWritesANewOutput() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("empty.html", "")
        let result = try SieveProcess.run(["convert", scratch.path("empty.html"), "-o", "out.jsonl"], in: scratch.url)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try String(contentsOfFile: scratch.path("out.jsonl"), encoding: .utf8) == "")
    }

    /// Every output format written to a device leaves the device a device, for a run that converts and one
    /// where every input fails.
    @Test(arguments: ["jsonl", "json", "csv", "xml", "markdown", "text", "html", "sqlite"])
    func theNullDeviceStaysADevice(format: String) throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("empty.html", "")
        for input in [seeds, scratch.path("empty.html")] {
            _ = try SieveProcess.run(["convert", input, "--to", format, "-o", "/dev/null", "--errors", "/dev/null", "-q"],
                                     in: scratch.url)
            var info = stat()
            #expect(lstat("/dev/null", &info) == 0)
            #expect(info.st_mode & S_IFMT == S_IFCHR, "--to \(format) with \(input) replaced /dev/null")
        }
        #expect(try listing(scratch) == ["empty.html"])
    }

    @Test func aDeviceBehindASymlinkIsWrittenToNotReplaced() throws {
        let scratch = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: scratch.path("mynull"), withDestinationPath: "/dev/null")
        let result = try SieveProcess.run(["convert", seeds, "-o", "mynull", "-q"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("mynull")) == "/dev/null")
        #expect(try listing(scratch) == ["mynull"])
    }

    @Test func devStdoutIsAStreamEvenWhenStandardOutputIsAFile() throws {
        let result = try SieveProcess.run(["convert", seeds, "-o", "/dev/stdout", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SieveProcess.jsonLines(result.stdout).count == 5)
    }

    @Test func aProcessSubstitutionReceivesTheStream() throws {
        let scratch = try TemporaryDirectory()
        let run = try shell(#""$SIEVE" convert "$SEEDS" -q -o >(cat > got.jsonl); status=$?; wait $!; exit $status"#, in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try lines(scratch.path("got.jsonl")) == 5)
        #expect(try listing(scratch) == ["got.jsonl"])
    }

    @Test func aFIFOIsStreamedToItsReader() throws {
        let scratch = try TemporaryDirectory()
        let fifo = scratch.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(fifo)
        let result = try SieveProcess.run(["convert", seeds, "-o", fifo, "-q"])
        let received = reader.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SieveProcess.jsonLines(received).count == 5)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try listing(scratch) == ["pipe"])
    }

    @Test func aSymlinkKeepsItsLinkAndItsTargetIsReplacedWhenComplete() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("data/real.jsonl", "old\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.jsonl"), withDestinationPath: "data/real.jsonl")
        let result = try SieveProcess.run(["convert", seeds, "-o", "link.jsonl", "-q"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("link.jsonl")) == "data/real.jsonl")
        #expect(try lines(scratch.path("data/real.jsonl")) == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("data")) == ["real.jsonl"])
    }

    @Test func anOutputThatIsAnInputIsRefusedBeforeReading() throws {
        let scratch = try TemporaryDirectory()
        let article = "Die Bürger sind völlig überrascht.\n"
        try scratch.write("same.txt", article)
        let result = try SieveProcess.run(["convert", "same.txt", "-o", "same.txt"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("-o same.txt is also an input (same.txt)"))
        #expect(try String(contentsOfFile: scratch.path("same.txt"), encoding: .utf8) == article)
        #expect(try listing(scratch) == ["same.txt"])
    }

    @Test func theFilesFromListIsNotOverwritten() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("a.txt", "Die Bürger sind völlig überrascht.\n")
        try scratch.write("list.txt", "a.txt\n")
        for flags in [["-o", "list.txt"], ["-o", "out.jsonl", "--errors", "list.txt"]] {
            let result = try SieveProcess.run(["convert", "--files-from", "list.txt"] + flags, in: scratch.url)
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(flags[flags.count - 2]) list.txt is the --files-from list list.txt"), "\(result.stderr)")
            #expect(try String(contentsOfFile: scratch.path("list.txt"), encoding: .utf8) == "a.txt\n")
            #expect(try listing(scratch) == ["a.txt", "list.txt"])
        }
        let listed = try SieveProcess.run(["convert", "--files-from", "list.txt", "-o", "./a.txt"], in: scratch.url)
        #expect(listed.status == 2)
        #expect(listed.stderr.contains("-o ./a.txt is also an input (a.txt)"), "\(listed.stderr)")
        #expect(try String(contentsOfFile: scratch.path("a.txt"), encoding: .utf8) == "Die Bürger sind völlig überrascht.\n")
    }

    @Test func thePipelineFileIsNotOverwritten() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("a.txt", "Die Bürger sind völlig überrascht.\n")
        let pipeline = "reader: text\nstages: [nfc]\nsink: jsonl\ninputs: [a.txt]\n"
        try scratch.write("p.yml", pipeline)
        let runs: [(arguments: [String], message: String)] = [
            (["run", "p.yml", "-o", "p.yml"], "-o p.yml is the pipeline file p.yml"),
            (["convert", "--pipeline", "p.yml", "-o", "p.yml"], "-o p.yml is the pipeline file p.yml"),
            (["convert", "--pipeline", "p.yml", "--errors", "p.yml"], "--errors p.yml is the pipeline file p.yml"),
        ]
        for run in runs {
            let result = try SieveProcess.run(run.arguments, in: scratch.url)
            #expect(result.status == 2)
            #expect(result.stderr.contains(run.message), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(try String(contentsOfFile: scratch.path("p.yml"), encoding: .utf8) == pipeline)
            #expect(try listing(scratch) == ["a.txt", "p.yml"])
        }
    }

    @Test func standardOutputAppendedToAnInputIsRefused() throws {
        let scratch = try TemporaryDirectory()
        let article = "Die Bürger sind völlig überrascht.\n"
        try scratch.write("st.txt", article)
        let named = try shell(#""$SIEVE" convert st.txt -o /dev/stdout >> st.txt"#, in: scratch)
        #expect(named.status == 2)
        #expect(named.stderr.contains("-o /dev/stdout is also an input (st.txt)"), "\(named.stderr)")
        let implicit = try shell(#""$SIEVE" convert st.txt >> st.txt"#, in: scratch)
        #expect(implicit.status == 2)
        #expect(implicit.stderr.contains("standard output is also an input (st.txt)"), "\(implicit.stderr)")
        #expect(try String(contentsOfFile: scratch.path("st.txt"), encoding: .utf8) == article)
        let elsewhere = try shell(#""$SIEVE" convert st.txt -q >> out.json"#, in: scratch)
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    }

    @Test func errorsDashMeansStandardError() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a.txt", "Bài một.\n\nĐoạn văn.")
        try scratch.write("in/b.txt", Data([0, 1, 2, 0]))
        let result = try SieveProcess.run(["convert", "in", "-o", "out.jsonl", "--errors", "-", "-q"], in: scratch.url)
        #expect(result.status == 1)
        let records = result.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(records.count == 1 && records[0].contains("in/b.txt"), "\(result.stderr)")
        #expect(try listing(scratch) == ["in", "out.jsonl"])
    }

    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let scratch = try TemporaryDirectory()
        let paragraph = String(repeating: "Der Rat der Stadt hat am Montag beschlossen, die Brücke zu sanieren. ", count: 8)
        let records = (0..<2000).map { #"{"id": "r\#($0)", "text": "Meldung \#($0).\n\n\#(paragraph)"}"# }
        try scratch.write("big.jsonl", records.joined(separator: "\n") + "\n")
        let run = try shell(#""$SIEVE" convert big.jsonl --no-progress | head -c 100 > /dev/null; exit ${PIPESTATUS[0]}"#, in: scratch)
        #expect(run.status == 141)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func anErrorsFileEqualToTheOutputIsRefused() throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", seeds, "-o", "a.jsonl", "--errors", "./a.jsonl"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--errors ./a.jsonl is the same file as -o a.jsonl"))
        #expect(try listing(scratch).isEmpty)
    }

    @Test func anOutputTheWalkWouldReadIsRefusedUnlessExcluded() throws {
        let scratch = try TemporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds) {
            try scratch.write("inout/\(name)", try Data(contentsOf: URL(fileURLWithPath: seeds + "/" + name)))
        }
        let refused = try SieveProcess.run(["convert", "inout", "-o", "inout/out.jsonl"], in: scratch.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("-o inout/out.jsonl is inside the input folder inout"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("inout")).count == 5)

        let excluded = try SieveProcess.run(["convert", "inout", "-o", "inout/out.jsonl", "--exclude", "out.jsonl", "-q"], in: scratch.url)
        #expect(excluded.status == 0, "\(excluded.stderr)")
        let again = try SieveProcess.run(["convert", "inout", "-o", "inout/out.jsonl", "--exclude", "out.jsonl"], in: scratch.url)
        #expect(again.stderr.contains("5 written, 3 skipped, 0 dropped, 0 failed"), "the previous output is not read: \(again.stderr)")
        #expect(again.stderr.contains("an output of this run: 1"))
        #expect(try lines(scratch.path("inout/out.jsonl")) == 5)

        let csv = try SieveProcess.run(["convert", "inout", "-o", "inout/out.csv", "-q"], in: scratch.url)
        #expect(csv.status == 0, "an unknown format is not read from folders, so it may sit there: \(csv.stderr)")
    }

    @Test func aFailFastStopLeavesNoCompleteLookingFileAndSaysWhatWasKept() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a.txt", "Bài một.\n\nĐoạn văn.")
        try scratch.write("in/b.txt", Data([0, 1, 2, 0]))
        try scratch.write("in/c.txt", "Bài ba.\n\nĐoạn văn.")
        try scratch.write("out.json", "previous")
        let json = try SieveProcess.run(["convert", "in", "--to", "json", "-o", "out.json", "--fail-fast", "--jobs", "1",
                                         "--errors", "errors.jsonl"], in: scratch.url)
        #expect(json.status == 1)
        #expect(json.stderr.contains("out.json was not written"))
        #expect(json.stderr.contains("the failures so far are in errors.jsonl"))
        #expect(try String(contentsOfFile: scratch.path("out.json"), encoding: .utf8) == "previous")
        #expect(try listing(scratch) == ["errors.jsonl", "in", "out.json"])

        let jsonl = try SieveProcess.run(["convert", "in", "-o", "out.jsonl", "--fail-fast", "--jobs", "1"], in: scratch.url)
        #expect(jsonl.status == 1)
        #expect(jsonl.stderr.contains("kept out.jsonl.partial and out.jsonl.sieve-journal for --resume; out.jsonl was not written"))
        #expect(try listing(scratch) == ["errors.jsonl", "in", "out.json", "out.jsonl.partial", "out.jsonl.sieve-journal"])
    }

    @Test func aFullDiskFailsTheRunNamingThePathAndKeepsThePreviousFile() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("out.json", "previous")
        let run = try shell(#"ulimit -f 16; exec "$SIEVE" convert "$SEEDS" --to json -o out.json -q"#, in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write out.json: \(String(cString: strerror(EFBIG)))"), "\(run.stderr)")
        #expect(try String(contentsOfFile: scratch.path("out.json"), encoding: .utf8) == "previous")
        #expect(try listing(scratch) == ["out.json"])
    }

    @Test func aMissingFolderIsNamed() throws {
        let scratch = try TemporaryDirectory()
        let result = try SieveProcess.run(["convert", seeds, "-o", "nope/sub/x.jsonl"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write nope/sub/x.jsonl: the folder nope does not exist"))
        #expect(try listing(scratch).isEmpty)
    }

    @Test func aMistypedCommandIsNotReadAsAFile() throws {
        let result = try SieveProcess.run(["covert", "seeds"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'covert' is neither a file nor a command (did you mean 'sieve convert'?)"))
    }
}
