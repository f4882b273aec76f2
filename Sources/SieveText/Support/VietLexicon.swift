/// Word lists for Vietnamese government and education news, as `MatchKey` forms (old-style tones, lower
/// case). Sources: the abbreviation and role tables of the project's Vietnamese research notes.
enum VietLexicon {
    /// Common family names; a person's name starts with one of them (Nguyễn, Trần, Lê ...).
    static let surnames: Set<WordKey> = keys("""
        nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lí đào đoàn vương trịnh đinh lâm
        phùng mai tô trương hà lưu cao tạ quách lương chu kiều thái đàm tăng triệu nghiêm khúc lại đồng tống
        mạc thân kim âu doãn lục hứa giang châu khổng tôn nông lò bạch bế hầu ninh lã thạch phương diệp mẫn
        chế lăng khương ân sầm biện cấn nhữ
        """)

    /// Places named after people, which the person rules must not take for a person.
    static let personLikePlaces = PhraseSet(["hồ chí minh"])

    /// Administrative unit words written before a place name, longest first.
    static let unitWords = PhraseSet(["thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "phường", "xã", "tp"])

    /// The canonical spelling of a unit word key (`tp` → `thành phố`).
    static func canonicalUnit(_ key: String) -> String { key == "tp" ? "thành phố" : key }

    /// First words of a role (title or office) that precedes or follows a person's name.
    static let roleHeads = PhraseSet(keys(lines: """
        phó bí thư|bí thư|phó chủ tịch|chủ tịch|phó giám đốc|giám đốc|phó tổng giám đốc|tổng giám đốc
        phó trưởng phòng|trưởng phòng|phó trưởng ban|trưởng ban|phó hiệu trưởng|hiệu trưởng|hiệu phó
        bộ trưởng|thứ trưởng|thủ tướng|phó thủ tướng|tổng bí thư|chủ nhiệm|phó chủ nhiệm|chánh văn phòng
        chánh án|viện trưởng|cục trưởng|vụ trưởng|chi cục trưởng|tổ trưởng|tổ phó|ủy viên|đại biểu quốc hội
        trưởng công an|trưởng|phó trưởng|chủ tọa|thư ký|tổng thư ký|giáo viên|chuyên viên|quyền|nguyên
        đại tá|thượng tá|trung tá|thiếu tá|thiếu tướng|trung tướng|thượng tướng|đại tướng|phó chánh
        """))

    /// Abbreviated roles (`QUV` = Quận ủy viên) that can open a role.
    static let roleAcronyms: Set<WordKey> = keys("quv huv tuv uvbtv uvtv uvtw đbqh uvbch btv")

    /// Fields and offices written partly in lower case, matched whole (`giáo dục và đào tạo`, `y tế`,
    /// `quản lí dự án`, `thường vụ`): the lower-case words of a role or organization name come from here.
    static let fields = PhraseSet(keys(lines: """
        giáo dục và đào tạo|giáo dục - đào tạo|giáo dục|đào tạo|nội vụ|y tế|văn hóa - thông tin|văn hóa - xã hội
        văn hóa, thể thao và du lịch|văn hóa và thông tin|văn hóa|thông tin và truyền thông|thông tin|xã hội
        tài chính - kế hoạch|tài chính|kế hoạch và đầu tư|kế hoạch|tư pháp|tài nguyên và môi trường|tài nguyên
        môi trường|lao động - thương binh và xã hội|lao động|thương binh và xã hội|nông nghiệp và phát triển nông thôn
        nông nghiệp|kinh tế - hạ tầng|kinh tế|hạ tầng|quản lí dự án|quản lý dự án|quản lí đô thị|quản lý đô thị
        giám hiệu|giám đốc|thường vụ|thường trực|chấp hành|tuyên giáo|dân vận|tổ chức|kiểm tra|khoa học và công nghệ
        khoa học|công nghệ|giao thông vận tải|giao thông|xây dựng|công thương|công an|quân sự|chỉ huy quân sự
        thể dục thể thao|thể thao|du lịch|mầm non|tiểu học|trung học cơ sở|trung học phổ thông|nhân dân|thanh niên
        phụ nữ|cựu chiến binh|nông dân|mặt trận tổ quốc|dân tộc|tôn giáo|thanh tra|an ninh|sư phạm|bí thư|chủ tịch
        trưởng phòng|trưởng ban|phó trưởng phòng|hiệu trưởng|ủy viên|chuyên môn|cơ sở|giáo dục đào tạo
        """))

    /// Lower-case syllables that continue a role or an office after its first word (`Trưởng phòng`, `Ủy viên`).
    static let officeSyllables: Set<WordKey> = keys("thư tịch đốc phòng ban viên ủy trưởng phó vụ trực ngành và")

    /// Lower-case words that start a predicate; they never continue a name (`Hà Nội tổ chức`).
    static let predicateStarts: Set<WordKey> = keys("""
        tổ tổng xây phát chỉ thông kiểm quản giao vận tuyên dự học trao tặng ghi nhận đề cho có là được đã sẽ đang và
        của tại với cùng triển công tham làm đạt nêu báo tiếp tập đánh thực trình khẳng nhấn chúc động hướng yêu đón mở
        trong ngoài về đến từ theo khi nhằm để rà biểu kêu mong hoàn cũng vừa luôn vẫn này đó nhiều các những
        """)

    /// Words that never belong to a name even when capitalized (unit words, office words, honorifics).
    static let notNameWords: Set<WordKey> = keys("""
        quận huyện phường xã tỉnh tp các sở phòng ban bộ ủy đảng chủ phó bí giám ngày tháng năm thứ
        """)

    /// Honorifics written before a name; they are not part of it.
    static let honorifics = PhraseSet(keys(lines: "đồng chí|ông|bà|anh|chị|thầy|cô|em|pgs.ts|gs.ts|ts|ths|gs|pgs|bs|ngưt|ngnd"))

    /// Abbreviations of organizations and their expansions.
    static let expansions: [String: String] = [
        "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "LĐLĐ": "Liên đoàn Lao động",
        "GD&ĐT": "Giáo dục và Đào tạo", "GDĐT": "Giáo dục và Đào tạo", "GD-ĐT": "Giáo dục và Đào tạo",
        "SGDĐT": "Sở Giáo dục và Đào tạo", "BGDĐT": "Bộ Giáo dục và Đào tạo", "THCS": "Trung học cơ sở",
        "THPT": "Trung học phổ thông", "TH": "Tiểu học", "MN": "Mầm non", "MTTQ": "Mặt trận Tổ quốc",
        "QU": "Quận ủy", "HU": "Huyện ủy", "TU": "Thành ủy", "ĐU": "Đảng ủy", "BTV": "Ban Thường vụ",
        "BCH": "Ban Chấp hành", "CĐN": "Công đoàn ngành", "CĐCS": "Công đoàn cơ sở", "TAND": "Tòa án nhân dân",
        "VKSND": "Viện kiểm sát nhân dân", "CTCP": "Công ty cổ phần", "CNTT": "Công nghệ thông tin",
        "VH-TT": "Văn hóa - Thông tin", "VH&TT": "Văn hóa và Thông tin", "TN&MT": "Tài nguyên và Môi trường",
        "LĐ-TB&XH": "Lao động - Thương binh và Xã hội", "TP": "thành phố",
    ]

    /// Organization abbreviations that name an organization on their own.
    static let organizationAcronyms: Set<String> = ["UBND", "HĐND", "LĐLĐ", "MTTQ", "TAND", "VKSND", "SGDĐT", "BGDĐT"]

    /// Party committees written as one word: `Huyện ủy`, `Quận ủy`, `Thành ủy`, `Tỉnh ủy`, `Đảng ủy` (any tone style).
    static let committeeHeads = PhraseSet(keys(lines: "huyện ủy|quận ủy|thành ủy|tỉnh ủy|đảng ủy|đảng bộ|xã ủy|phường ủy"))

    /// Heads of organizations followed by a field or a name.
    static let fieldHeads = PhraseSet(keys(lines: """
        ủy ban nhân dân|hội đồng nhân dân|liên đoàn lao động|công đoàn|mặt trận tổ quốc|đoàn thanh niên
        hội liên hiệp phụ nữ|hội phụ nữ|hội cựu chiến binh|hội nông dân|hội khuyến học|hội chữ thập đỏ
        phòng|sở|bộ|ban|trung tâm|viện|cục|tổng cục|chi cục|văn phòng|công an|tòa án|bệnh viện
        """))

    /// School types written after `Trường`.
    static let schoolTypes = PhraseSet(keys(lines: """
        mầm non|tiểu học|trung học cơ sở|trung học phổ thông|thcs|thpt|th|mn|đại học|cao đẳng|trung cấp
        tiểu học và thcs|thcs và thpt|phổ thông|liên cấp|ptdtbt|ptdtnt|tih&thcs|th&thcs
        """))

    private static func keys(_ words: String) -> Set<WordKey> {
        Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { WordKey(MatchKey.of($0)) })
    }

    private static func keys(lines: String) -> [String] {
        lines.split(whereSeparator: { $0 == "|" || $0 == "\n" }).map { MatchKey.of($0.trimmingSpaces()) }
            .filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }
}
