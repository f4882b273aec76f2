import Foundation
import SieveTesting
import Testing
@testable import SieveCore

@Suite struct InputTests {
    @Test func directoriesAreWalkedInSortedOrderSkippingHiddenEntries() throws {
        let directory = try TemporaryDirectory()
        for path in ["b/2.txt", "b/10.txt", "a.txt", ".hidden/x.txt", "b/.secret", "c/d/e.txt"] {
            try directory.write(path, "x")
        }
        let found = InputWalker(paths: [directory.url.path]).map(\.path)
        let root = directory.url.path
        #expect(found == ["\(root)/a.txt", "\(root)/b/10.txt", "\(root)/b/2.txt", "\(root)/c/d/e.txt"])
    }

    @Test func missingPathsAreReportedInPlace() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "x")
        let refs = Array(InputWalker(paths: [directory.path("missing"), directory.path("a.txt"), "-"]))
        #expect(refs == [.unreadable(directory.path("missing"), reason: "no such file or directory"),
                         .file(directory.path("a.txt")), .standardInput])
    }

    @Test func gzipInputIsDecompressed() throws {
        let directory = try TemporaryDirectory()
        let text = String(repeating: "Hà Nội mùa thu. ", count: 500)
        let path = try directory.write("page.txt", text)
        try runGzip(path)
        let bytes = try InputLoader(maxBytes: 1 << 20).load(.file(path + ".gz"))
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }

    @Test func gzipBombsStopAtTheSizeLimit() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("bomb.txt", String(repeating: "a", count: 2_000_000))
        try runGzip(path)
        #expect {
            try InputLoader(maxBytes: 100_000).load(.file(path + ".gz"))
        } throws: { error in
            "\(error)".contains("--max-bytes limit of 100000")
        }
    }

    @Test func truncatedGzipIsAnError() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("page.txt", String(repeating: "some text ", count: 5000))
        try runGzip(path)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path + ".gz"))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path + ".gz"))
        #expect(throws: InputError.self) { try InputLoader(maxBytes: 1 << 20).load(.file(path + ".gz")) }
    }

    @Test(arguments: [
        ("news/2024/01/a.html.gz", "news/2024/01/a"), ("./seeds/001.txt", "seeds/001"), ("-", "stdin"),
        ("archive.tar", "archive"), ("dir.v2/file", "dir.v2/file"),
    ])
    func documentIDsComeFromThePath(path: String, id: String) {
        #expect(ReaderSelector.documentID(for: path) == id)
    }

    private func runGzip(_ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = [path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
