/// Token-level rules shared by the people, organization and place extractors.
///
/// Names are runs of capitalized words; a person's name is such a run of two to four words starting with a
/// family name (`VietLexicon.surnames`). Roles start with an office (`Phó Bí thư`, `Giám đốc`, `QUV`) and go
/// on over capitalized words, abbreviations, office words (`huyện`, `ủy`, `và`, `đào tạo` ...) and
/// comma-joined further roles; a place after a unit word belongs to the role (`huyện Thanh Trì`). The first
/// other word (a verb: `ghi nhận`, `trao tặng`) or mark (`;`, `.`, `–`) ends it.
struct EntityScanner {
    /// The text being read.
    let text: String
    /// Its tokens.
    let tokens: [Token]

    init(_ text: String) {
        self.text = text
        tokens = Tokenizer.tokens(text)
    }

    /// The text from token `start` to token `end` (exclusive), line breaks as spaces.
    func span(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        let raw = text[tokens[start].text.startIndex..<tokens[end - 1].text.endIndex]
        return raw.contains("\n") ? raw.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ") : String(raw)
    }

    // MARK: phrases

    /// Length in tokens of the longest of `phrases` starting at `index`.
    func phrase(_ phrases: PhraseSet, at index: Int) -> Int? {
        phrases.match(tokens, at: index)
    }

    /// The unit word at `index` (`huyện`, `thành phố` ...), as its length in tokens and canonical key.
    func unit(at index: Int) -> (length: Int, key: String)? {
        guard index < tokens.count, tokens[index].isWord else { return nil }
        if phrase(VietLexicon.committeeHeads, at: index) != nil { return nil }
        guard let length = phrase(VietLexicon.unitWords, at: index) else { return nil }
        let key = (index..<index + length).map { tokens[$0].key }.joined(separator: " ")
        return (length, VietLexicon.canonicalUnit(key))
    }

    // MARK: names

    /// Whether the token can be part of a proper name: a capitalized word of letters (or a number after a
    /// unit word), not an abbreviation, not an office or unit word.
    func isNameWord(_ index: Int, allowNumbers: Bool = false) -> Bool {
        guard index < tokens.count else { return false }
        let token = tokens[index]
        guard token.isWord else { return false }
        if allowNumbers, token.text.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) { return true }
        guard token.isCapitalized, token.isAlphabetic else { return false }
        if token.isAcronym && token.text.unicodeScalars.count > 1 { return false }
        return !VietLexicon.notNameWords.contains(token.key)
    }

    /// The end of the run of name words starting at `index`.
    func nameRunEnd(from index: Int, allowNumbers: Bool = false) -> Int {
        var end = index
        while end < tokens.count, isNameWord(end, allowNumbers: allowNumbers) { end += 1 }
        return end
    }

    /// Where a person's name starts inside the name run `start..<end`: the longest suffix of `minLength` to
    /// four words opening with a family name.
    func personStart(in start: Int, _ end: Int, minLength: Int) -> Int? {
        let first = max(start, end - 4)
        guard end - first >= minLength else { return nil }
        for candidate in first...(end - minLength) where VietLexicon.surnames.contains(tokens[candidate].key) {
            return candidate
        }
        return nil
    }

    /// Whether the token at `index` lets a name end before it (not another capitalized word).
    func endsName(at index: Int) -> Bool {
        index >= tokens.count || !tokens[index].isWord || !tokens[index].isCapitalized
    }

    /// Whether an honorific (`đồng chí`, `ông`, `PGS.TS` ...) ends right before `index`.
    func honorific(before index: Int) -> Bool {
        (1...2).contains { length in index >= length && phrase(VietLexicon.honorifics, at: index - length) == length }
    }

    // MARK: places

    /// The place name after a unit word at `index` (`Thanh Trì`, `1`), as its end; a trailing person's name
    /// followed by a verb is left out (`quận Lê Chân Nguyễn Văn An phát biểu`).
    func placeNameEnd(from index: Int) -> Int {
        var end = nameRunEnd(from: index, allowNumbers: true)
        if end - index > 4 { end = index + 4 }
        if end - index >= 4, let person = personStart(in: index + 1, end, minLength: 3), person > index,
           end < tokens.count, tokens[end].isWord, !tokens[end].isCapitalized {
            end = person
        }
        return end
    }

    // MARK: roles

    /// Whether a role starts at `index`; capitalized first letter required unless `anyCase`.
    func roleHead(at index: Int, anyCase: Bool) -> Int? {
        guard index < tokens.count, tokens[index].isWord else { return nil }
        if VietLexicon.roleAcronyms.contains(tokens[index].key), tokens[index].isAcronym { return 1 }
        guard anyCase || tokens[index].isCapitalized else { return nil }
        return phrase(VietLexicon.roleHeads, at: index)
    }

    /// The end of the role starting at `index`, or nil when no role starts there.
    func roleEnd(from index: Int, anyCase: Bool) -> Int? {
        guard let head = roleHead(at: index, anyCase: anyCase) else { return nil }
        var end = index + head
        var cursor = end
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.isPunct(","), let next = roleHead(at: cursor + 1, anyCase: false) {
                cursor += 1 + next
                end = cursor
                continue
            }
            guard token.isWord else { break }
            if let committee = phrase(VietLexicon.committeeHeads, at: cursor) {
                cursor += committee
                end = cursor
                continue
            }
            if let unit = unit(at: cursor) {
                cursor = placeNameEnd(from: cursor + unit.length)
                end = cursor
                continue
            }
            if isNameWord(cursor) {
                let runEnd = nameRunEnd(from: cursor)
                if endsName(at: runEnd), runEnd < tokens.count, tokens[runEnd].isWord,
                   let person = personStart(in: cursor, runEnd, minLength: 3) {
                    end = person
                    break
                }
                cursor = runEnd
                end = cursor
                continue
            }
            if token.isCapitalized || token.isAcronym || VietLexicon.officeWords.contains(token.key) {
                cursor += 1
                end = cursor
                continue
            }
            break
        }
        while end > index + head, ["và", "của", "tại", "cùng"].contains(tokens[end - 1].key) { end -= 1 }
        return end
    }
}
