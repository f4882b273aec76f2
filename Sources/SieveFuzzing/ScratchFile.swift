import Foundation

/// The container readers open a path; this writes the input to a fresh temporary file and removes it after.
enum ScratchFile {
    static func with(_ bytes: [UInt8], suffix: String, _ body: (String) -> Void) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sieve-fuzz-\(getpid())-\(UUID().uuidString)\(suffix)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        defer { try? FileManager.default.removeItem(atPath: path) }
        body(path)
    }
}
