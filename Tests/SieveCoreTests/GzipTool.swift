import Foundation
import SieveTesting

/// gzip data for tests with the system's `gzip`, through files (a pipe fills up on inputs of many MiB) and with
/// `-n`, so no file name or time goes into the header.
enum GzipTool {
    /// Writes `bytes` to `name` inside `directory`, compresses it in place and returns the `.gz` path.
    static func file(_ bytes: [UInt8], named name: String, in directory: TemporaryDirectory, level: Int = 6) throws -> String {
        let path = try directory.write(name, Data(bytes))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-f", "-n", "-\(level)", path]
        try process.run()
        process.waitUntilExit()
        return path + ".gz"
    }

    /// `bytes` as one gzip member.
    static func compress(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
        let directory = try TemporaryDirectory()
        return Array(try Data(contentsOf: URL(fileURLWithPath: file(bytes, named: "raw", in: directory, level: level))))
    }
}
