import SieveCore

/// Reads a document's `blocks` back from JSON: kind, the attributes of `DocumentSchema.blockAttributes`,
/// text, and the spans, rows and image when present. A member of the wrong type is an error naming the
/// block; a span outside its block's text is dropped (an external stage that shortened the text).
enum BlockDecoding {
    /// The blocks of a `blocks` member; none when it is missing or null.
    static func blocks(_ value: FieldValue?) throws(DocumentShapeError) -> [Block] {
        guard let value, value != .null else { return [] }
        guard case .list(let items) = value else { throw DocumentShapeError("member 'blocks' must be a list") }
        var blocks: [Block] = []
        blocks.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .object(let members) = item else { throw DocumentShapeError("blocks[\(index)] must be an object") }
            blocks.append(try block(members, place: "blocks[\(index)]"))
        }
        return blocks
    }

    private static func block(_ members: [String: FieldValue], place: String) throws(DocumentShapeError) -> Block {
        let reader = MemberReader(members: members, place: place)
        let kindName = try reader.string("kind") ?? "paragraph"
        guard let kind = Block.Kind(rawValue: kindName) else {
            throw DocumentShapeError("\(place) has unknown kind '\(kindName)'; kinds: "
                + Block.Kind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var block = Block(kind, try reader.string("text") ?? "")
        for attribute in DocumentSchema.blockAttributes {
            guard let value = members[attribute.name], value != .null else { continue }
            guard attribute.set(value, in: &block) else {
                throw DocumentShapeError("\(place) member '\(attribute.name)' has the wrong type (\(value.typeName))")
            }
        }
        block.spans = try spans(members["spans"], place: place, length: block.text.unicodeScalars.count)
        block.rows = try rows(members["rows"], place: place)
        block.image = try image(members["image"], place: "\(place).image")
        return block
    }

    private static func spans(_ value: FieldValue?, place: String, length: Int) throws(DocumentShapeError) -> [Block.Span] {
        guard let value, value != .null else { return [] }
        guard case .list(let items) = value else { throw DocumentShapeError("\(place) member 'spans' must be a list") }
        var spans: [Block.Span] = []
        for (index, item) in items.enumerated() {
            let here = "\(place).spans[\(index)]"
            guard case .object(let members) = item else { throw DocumentShapeError("\(here) must be an object") }
            let reader = MemberReader(members: members, place: here)
            let kindName = try reader.string("kind") ?? ""
            guard let kind = Block.Span.Kind(rawValue: kindName) else {
                throw DocumentShapeError("\(here) has unknown kind '\(kindName)'; kinds: "
                    + Block.Span.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard let start = try reader.integer("start"), let count = try reader.integer("length") else {
                throw DocumentShapeError("\(here) needs 'start' and 'length'")
            }
            guard start >= 0, count >= 0, start + count <= length else { continue }
            spans.append(Block.Span(kind, start: start, length: count, href: try reader.string("href"),
                                    src: try reader.string("src"), alt: try reader.string("alt")))
        }
        return spans
    }

    private static func rows(_ value: FieldValue?, place: String) throws(DocumentShapeError) -> [[Block.Cell]]? {
        guard let value, value != .null else { return nil }
        guard case .list(let items) = value else { throw DocumentShapeError("\(place) member 'rows' must be a list") }
        var rows: [[Block.Cell]] = []
        for (index, item) in items.enumerated() {
            guard case .list(let cells) = item else { throw DocumentShapeError("\(place).rows[\(index)] must be a list") }
            var row: [Block.Cell] = []
            for (position, cell) in cells.enumerated() {
                let here = "\(place).rows[\(index)][\(position)]"
                guard case .object(let members) = cell else { throw DocumentShapeError("\(here) must be an object") }
                let reader = MemberReader(members: members, place: here)
                row.append(Block.Cell(try reader.string("text") ?? "", header: try reader.bool("header") ?? false))
            }
            rows.append(row)
        }
        return rows
    }

    private static func image(_ value: FieldValue?, place: String) throws(DocumentShapeError) -> Block.Image? {
        guard let value, value != .null else { return nil }
        guard case .object(let members) = value else { throw DocumentShapeError("\(place) must be an object") }
        let reader = MemberReader(members: members, place: place)
        guard let src = try reader.string("src") else { throw DocumentShapeError("\(place) needs 'src'") }
        return Block.Image(src: src, alt: try reader.string("alt"))
    }
}
