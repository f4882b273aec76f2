/// The file a document gets in a per-document output folder (`-o DIR/`), from its id: the id's path
/// components, kept as subfolders, without `.`, `..` or empty ones (so no file lands outside the folder);
/// in each, characters that file systems or shells treat specially (controls, `\ : * ? " < > | #`) become
/// `_`, a leading dot becomes `_` (no hidden files), and a component is cut to 200 bytes. Standard input's
/// `-` is `stdin`; an id with nothing left is `document`.
///
/// Example: `news/2024/a#1532` → `news/2024/a_1532`; `../../etc/passwd` → `etc/passwd`; `/tmp/x/.a` → `tmp/x/_a`.
enum DocumentFileName {
    /// The path, relative to the output folder and without extension, for a document id.
    static func relativePath(for id: String) -> String {
        if id == "-" { return "stdin" }
        let components = id.split(separator: "/").filter { $0 != "." && $0 != ".." }.map(clean)
        return components.isEmpty ? "document" : components.joined(separator: "/")
    }

    private static func clean(_ component: Substring) -> String {
        var bytes: [UInt8] = []
        for byte in component.utf8 {
            if byte < 0x20 || byte == 0x7F || Self.special.contains(byte) {
                bytes.append(UInt8(ascii: "_"))
            } else {
                bytes.append(byte)
            }
        }
        if bytes.first == UInt8(ascii: ".") { bytes[0] = UInt8(ascii: "_") }
        if bytes.count > 200 {
            // Cut at a character boundary: never inside a UTF-8 sequence.
            var end = 200
            while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            bytes.removeSubrange(end...)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let special = Set("\\:*?\"<>|#".utf8)
}
