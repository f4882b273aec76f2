import Foundation

/// A fresh directory under the system temporary directory for one test, removed when the value goes away.
///
/// ```swift
/// let directory = try TemporaryDirectory()
/// let page = try directory.write("in/page.html", "<p>Xin chào</p>")
/// ```
public final class TemporaryDirectory {
    /// The directory.
    public let url: URL

    /// Creates an empty directory named `prefix-UUID`.
    public init(prefix: String = "sieve-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes text to a file inside the directory (creating folders) and returns its path.
    @discardableResult
    public func write(_ relativePath: String, _ contents: String) throws -> String {
        try write(relativePath, Data(contents.utf8))
    }

    /// Writes bytes to a file inside the directory (creating folders) and returns its path.
    @discardableResult
    public func write(_ relativePath: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    /// The path of a file or folder inside the directory.
    public func path(_ relativePath: String) -> String {
        url.appendingPathComponent(relativePath).path
    }
}
