/// Finds organization mentions in one text (see `OrganizationsExtractor` for the rules).
struct OrganizationScanner {
    /// One mention: the text as written and its expansion when it holds abbreviations.
    struct Mention: Equatable {
        var name: String
        var expanded: String?
        /// Comparison key of the expanded form.
        var key: String
    }

    let scanner: EntityScanner

    init(_ scanner: EntityScanner) {
        self.scanner = scanner
    }

    private var tokens: [Token] { scanner.tokens }

    /// Every mention, in order.
    func mentions() -> [Mention] {
        var found: [Mention] = []
        var index = 0
        while index < tokens.count {
            if let (mentions, end) = mention(at: index) {
                found.append(contentsOf: mentions)
                index = max(end, index + 1)
            } else {
                index += 1
            }
        }
        return found
    }

    private func mention(at index: Int) -> ([Mention], Int)? {
        let token = tokens[index]
        guard token.isWord else { return nil }
        if token.isAcronym, token.text.contains("-"), let compound = compound(at: index) { return compound }
        if VietLexicon.organizationAcronyms.contains(String(token.text)) {
            let end = placeTail(from: index + 1)
            return ([make(index, end)], end)
        }
        if let length = scanner.phrase(VietLexicon.committeeHeads, at: index) {
            var end = placeTail(from: index + length)
            if end == index + length { end = nameAfterCommittee(from: end) }
            return ([make(index, end)], end)
        }
        if token.key == "trường", let school = school(at: index) { return school }
        if token.key == "phòng", index > 0, tokens[index - 1].key == "các", let list = departmentList(at: index) { return list }
        if let length = scanner.phrase(VietLexicon.fieldHeads, at: index) { return fieldOrganization(at: index, headLength: length) }
        return nil
    }

    /// `Thành ủy Hà Nội`: a place name of up to three words, unless it is a person's name before a verb
    /// (`quận ủy Trần Thu Hương trao tặng`).
    private func nameAfterCommittee(from start: Int) -> Int {
        let end = scanner.nameRunEnd(from: start)
        guard end > start, end - start <= 3 else { return start }
        if end < tokens.count, tokens[end].isWord, scanner.personStart(in: start, end, minLength: 3) != nil { return start }
        return end
    }

    /// Whether an organization starts at `index` (used to end a field phrase before the next one).
    private func startsOrganization(at index: Int) -> Bool {
        guard index < tokens.count, tokens[index].isWord else { return false }
        return VietLexicon.organizationAcronyms.contains(String(tokens[index].text))
            || scanner.phrase(VietLexicon.committeeHeads, at: index) != nil
            || (tokens[index].isCapitalized && scanner.phrase(VietLexicon.fieldHeads, at: index) != nil)
            || (tokens[index].key == "trường" && scanner.phrase(VietLexicon.schoolTypes, at: index + 1) != nil)
    }

    /// `QU-HĐND-UBND quận`: one organization per part, the place shared.
    private func compound(at index: Int) -> ([Mention], Int)? {
        let parts = tokens[index].text.split(separator: "-").map(String.init)
        guard parts.count >= 2, parts.allSatisfy({ VietLexicon.expansions[$0] != nil || VietLexicon.organizationAcronyms.contains($0) }),
              parts.contains(where: { VietLexicon.organizationAcronyms.contains($0) }) else { return nil }
        let end = placeTail(from: index + 1)
        let place = scanner.span(index + 1, end)
        let mentions = parts.map { part -> Mention in
            let isCommittee = ["QU", "HU", "TU", "ĐU"].contains(part)
            let name = isCommittee || place.isEmpty ? part : part + " " + place
            return mention(name)
        }
        return (mentions, end)
    }

    /// `Trường Tiểu học Phạm Tu`, `trường THPT chuyên Trần Phú`, `Trường Đại học Sư phạm Hà Nội`: a school
    /// type and a name are required.
    private func school(at index: Int) -> ([Mention], Int)? {
        guard let typeLength = scanner.phrase(VietLexicon.schoolTypes, at: index + 1) else { return nil }
        var cursor = index + 1 + typeLength
        if cursor < tokens.count, tokens[cursor].key == "chuyên" { cursor += 1 }
        var end = scanner.nameRunEnd(from: cursor, allowNumbers: true)
        if end == cursor || end == cursor + 1 {
            end = cursor
            while end - cursor < 6, case .advance(let next) = scanner.officeStep(at: end, start: cursor), scanner.unit(at: end) == nil {
                end = next
            }
        }
        guard end > cursor, end - cursor <= 6 else { return nil }
        return ([make(index, end)], end)
    }

    /// `các phòng Nội vụ, Y tế, Văn hoá - Thông tin`: one department per listed field.
    private func departmentList(at index: Int) -> ([Mention], Int)? {
        var mentions: [Mention] = []
        var cursor = index + 1
        while cursor < tokens.count {
            let end = fieldEnd(from: cursor)
            guard end > cursor, tokens[cursor].isCapitalized else { break }
            mentions.append(mention(String(tokens[index].text) + " " + scanner.span(cursor, end)))
            cursor = end
            guard cursor + 1 < tokens.count, tokens[cursor].isPunct(","), tokens[cursor + 1].isCapitalized,
                  scanner.phrase(VietLexicon.fieldHeads, at: cursor + 1) == nil,
                  scanner.phrase(VietLexicon.committeeHeads, at: cursor + 1) == nil,
                  !VietLexicon.organizationAcronyms.contains(String(tokens[cursor + 1].text)) else { break }
            cursor += 1
        }
        return mentions.isEmpty ? nil : (mentions, cursor)
    }

    /// `Phòng GDĐT huyện Thanh Trì`, `Sở Giáo dục và Đào tạo Hà Nội`, `Liên đoàn lao động huyện`,
    /// `Công đoàn ngành Giáo dục Hà Nội`, `Ban quản lí dự án`.
    private func fieldOrganization(at index: Int, headLength: Int) -> ([Mention], Int)? {
        let standalone = Self.namesOnTheirOwn.matches(tokens, index, index + headLength)
        if !tokens[index].isCapitalized {
            let next = index + headLength
            guard next < tokens.count, tokens[next].isWord,
                  tokens[next].isAcronym || tokens[next].isCapitalized || (standalone && scanner.unit(at: next) != nil)
            else { return nil }
        }
        let fieldStart = index + headLength
        let fieldEnd = fieldEnd(from: fieldStart)
        if !standalone && fieldEnd == fieldStart { return nil }
        let end = placeTail(from: fieldEnd)
        if end < tokens.count, tokens[end].key == "các" { return nil }
        if tokens[index].key == "ban", Self.boards.contains(scanner.span(fieldStart, fieldEnd).lowercased()),
           end == fieldEnd, let (owner, ownerEnd) = mention(at: end), owner.count == 1 {
            return ([make(index, ownerEnd)] + owner, ownerEnd)
        }
        return ([make(index, end)], end)
    }

    /// Boards that belong to the organization named after them (`Ban Giám đốc Sở ...`).
    private static let boards: Set<String> = ["giám đốc", "thường vụ", "chấp hành", "giám hiệu", "chỉ đạo", "tuyên giáo",
                                              "dân vận", "tổ chức", "kiểm tra", "thường trực"]

    /// Heads that name a body without a field after them (the place may follow or be understood).
    private static let namesOnTheirOwn = PhraseSet(
        ["ủy ban nhân dân", "hội đồng nhân dân", "liên đoàn lao động", "mặt trận tổ quốc", "hội liên hiệp phụ nữ",
         "hội phụ nữ", "hội cựu chiến binh", "hội nông dân", "hội khuyến học", "hội chữ thập đỏ", "đoàn thanh niên"]
            .map { MatchKey.of($0) })

    /// The end of a field phrase: abbreviations, capitalized words, office words, `và`, and a dash between
    /// capitalized words (`Văn hoá - Thông tin`). A unit word ends it (the place follows), and so does a
    /// person's name followed by a verb.
    private func fieldEnd(from start: Int) -> Int {
        var cursor = start
        while cursor < tokens.count {
            let token = tokens[cursor]
            if token.isDash, cursor > start, cursor + 1 < tokens.count, tokens[cursor + 1].isCapitalized,
               tokens[cursor - 1].isWord {
                cursor += 1
                continue
            }
            guard token.isWord, scanner.unit(at: cursor) == nil, cursor == start || !startsOrganization(at: cursor) else { break }
            if token.key == "và", startsOrganization(at: cursor + 1) { break }
            switch scanner.officeStep(at: cursor, start: start) {
            case .advance(let next):
                cursor = next
                continue
            case .stop(let at):
                cursor = at
            case .none:
                break
            }
            break
        }
        while cursor > start, ["và", "của", "tại", "cùng", "cấp"].contains(tokens[cursor - 1].key) { cursor -= 1 }
        return cursor
    }

    /// After an organization: a unit word with or without a name (`huyện Thanh Trì`, `quận`, `Thành phố`).
    private func placeTail(from index: Int) -> Int {
        guard let unit = scanner.unit(at: index) else { return index }
        return scanner.placeNameEnd(from: index + unit.length)
    }

    private func make(_ start: Int, _ end: Int) -> Mention {
        Self.mention(scanner.span(start, end))
    }

    private func mention(_ name: String) -> Mention {
        Self.mention(name)
    }

    /// A mention with its expansion and key.
    static func mention(_ name: String) -> Mention {
        var expandedWords: [String] = []
        var changed = false
        for word in name.split(separator: " ") {
            if let expansion = VietLexicon.expansions[String(word)] {
                expandedWords.append(expansion)
                changed = true
            } else {
                expandedWords.append(String(word))
            }
        }
        let expanded = changed ? expandedWords.joined(separator: " ") : nil
        return Mention(name: name, expanded: expanded, key: MatchKey.of(expanded ?? name))
    }
}
