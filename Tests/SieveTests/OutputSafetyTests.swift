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
        let received = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }
        let result = try SieveProcess.run(["convert", seeds, "-o", fifo, "-q"])
        done.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SieveProcess.jsonLines(received.data).count == 5)
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

/// Bytes handed from a reader thread to the test.
private final class Box: @unchecked Sendable {
    var data = Data()
}
