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

    /// A scanner over tokens made earlier from the same text.
    init(_ text: String, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
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
        let key = (index..<index + length).map { tokens[$0].key.description }.joined(separator: " ")
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

    /// Whether a person's name (family name first, three or four words, a verb after it) starts at `index`;
    /// in a role, such a name after a unit word is the person, not the place (`Bí thư Đảng ủy xã Nguyễn Đức
    /// Toàn nhấn mạnh`). Place names that look like people (`Hồ Chí Minh`) are listed in `VietLexicon`.
    func personFollows(_ index: Int) -> Bool {
        let end = nameRunEnd(from: index)
        guard (3...4).contains(end - index), VietLexicon.surnames.contains(tokens[index].key), end < tokens.count,
              tokens[end].isWord, !tokens[end].isCapitalized else { return false }
        return !VietLexicon.personLikePlaces.matches(tokens, index, end)
    }

    // MARK: offices

    /// What the words at `cursor` do to a role or organization name that started at `start`.
    enum Step: Equatable {
        /// They belong to it; go on from the given token.
        case advance(Int)
        /// A person's name starts at the given token; the name ends there.
        case stop(at: Int)
        /// They do not belong to it.
        case none
    }

    /// One step of a role or organization name: a field or office phrase (`giáo dục và đào tạo`), a school
    /// (`Trường Đại học ...`), a run of capitalized words (cut before a person's name: a family name and two or
    /// three more words, `Bộ trưởng Bộ GD&ĐT Nguyễn Kim Sơn`; a
    /// single capitalized word may take one lower-case syllable that does not start a predicate: `Sư phạm`),
    /// an abbreviation, or an office syllable (`phòng`, `viên`, `và` before a capital).
    func officeStep(at cursor: Int, start: Int) -> Step {
        guard cursor < tokens.count, tokens[cursor].isWord else { return .none }
        let token = tokens[cursor]
        if token.isCapitalized || cursor == start, let length = phrase(VietLexicon.fields, at: cursor) {
            return .advance(cursor + length)
        }
        if token.key == "trường", let length = phrase(VietLexicon.schoolTypes, at: cursor + 1) {
            var next = cursor + 1 + length
            if next < tokens.count, tokens[next].key == "chuyên" { next += 1 }
            return .advance(next)
        }
        if isNameWord(cursor) {
            let runEnd = nameRunEnd(from: cursor)
            if endsName(at: runEnd), let person = personStart(in: cursor, runEnd, minLength: 3),
               !VietLexicon.personLikePlaces.matches(tokens, person, runEnd) {
                return person > cursor ? .advance(person) : .stop(at: cursor)
            }
            if runEnd == cursor + 1, runEnd < tokens.count, tokens[runEnd].isWord, !tokens[runEnd].isCapitalized,
               !VietLexicon.predicateStarts.contains(tokens[runEnd].key), unit(at: runEnd) == nil,
               phrase(VietLexicon.committeeHeads, at: runEnd) == nil {
                return .advance(runEnd + 1)
            }
            return .advance(runEnd)
        }
        if token.isCapitalized || token.isAcronym { return .advance(cursor + 1) }
        if VietLexicon.officeSyllables.contains(token.key), cursor > start || token.key != "và" {
            if token.key == "và" {
                guard cursor + 1 < tokens.count, tokens[cursor + 1].isCapitalized || phrase(VietLexicon.fields, at: cursor + 1) != nil
                else { return .none }
            }
            return .advance(cursor + 1)
        }
        return .none
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
                if personFollows(cursor + unit.length) {
                    end = cursor + unit.length
                    break
                }
                cursor = placeNameEnd(from: cursor + unit.length)
                end = cursor
                continue
            }
            switch officeStep(at: cursor, start: index + head) {
            case .advance(let next):
                cursor = next
                end = cursor
                continue
            case .stop(let at):
                end = at
            case .none:
                break
            }
            break
        }
        while end > index + head, ["và", "của", "tại", "cùng"].contains(tokens[end - 1].key) { end -= 1 }
        return end
    }
}
