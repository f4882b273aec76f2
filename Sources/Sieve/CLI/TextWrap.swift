#if canImport(Glibc)
import Glibc
#endif

/// Word wrapping of text for people, to the width `--help` uses: `COLUMNS` when it holds a number, else the
/// width of the terminal on standard output, else 80 (swift-argument-parser's rule, whose own is internal).
///
/// Example: `lines("Drop exact and near duplicates", after: "    dedupe  ", width: 24)` →
/// `["    dedupe  Drop exact", "            and near", "            duplicates"]`.
enum TextWrap {
    /// The width to wrap to, in columns.
    static var width: Int {
        if let value = getenv("COLUMNS"), let columns = Int(String(cString: value)), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// `text` after `head`, broken at spaces into lines of at most `width` characters, each line after the first
    /// indented to where the text began. A word longer than the room it has stays whole on a line of its own.
    static func lines(_ text: String, after head: String, width: Int) -> [String] {
        guard head.count + text.count > width else { return [head + text] }
        let indent = String(repeating: " ", count: head.count)
        var lines: [String] = []
        var line = head
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
