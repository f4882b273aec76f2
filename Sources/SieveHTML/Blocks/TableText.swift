import CLibXML2
import Glibc
import SieveCore

/// Data tables as text (one line per row, cells separated by tabs, the caption first) and as rows of
/// cells with header cells (`<th>`) marked. Layout tables (a nested table, or cells
/// holding paragraphs, headings or lists) are not data tables and are read as ordinary containers.
enum TableText {
    /// Whether a table holds data rather than page layout.
    static func isDataTable(_ table: xmlNodePtr) -> Bool {
        var layout = false
        table.walk { node in
            guard node.isElement else { return .skipChildren }
            if node == table { return .continue }
            switch node.tag {
            case .table, .p, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .blockquote, .pre, .article, .section:
                layout = true
                return .stop
            default:
                return node.tag.isNeverContent ? .skipChildren : .continue
            }
        }
        return !layout
    }

    /// The table's text and rows; empty rows are left out, and a table with no text gives "" and no rows.
    static func read(_ table: xmlNodePtr, skip: (xmlNodePtr) -> Bool) -> (text: String, rows: [[Block.Cell]]) {
        var rows: [[Block.Cell]] = []
        var cells: [Block.Cell] = []
        var cell = TextBuffer()
        var inCell = false
        var caption = ""
        table.walk(enter: { node in
            if node.isText {
                if inCell, let content = node.pointee.content { cell.append(content) }
                return .skipChildren
            }
            guard node.isElement else { return .skipChildren }
            let tag = node.tag
            if Visibility.isSkipped(node, tag) || (node != table && skip(node)) { return .skipChildren }
            switch tag {
            case .caption:
                caption = node.collapsedText
                return .skipChildren
            case .td, .th:
                inCell = true
                cell.reset()
            case .br, .img:
                cell.space()
            default:
                if tag.isBlock { cell.space() }
            }
            return .continue
        }, leave: { node in
            guard node.isElement else { return }
            switch node.tag {
            case .td, .th:
                cells.append(Block.Cell(cell.string.replacingTabs(), header: node.tag == .th))
                inCell = false
            case .tr:
                if cells.contains(where: { !$0.text.isEmpty }) { rows.append(cells) }
                cells.removeAll()
            default:
                break
            }
        })
        if cells.contains(where: { !$0.text.isEmpty }) { rows.append(cells) }
        guard !rows.isEmpty else { return ("", []) }
        var lines = rows.map { $0.map(\.text).joined(separator: "\t") }
        if !caption.isEmpty { lines.insert(caption, at: 0) }
        return (lines.joined(separator: "\n"), rows)
    }
}

extension String {
    /// The string with tabs and line breaks turned into spaces, so it fits in one table cell.
    fileprivate func replacingTabs() -> String {
        guard utf8.contains(where: { $0 == 0x09 || $0 == 0x0A }) else { return self }
        return String(decoding: utf8.map { $0 == 0x09 || $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
