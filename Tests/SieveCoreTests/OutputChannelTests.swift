import Foundation
import Glibc
import SieveTesting
import Testing
@testable import SieveCore

@Suite struct OutputChannelTests {
    private func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func aDeviceBehindASymlinkIsWrittenInPlaceAndTheLinkKept() throws {
        let directory = try TemporaryDirectory()
        let link = directory.path("mynull")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        #expect(try OutputTarget.resolve(link) == .stream("/dev/null"))
        let channel = try OutputChannel(path: link)
        #expect(!channel.isFile)
        channel.write(String(repeating: "x", count: 200_000))
        try channel.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/null")
        #expect(kind("/dev/null") == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["mynull"])
    }

    @Test func aFIFOIsStreamedToItsReaderAndStaysAFIFO() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(fifo)
        let channel = try OutputChannel(path: fifo)
        let text = String(repeating: "một dòng\n", count: 20_000)
        channel.write(text)
        try channel.commit()
        let received = reader.wait()
        #expect(received == Data(text.utf8))
        #expect(kind(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["pipe"])
    }

    @Test func aDescriptorPathWritesToTheOpenDescriptor() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        #expect(try OutputTarget.resolve("/dev/fd/\(ends[1])") == .descriptor(ends[1]))
        let channel = try OutputChannel(path: "/dev/fd/\(ends[1])")
        channel.write("xin chào\n")
        try channel.commit()
        close(ends[1])
        #expect(FileHandle(fileDescriptor: ends[0]).readDataToEndOfFile() == Data("xin chào\n".utf8))
    }

    @Test func aSymlinkedFileIsReplacedAtomicallyAndTheLinkAndModeKept() throws {
        let directory = try TemporaryDirectory()
        let real = try directory.write("data/real.jsonl", "old\n")
        #expect(chmod(real, 0o600) == 0)
        let link = directory.path("link.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "data/real.jsonl")
        let channel = try OutputChannel(path: link)
        channel.write("new\n")
        try channel.flush()
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "old\n")
        try channel.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "data/real.jsonl")
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new\n")
        var info = stat()
        stat(real, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("data")) == ["real.jsonl"])
    }

    @Test func aFailedPartialWriteIsNeverWrittenTwiceAndTheErrorSticks() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        #expect(fcntl(ends[1], F_SETFL, O_NONBLOCK) == 0)
        #expect(fcntl(ends[0], F_SETFL, O_NONBLOCK) == 0)
        let channel = try OutputChannel(path: "/dev/fd/\(ends[1])")
        let pattern = (0..<400_000).map { UInt8($0 % 251) }
        for start in stride(from: 0, to: pattern.count, by: 10_000) { channel.write(pattern[start..<(start + 10_000)]) }
        let failure = try #require(channel.failure)
        #expect(failure.reason == String(cString: strerror(EAGAIN)))
        func drain() -> [UInt8] {
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while case let count = read(ends[0], &chunk, chunk.count), count > 0 { received += chunk[0..<count] }
            return received
        }
        let first = drain()
        #expect(!first.isEmpty && first.count < pattern.count)
        #expect(first[...] == pattern.prefix(first.count))
        #expect(throws: OutputError.self) { try channel.flush() }
        channel.write("more")
        #expect(throws: OutputError.self) { try channel.commit() }
        #expect(drain().isEmpty, "nothing is written again once a write failed")
    }

    @Test func aFullDeviceFailsNamingTheTypedPath() throws {
        let directory = try TemporaryDirectory()
        let link = directory.path("full.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/full")
        let channel = try OutputChannel(path: link)
        channel.write(String(repeating: "x", count: 100_000))
        #expect {
            try channel.commit()
        } throws: { error in
            "\(error)" == "cannot write \(link): \(String(cString: strerror(ENOSPC)))"
        }
    }

    @Test func anAbortedRunLeavesThePreviousFileIntact() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("out.json", "previous")
        let channel = try OutputChannel(path: path)
        channel.write(String(repeating: "x", count: 200_000))
        channel.abort()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out.json"])
    }

    @Test func aFolderIsRefusedAndAMissingFolderIsNamed() throws {
        let directory = try TemporaryDirectory()
        #expect {
            try OutputChannel(path: directory.url.path)
        } throws: { error in
            "\(error)".hasPrefix("cannot write \(directory.url.path): is a folder")
        }
        let nested = directory.path("missing/sub/out.jsonl")
        #expect {
            try OutputChannel(path: nested)
        } throws: { error in
            "\(error)" == "cannot write \(nested): the folder \(directory.path("missing")) does not exist"
        }
    }
}
