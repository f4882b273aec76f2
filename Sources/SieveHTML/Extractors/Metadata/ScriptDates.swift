import CLibXML2
import Glibc

/// Finds a publication date that a page gives only to its own scripts: a key named like a publication date
/// (`"publishedDate": "2016-11-04T20:37:27Z"`, `publish_date = '2019-10-19'`, `"createdAt": ...`) in the
/// text of an inline `<script>` (JSON state, data layers). Keys naming a modification, update or expiry are
/// skipped, and so is every value that is not a whole date. The first such key in page order wins; without
/// one, the day named most often by quoted full timestamps (date and time of day, `"2020/04/17 01:43:09"`)
/// is taken, first of them on a tie.
enum ScriptDates {
    /// Scripts longer than this are read only up to it: page state can run to megabytes.
    static let byteLimit = 400_000

    /// The first publication date in the scripts' text, else the day their quoted timestamps name most often.
    static func first(in scripts: InlineScripts, accept: (DateValue?) -> DateValue?) -> DateValue? {
        guard !scripts.nodes.isEmpty else { return nil }
        let elided = scripts.tree.elidedScriptTexts()
        if let date = search(scripts.nodes, elided, { scan($0, accept: accept) }) { return date }
        var stamps: [DateValue] = []
        _ = search(scripts.nodes, elided) { text -> DateValue? in
            timestamps(text, accept: accept, into: &stamps)
            return nil
        }
        var counts: [Int: Int] = [:]
        for stamp in stamps { counts[stamp.dayNumber, default: 0] += 1 }
        guard let most = counts.values.max() else { return nil }
        return stamps.first { counts[$0.dayNumber] == most }
    }

    /// Reads the scripts' text in page order, at most `byteLimit` bytes in all: from the tree, or for a script
    /// whose text was left out of the parse, from `elided`.
    private static func search(_ scripts: [xmlNodePtr], _ elided: [xmlNodePtr: ArraySlice<UInt8>],
                               _ find: (UnsafeBufferPointer<UInt8>) -> DateValue?) -> DateValue? {
        var budget = byteLimit
        for script in scripts where budget > 0 {
            if script.pointee.children == nil, let raw = elided[script] {
                let text = ParserInput.parsedText(raw, limit: budget)
                budget -= text.count
                if let found = text.withUnsafeBufferPointer(find) { return found }
                continue
            }
            var child = script.pointee.children
            while let node = child, budget > 0 {
                if let content = node.pointee.content {
                    let length = min(strlen(content), budget)
                    budget -= length
                    if let found = find(UnsafeBufferPointer(start: content, count: length)) { return found }
                }
                child = node.pointee.next
            }
        }
        return nil
    }

    /// The first value of a publication-date key in `text`.
    static func scan(_ text: UnsafeBufferPointer<UInt8>, accept: (DateValue?) -> DateValue?) -> DateValue? {
        var index = 0
        while index < text.count {
            // A key is a quoted or bare word ending right before `:` or `=`.
            let byte = text[index]
            guard byte == UInt8(ascii: ":") || byte == UInt8(ascii: "=") else { index += 1; continue }
            defer { index += 1 }
            var keyEnd = index
            while keyEnd > 0, index - keyEnd < 4, text[keyEnd - 1] == 0x20 { keyEnd -= 1 }
            if keyEnd > 0, text[keyEnd - 1] == UInt8(ascii: "\"") || text[keyEnd - 1] == UInt8(ascii: "'") { keyEnd -= 1 }
            var keyStart = keyEnd
            while keyStart > 0, keyEnd - keyStart < 40, isKeyByte(text[keyStart - 1]) { keyStart -= 1 }
            guard keyEnd - keyStart >= 6, namesPublication(text, keyStart, keyEnd) else { continue }
            var valueStart = index + 1
            while valueStart < text.count, text[valueStart] == 0x20 { valueStart += 1 }
            guard valueStart < text.count, text[valueStart] == UInt8(ascii: "\"") || text[valueStart] == UInt8(ascii: "'") else { continue }
            let quote = text[valueStart]
            var valueEnd = valueStart + 1
            while valueEnd < text.count, valueEnd - valueStart <= 40, text[valueEnd] != quote { valueEnd += 1 }
            guard valueEnd < text.count, text[valueEnd] == quote else { continue }
            let value = Array(text[(valueStart + 1)..<valueEnd])
            guard let first = value.first, DateParser.isDigit(first) else { continue }
            if let date = accept(DateParser.isoDate(value, from: 0)) { return date }
        }
        return nil
    }

    /// At most this many timestamps are counted.
    static let timestampLimit = 200

    /// Quoted values that open with a date and a time of day (`"2020-03-18T13:52:08+0100"`), in text order.
    static func timestamps(_ text: UnsafeBufferPointer<UInt8>, accept: (DateValue?) -> DateValue?, into stamps: inout [DateValue]) {
        var index = 0
        while index + 17 < text.count, stamps.count < timestampLimit {
            defer { index += 1 }
            guard text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'"),
                  DateParser.isDigit(text[index + 1]), DateParser.isDigit(text[index + 4]),
                  text[index + 5] == UInt8(ascii: "-") || text[index + 5] == UInt8(ascii: "/") else { continue }
            let value = Array(text[(index + 1)..<min(text.count, index + 33)])
            if let date = DateParser.isoDate(value, from: 0), date.hour != nil, let accepted = accept(date) { stamps.append(accepted) }
        }
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        DateParser.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Whether the key names a publication or creation (`datePublished`, `publish_date`, `pubDate`, `createdAt`)
    /// and not a modification, update or expiry.
    private static func namesPublication(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let key = UnsafeBufferPointer(rebasing: text[start..<end])
        let named = PageSignals.contains(key, "publish") || PageSignals.contains(key, "pubdate")
            || PageSignals.contains(key, "created")
        return named && !PageSignals.contains(key, "modif") && !PageSignals.contains(key, "updat")
            && !PageSignals.contains(key, "expir")
    }
}

/// The inline scripts of a page other than JSON-LD (no `src`), in page order, and the tree they are in.
struct InlineScripts {
    var nodes: [xmlNodePtr] = []
    let tree: HTMLTree
}
