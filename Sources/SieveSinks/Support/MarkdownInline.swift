import SieveCore

/// A block's inline content as CommonMark: text escaped by `MarkdownText`, links `[text](url)`, bold
/// `**…**`, italic `*…*`, inline code in a backtick string longer than any inside it, images
/// `![alt](src)`, line breaks as hard breaks (a backslash before the newline).
///
/// Links and images keep their URL only when `SafeURL` allows it (a link without one keeps its text, an
/// image without one is left out); a link inside a link keeps only its text. URLs have `(`, `)`, `<`, `>`
/// and blanks percent-encoded so they end where they should.
///
/// Example: `Đọc bài này` with a link over `bài` to `https://a.vn/1` → `Đọc [bài](https://a.vn/1) này`.
struct MarkdownInline {
    /// Continuation lines start with this (the indentation of a list item, `> ` in a quote).
    var prefix: [UInt8] = []
    /// One line only (a heading or a table cell): a line break becomes a blank.
    var singleLine = false
    /// In a table cell: `|` is escaped too.
    var inTable = false

    /// Appends the block's inline content.
    func append(_ block: Block, to output: inout [UInt8]) {
        let start = output.count
        var lineStart = true
        var code: String.UnicodeScalarView?
        var links = 0
        var pendingBreak = false
        for event in InlineEvent.events(of: block) {
            if code != nil {
                switch event {
                case .text(let text): code!.append(contentsOf: text.unicodeScalars)
                case .lineBreak: code!.append(" ")
                case .close(let span) where span.kind == .code:
                    appendCode(String(code!), to: &output)
                    code = nil
                    lineStart = false
                default: break
                }
                continue
            }
            if case .lineBreak = event {
                // A break waits for what follows it: none at the very end, and a closing `**` stays on
                // the line it closes (at a line start it could not close).
                if !lineStart { pendingBreak = true }
                lineStart = true
                continue
            }
            if pendingBreak, !event.isClose {
                trimBlanks(&output, from: start)
                output.append(contentsOf: singleLine ? [0x20] : [UInt8(ascii: "\\"), 0x0A] + prefix)
                pendingBreak = false
            }
            let before = output.count
            switch event {
            case .text(let text):
                MarkdownText.append(text, to: &output, inTable: inTable || singleLine, atLineStart: lineStart && !singleLine,
                                    atLineEnd: false)
            case .lineBreak:
                continue
            case .open(let span):
                switch span.kind {
                case .link:
                    links += 1
                    if links == 1, span.href.flatMap(SafeURL.allowed) != nil { output.append(UInt8(ascii: "[")) }
                case .bold: output.append(contentsOf: "**".utf8)
                case .italic: output.append(UInt8(ascii: "*"))
                case .code: code = String.UnicodeScalarView()
                case .image: break
                }
            case .close(let span):
                switch span.kind {
                case .link:
                    if links == 1, let url = span.href.flatMap(SafeURL.allowed) {
                        output.append(contentsOf: "](".utf8)
                        output.append(contentsOf: Self.destination(url))
                        output.append(UInt8(ascii: ")"))
                    }
                    links -= 1
                case .bold: output.append(contentsOf: "**".utf8)
                case .italic: output.append(UInt8(ascii: "*"))
                case .code, .image: break
                }
            case .image(let span):
                guard let src = span.src.flatMap(SafeURL.allowed) else { continue }
                Self.appendImage(src: src, alt: span.alt, to: &output)
            }
            if output.count > before, !event.isClose { lineStart = false }
        }
        trimBlanks(&output, from: start)
    }

    /// `![alt](src)`.
    static func appendImage(src: String, alt: String?, to output: inout [UInt8]) {
        output.append(contentsOf: "![".utf8)
        if let alt { MarkdownText.append(alt, to: &output, inTable: true, atLineStart: false) }
        output.append(contentsOf: "](".utf8)
        output.append(contentsOf: destination(src))
        output.append(UInt8(ascii: ")"))
    }

    /// A link destination with the characters that would end it early percent-encoded.
    static func destination(_ url: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "("): bytes.append(contentsOf: "%28".utf8)
            case UInt8(ascii: ")"): bytes.append(contentsOf: "%29".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "%3C".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "%3E".utf8)
            case 0x00...0x20, 0x7F: bytes.append(contentsOf: "%20".utf8)
            default: bytes.append(byte)
            }
        }
        return bytes
    }

    /// Inline code, verbatim, in a backtick string longer than any inside it (CommonMark 0.31 §6.1);
    /// padded with a blank where the code starts or ends with a backtick.
    private func appendCode(_ code: String, to output: inout [UInt8]) {
        guard !code.isEmpty else { return }
        var longest = 0, run = 0
        for byte in code.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = [UInt8](repeating: UInt8(ascii: "`"), count: longest + 1)
        let pad = code.utf8.first == UInt8(ascii: "`") || code.utf8.last == UInt8(ascii: "`")
        output.append(contentsOf: fence)
        if pad { output.append(0x20) }
        for byte in code.utf8 {
            if inTable, byte == UInt8(ascii: "|") { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
        }
        if pad { output.append(0x20) }
        output.append(contentsOf: fence)
    }

    fileprivate func trimBlanks(_ output: inout [UInt8], from start: Int) {
        while output.count > start, let last = output.last, last == 0x20 || last == 0x09 { output.removeLast() }
    }
}

extension InlineEvent {
    /// Whether the event closes a span.
    var isClose: Bool {
        if case .close = self { return true }
        return false
    }
}
