import Foundation
import Glibc
import SieveTesting
import Testing
@testable import SieveCore

@Suite struct InputAccountingTests {
    private func items(_ paths: [String], include: [String] = []) -> [WorkItem] {
        var selection = InputSource.Selection()
        selection.paths = paths
        selection.include = include
        return Array(InputSource(selection))
    }

    private func bindSocket(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(status == 0)
        return fd
    }

    @Test func foldersReadKnownFormatsAndCountTheRestByReason() throws {
        let directory = try TemporaryDirectory()
        for path in ["a.html", "b.HTM", "c.xhtml", "d.txt", "e.txt.gz", "f.warc", "g.jsonl", "logo.png", "main.swift", "LICENSE",
                     "out.jsonl.partial", "out.jsonl.sieve-journal"] {
            try directory.write(path, "x")
        }
        let found = items([directory.url.path])
        let read = found.compactMap { item -> String? in
            guard case .file(let ref) = item else { return nil }
            return OutputTarget.name(of: ref.path)
        }
        #expect(read == ["a.html", "b.HTM", "c.xhtml", "d.txt", "e.txt.gz"])
        let skipped = found.compactMap { item -> String? in
            guard case .skipped(let reason) = item else { return nil }
            return reason
        }
        #expect(skipped.sorted() == ["a Sieve working file (.partial or .sieve-journal)", "a Sieve working file (.partial or .sieve-journal)",
                                     "not a known input format (.png)", "not a known input format (.swift)",
                                     "not a known input format (no extension)"])
        let widened = items([directory.url.path], include: ["*.swift"]).compactMap { item -> String? in
            guard case .file(let ref) = item else { return nil }
            return OutputTarget.name(of: ref.path)
        }
        #expect(widened == ["main.swift"])
    }

    @Test func namedFilesAreReadWhateverTheirExtension() throws {
        let directory = try TemporaryDirectory()
        let notes = try directory.write("notes.md", "x")
        guard case .file(let ref) = try #require(items([notes]).first) else {
            Issue.record("a file named on the command line is read")
            return
        }
        #expect(ref.path == notes)
    }

    @Test func specialEntriesAreReportedByPathAndReasonWithoutOpeningThem() throws {
        let directory = try TemporaryDirectory()
        try directory.write("ok.txt", "x")
        try directory.write("sub/inner.txt", "y")
        #expect(mkfifo(directory.path("pipe.txt"), 0o600) == 0)
        let socket = bindSocket(directory.path("sock.txt"))
        defer { close(socket) }
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: directory.path("dangling.txt"), withDestinationPath: "nowhere.txt")
        try manager.createSymbolicLink(atPath: directory.path("loop1.txt"), withDestinationPath: "loop2.txt")
        try manager.createSymbolicLink(atPath: directory.path("loop2.txt"), withDestinationPath: "loop1.txt")
        try manager.createSymbolicLink(atPath: directory.path("folder-link"), withDestinationPath: "sub")
        try manager.createSymbolicLink(atPath: directory.path("null.txt"), withDestinationPath: "/dev/null")
        var outcome: [String: String] = [:]
        for item in items([directory.url.path]) {
            switch item {
            case .failed(let failure): outcome[OutputTarget.name(of: failure.input)] = failure.reason
            case .file(let ref): outcome[OutputTarget.name(of: ref.path)] = "read"
            case .skipped(let reason): outcome["skipped"] = reason
            case .record: break
            }
        }
        #expect(outcome == [
            "dangling.txt": "a symbolic link to a missing target (nowhere.txt)",
            "inner.txt": "read",
            "loop1.txt": "a symbolic link loop",
            "loop2.txt": "a symbolic link loop",
            "null.txt": "a symbolic link to a device, not a regular file: not read",
            "ok.txt": "read",
            "pipe.txt": "a FIFO (named pipe), not a regular file: not read",
            "skipped": "symbolic link to a folder (not followed)",
            "sock.txt": "a socket, not a regular file: not read",
        ])
    }

    @Test func aFIFONamedByTheUserIsReadAsAStream() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("page.txt")
        #expect(mkfifo(fifo, 0o600) == 0)
        let refs = Array(InputWalker(paths: [fifo]))
        #expect(refs == [.file(fifo)])
        Thread.detachNewThread {
            let fd = open(fifo, O_WRONLY)
            _ = "Tin nhanh.".withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        #expect(try InputLoader(maxBytes: 1 << 20).load(refs[0]) == Array("Tin nhanh.".utf8))
    }

    @Test func fileNamesThatAreNotUTF8AreReadAndShownEscaped() throws {
        let directory = try TemporaryDirectory()
        let name = Array(directory.url.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8)
        let fd = (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(fd >= 0)
        _ = "Tên tệp lạ.".withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let refs = Array(InputWalker(paths: [directory.url.path]))
        #expect(refs.map(\.path) == [directory.url.path + "/caf\\xE9.txt"])
        #expect(refs.first?.id == directory.url.path + "/caf\\xE9")
        #expect(try InputLoader(maxBytes: 1 << 20).load(refs[0]) == Array("Tên tệp lạ.".utf8))
    }

    @Test func containersWithNamesThatAreNotUTF8AreReadRecordByRecord() throws {
        let directory = try TemporaryDirectory()
        func create(_ suffix: String, _ content: String) {
            let name = Array(directory.url.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(suffix.utf8)
            let fd = (name + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            #expect(fd >= 0)
            _ = content.withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        create(".jsonl", #"{"id": "a", "text": "Tin một."}"# + "\n")
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Tin hai.</p></body></html>"
        create(".warc", "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/x\r\n"
            + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(http.utf8.count)\r\n\r\n\(http)\r\n\r\n")
        var records: [String] = []
        for item in items([directory.url.path]) {
            guard case .record(let input, _) = item else {
                Issue.record("expected a record, got \(item)")
                continue
            }
            records.append(input.path)
        }
        #expect(records == [directory.url.path + "/caf\\xE9.jsonl", directory.url.path + "/caf\\xE9.warc"])
    }

    @Test func siblingsThatWouldShareAnIdKeepTheirWholeNames() throws {
        let directory = try TemporaryDirectory()
        for path in ["a/good.html", "a/good.txt", "a/other.txt", "a/page.html", "a/page.html.gz"] { try directory.write(path, "x") }
        let root = directory.url.path
        let ids = InputWalker(paths: [root + "/a"]).map(\.id)
        #expect(ids == ["\(root)/a/good.html", "\(root)/a/good.txt", "\(root)/a/other", "\(root)/a/page.html", "\(root)/a/page.html.gz"])
        let named = InputWalker(paths: [root + "/a/good.html", root + "/a/good.txt", root + "/a/other.txt"]).map(\.id)
        #expect(named == ["\(root)/a/good.html", "\(root)/a/good.txt", "\(root)/a/other"])
    }

    @Test func aGzNameOnDataThatIsNotGzipIsAnErrorNamingIt() throws {
        let directory = try TemporaryDirectory()
        let text = try directory.write("page.txt.gz", "plain text, not gzip")
        #expect {
            try InputLoader(maxBytes: 1 << 20).load(.file(text))
        } throws: { error in
            "\(error)".hasPrefix("\(text): named .gz but not gzip data")
        }
        let warc = try directory.write("crawl.warc.gz", "WARC/1.0\r\n")
        guard case .failed(let failure) = try #require(items([warc]).first) else {
            Issue.record("a .warc.gz that is not gzip fails")
            return
        }
        #expect(failure.input == warc)
        #expect(failure.reason.hasPrefix("named .gz but not gzip data"))
    }

    @Test func thisRunsOutputsAreNeverReadBack() throws {
        let directory = try TemporaryDirectory()
        try directory.write("in/a.txt", "x")
        let output = try directory.write("in/out.jsonl", "{}")
        var selection = InputSource.Selection()
        selection.paths = [directory.path("in")]
        selection.outputs = [try #require(FileIdentity(path: output))]
        let found = Array(InputSource(selection))
        #expect(found.count == 2)
        guard case .skipped(let reason) = found[1] else {
            Issue.record("the output is skipped")
            return
        }
        #expect(reason == "an output of this run")
    }
}
