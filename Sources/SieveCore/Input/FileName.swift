import Glibc

/// A file-system path as raw bytes, with the text shown to people: file names need not be valid UTF-8
/// (Linux allows any bytes but `/` and NUL), so invalid bytes are shown escaped as `\xNN` while the raw bytes
/// are kept for opening the file.
///
/// Example: the bytes `caf\xE9.txt` (Latin-1 é) show as `caf\xE9.txt` and still open the file.
struct FileName: Sendable, Hashable {
    /// The path's bytes, without a terminating NUL.
    let bytes: [UInt8]

    /// The path of a string.
    init(_ path: String) { bytes = Array(path.utf8) }

    /// A path from raw bytes.
    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Whether the bytes are valid UTF-8, so the shown text is the path itself.
    var isUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// The path as text: valid UTF-8 sequences as they are, every other byte as `\xNN`.
    var shown: String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var text = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length > 0, index + length <= bytes.count,
               let scalar = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                text += scalar
                index += length
            } else {
                text += "\\x" + String(lead, radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return text
    }

    /// `self/name`, without doubled slashes or a `/./` from a folder named `dir/.`.
    func appending(_ name: [UInt8]) -> FileName {
        var folder = bytes[...]
        while folder.count >= 2, folder.suffix(2).elementsEqual([0x2F, 0x2E]) { folder = folder.dropLast(2) }
        while folder.count > 1, folder.last == 0x2F { folder = folder.dropLast() }
        if folder.elementsEqual([0x2E]) { return FileName(bytes: name) }
        if folder.isEmpty || folder.elementsEqual([0x2F]) { return FileName(bytes: [0x2F] + name) }
        return FileName(bytes: Array(folder) + [0x2F] + name)
    }

    /// Calls `body` with the path as a C string.
    func withCString<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// Where a symbolic link points, as written in the link; nil when it is not a link.
    var linkTarget: FileName? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = withCString { path in
            buffer.withUnsafeMutableBufferPointer { out in
                out.withMemoryRebound(to: CChar.self) { readlink(path, $0.baseAddress!, $0.count - 1) }
            }
        }
        return count < 0 ? nil : FileName(bytes: Array(buffer[0..<count]))
    }

    /// The names in a folder, sorted by their bytes, without `.`, `..` and hidden names (starting with `.`).
    func listFolder() throws(InputError) -> [[UInt8]] {
        guard let folder = withCString({ opendir($0) }) else {
            throw InputError(path: shown, reason: "cannot list folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(folder) }
        var names: [[UInt8]] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name.first != UInt8(ascii: ".") { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }
}

extension String {
    /// The text with `0` in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
