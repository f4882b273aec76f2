import Foundation

/// Runs the built `sieve` executable as a user would, capturing its exit status and output.
enum SieveProcess {
    /// The package root, found from this file's location.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `sieve` binary built beside the test bundle.
    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sieve")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return root.appendingPathComponent(".build/debug/sieve")
    }

    /// The outcome of one run.
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Starts `sieve arguments...` without waiting for it, for tests that stop or kill a run midway. `quiet`
    /// sends its standard output and error to /dev/null; otherwise they are the test's own.
    static func start(_ arguments: [String], quiet: Bool = true) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if quiet {
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// Runs `sieve arguments...` in the package root, with optional standard input, and this process's
    /// environment with `environment`'s variables set over it (a nil value unsets one).
    static func run(_ arguments: [String], stdin: Data? = nil, in directory: URL = root,
                    environment: [String: String?] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            var variables = ProcessInfo.processInfo.environment
            for (name, value) in environment { variables[name] = value }
            process.environment = variables
        }
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("sieve-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout"), errURL = capture.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let input = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The JSON objects of JSON Lines output.
    static func jsonLines(_ data: Data) throws -> [[String: Any]] {
        try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// The objects of a JSON Lines file (an output or an `--errors` report).
    static func jsonLines(atPath path: String) throws -> [[String: Any]] {
        try jsonLines(Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
