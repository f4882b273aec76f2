import SieveCore
import Testing
@testable import SieveText

@Suite struct ExtractorTests {
    private func document(_ texts: [String], heading: String? = nil, published: String? = nil) -> Document {
        var blocks = texts.map { Block(.paragraph, $0) }
        if let heading { blocks.insert(Block(.heading, heading, level: 1), at: 0) }
        var document = Document(id: "t", source: Source(path: "t", format: "text"), blocks: blocks)
        document.published = published
        return document
    }

    private func strings(_ value: FieldValue?) -> [String] {
        value?.listValue?.compactMap(\.stringValue) ?? []
    }

    // MARK: published

    @Test func aTimestampLineBecomesPublishedAndLeavesTheBody() throws {
        let stage = try PublishedExtractor(options: .init())
        let result = try TestSupport.run(document(["21:22 23/08/2023", "Ngày 23-8, quận Lê Chân tổ chức hội nghị."], heading: "Quận Lê Chân"), [stage])
        #expect(result.published == "2023-08-23T21:22:00+07:00")
        #expect(result.blocks.map(\.text) == ["Quận Lê Chân", "Ngày 23-8, quận Lê Chân tổ chức hội nghị."])
    }

    @Test(arguments: [
        ("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "2026-03-07T00:05:00+07:00"),
        ("07/03/2026 08:01 GMT+7", "2026-03-07T08:01:00+07:00"),
        ("Thứ Bảy, 07/03/2026 - 08:52", "2026-03-07T08:52:00+07:00"),
        ("01/03/2026", "2026-03-01"),
        ("07-03-2026 - 08:30 PM", "2026-03-07T20:30:00+07:00"),
        ("Cập nhật: 07/03/2026 12:05 AM", "2026-03-07T00:05:00+07:00"),
        ("Thứ năm, 07/03/2026 04:00 chiều", "2026-03-07T16:00:00+07:00"),
        ("07/03/2026, 8:15 tối", "2026-03-07T20:15:00+07:00"),
        ("07/03/2026 12:30 sáng", "2026-03-07T00:30:00+07:00"),
    ])
    func dateLineFormats(_ line: String, _ iso: String) throws {
        let result = try TestSupport.run(document([line, "Nội dung bài."]), [try PublishedExtractor(options: .init())])
        #expect(result.published == iso)
    }

    @Test func aDatelineInsideASentenceIsNotThePublicationDate() throws {
        let result = try TestSupport.run(document(["Sáng ngày 23/8/2024, Phòng GDĐT quận Long Biên tổ chức Hội nghị."]),
                                         [try PublishedExtractor(options: .init())])
        #expect(result.published == nil)
        #expect(result.blocks.count == 1)
    }

    @Test func anExistingDateIsOnlyReplacedByTheSameDateWithATime() throws {
        let stage = try PublishedExtractor(options: .init())
        let sameDay = try TestSupport.run(document(["21:22 23/08/2023", "Bài."], published: "2023-08-23"), [stage])
        #expect(sameDay.published == "2023-08-23T21:22:00+07:00")
        let otherDay = try TestSupport.run(document(["21:22 23/08/2023", "Bài."], published: "2023-08-24T08:00:00+07:00"), [stage])
        #expect(otherDay.published == "2023-08-24T08:00:00+07:00")
        #expect(otherDay.blocks.map(\.text) == ["Bài."])
    }

    // MARK: dates

    @Test func datesTakeTheirYearFromPublicationOrContext() throws {
        let stage = try DatesExtractor(options: .init())
        let fromPublished = try TestSupport.run(document(["Ngày 23-8, quận Lê Chân tổ chức hội nghị."], published: "2023-08-23T21:22:00+07:00"), [stage])
        #expect(strings(fromPublished.fields["dates"]) == ["2023-08-23"])
        let fromContext = try TestSupport.run(document([
            "Ngày 23/8, UBND huyện tổng kết năm học 2023-2024.",
            "Phấn đấu hoàn thành trong tháng 8/2024; cài đặt xong trước ngày 15/9/2024.",
        ]), [stage])
        #expect(strings(fromContext.fields["dates"]) == ["2024-08-23", "2024-08", "2024-09-15"])
    }

    @Test func documentNumbersRatiosAndRangesAreNotDates() throws {
        let result = try TestSupport.run(document([
            "Thực hiện Kế hoạch số 2731/KHLT-SGDĐT-CĐN và Nghị định 68/2026/NĐ-CP, đạt 13/13 chỉ tiêu giai đoạn 2020-2025, năm học 2023-2024, dịp 8-3.",
        ]), [try DatesExtractor(options: .init())])
        #expect(result.fields["dates"] == nil)
    }

    @Test func theIssueDateOfACitedDocumentIsNotAnEventDate() throws {
        let result = try TestSupport.run(document([
            "Thực hiện Kế hoạch số 2731/KHLT-SGDĐT-CĐN ngày 27/8/2020 và Quyết định số 12/QĐ-UBND ngày 3/1/2024, sáng ngày 4/9, các trường tổ chức tập huấn.",
        ]), [try DatesExtractor(options: .init())])
        #expect(strings(result.fields["dates"]) == ["2024-09-04"])
        #expect(strings(result.fields["document_dates"]) == ["2020-08-27", "2024-01-03"])
    }

    @Test func aDateAfterPublicationMovesBackAYear() throws {
        let result = try TestSupport.run(document(["Ngày 28/12, trường tổ chức hội khỏe."], published: "2024-01-03"),
                                         [try DatesExtractor(options: .init())])
        #expect(strings(result.fields["dates"]) == ["2023-12-28"])
    }

    // MARK: school years

    @Test func schoolYearsAreNormalizedAndTyposFlagged() throws {
        let result = try TestSupport.run(document([
            "Tổng kết năm học 2022-2023 và triển khai nhiệm vụ năm học 20223-2024; năm học 2024 – 2025, năm học 2024- 2025.",
            "Rà soát kết quả giai đoạn 2020-2025 và từ năm học 2021 - 2022 đến năm học 2022 - 2023.",
        ]), [try SchoolYearsExtractor(options: .init())])
        #expect(strings(result.fields["school_years"]) == ["2021-2022", "2022-2023", "2023-2024", "2024-2025"])
        #expect(result.diagnostics.contains { $0.message.contains("20223-2024") })
    }

    @Test func aRangeThatIsNotOneYearIsLeftOut() throws {
        let result = try TestSupport.run(document(["Kế hoạch năm học 2023-2025."]), [try SchoolYearsExtractor(options: .init())])
        #expect(result.fields["school_years"] == nil)
        #expect(result.diagnostics.count == 1)
    }

    // MARK: people

    @Test func nameThenRoleAndRoleThenName() {
        let people = PeopleExtractor.people(in: "Dự chương trình có đồng chí Nguyễn Xuân Phong – Phó Bí thư Huyện uỷ, Chủ tịch UBND huyện; đồng chí Đặng Đức Quỳnh – UVBTV, Chủ tịch HĐND huyện; các đồng chí trong BTV Huyện uỷ.")
        #expect(people.map(\.name) == ["Nguyễn Xuân Phong", "Đặng Đức Quỳnh"])
        #expect(people.map(\.role) == ["Phó Bí thư Huyện uỷ, Chủ tịch UBND huyện", "UVBTV, Chủ tịch HĐND huyện"])
        let caption = PeopleExtractor.people(in: "Bí thư quận ủy Trần Thu Hương trao tặng Cờ thi đua xuất sắc cho 2 tập thể")
        #expect(caption.map(\.name) == ["Trần Thu Hương"])
        #expect(caption.map(\.role) == ["Bí thư quận ủy"])
        let long = PeopleExtractor.people(in: "Phó Chủ tịch Công đoàn ngành Giáo dục Hà Nội Đỗ Văn Nam trao đổi tại buổi tập huấn.")
        #expect(long.map(\.name) == ["Đỗ Văn Nam"])
        #expect(long.map(\.role) == ["Phó Chủ tịch Công đoàn ngành Giáo dục Hà Nội"])
    }

    @Test func rolesEndAtTheVerbAndPlacesAreNotPeople() {
        let people = PeopleExtractor.people(in: "Phát biểu, đồng chí Nguyễn Xuân Phong – Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Thanh Trì ghi nhận kết quả. Chủ tịch UBND quận Lê Chân tặng Giấy khen cho Trường THPT chuyên Trần Phú.")
        #expect(people.map(\.name) == ["Nguyễn Xuân Phong"])
        #expect(people.map(\.role) == ["Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Thanh Trì"])
    }

    @Test func onePersonPerNameWithTheFirstRole() throws {
        let result = try TestSupport.run(document([
            "Chỉ đạo Hội nghị là đồng chí Nguyễn Thị Thanh Hằng - QUV, Phó Chủ tịch UBND quận.",
            "Phát biểu chỉ đạo, đồng chí Nguyễn Thị Thanh Hằng - QUV, Phó Chủ tịch UBND quận đã động viên các trường.",
            "Cùng dự có ông Lê Văn Tám.",
        ]), [try PeopleExtractor(options: .init())])
        #expect(result.fields["people"] == .list([
            .object(["name": "Nguyễn Thị Thanh Hằng", "role": "QUV, Phó Chủ tịch UBND quận"]),
            .object(["name": "Lê Văn Tám"]),
        ]))
    }

    // MARK: organizations

    private func organizationNames(_ texts: [String]) throws -> [String] {
        let result = try TestSupport.run(document(texts), [try OrganizationsExtractor(options: .init())])
        return result.fields["organizations"]?.listValue?.compactMap { $0.objectValue?["name"]?.stringValue } ?? []
    }

    @Test func mentionsMergeIntoTheMostSpecificOne() throws {
        #expect(try organizationNames([
            "LĐLĐ và Phòng GDĐT huyện Thanh Trì phối hợp tổ chức.",
            "Dự có Phó Bí thư Huyện uỷ, Chủ tịch UBND huyện; lãnh đạo Phòng GD&ĐT, Liên đoàn lao động huyện.",
            "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Thanh Trì ghi nhận; Liên đoàn lao động huyện Thanh Trì.",
        ]) == ["Liên đoàn lao động huyện Thanh Trì", "Phòng GDĐT huyện Thanh Trì", "Huyện uỷ", "UBND huyện Thanh Trì"])
    }

    @Test func joinedFormsListsAndSchoolsAreSplitOut() throws {
        #expect(try organizationNames([
            "Đến dự có lãnh đạo các phòng Nội vụ, Y tế, Văn hoá - Thông tin, Ban quản lí dự án và Liên đoàn Lao động quận Long Biên.",
            "Sự quan tâm của QU-HĐND-UBND quận và Trường Tiểu học Phạm Tu; các trường THCS; Ban giám hiệu các nhà trường.",
        ]) == ["phòng Nội vụ", "phòng Y tế", "phòng Văn hoá - Thông tin", "Ban quản lí dự án", "Liên đoàn Lao động quận Long Biên",
               "QU", "HĐND quận", "UBND quận", "Trường Tiểu học Phạm Tu"])
    }

    @Test func abbreviationsAreExpanded() throws {
        let result = try TestSupport.run(document(["Chủ tịch UBND huyện Thanh Trì và Trường THCS Thanh Xuân."]),
                                         [try OrganizationsExtractor(options: .init())])
        #expect(result.fields["organizations"] == .list([
            .object(["name": "UBND huyện Thanh Trì", "expanded": "Ủy ban nhân dân huyện Thanh Trì"]),
            .object(["name": "Trường THCS Thanh Xuân", "expanded": "Trường Trung học cơ sở Thanh Xuân"]),
        ]))
    }

    // MARK: places

    @Test func placesNeedTheirUnitWord() {
        #expect(PlacesExtractor.places(in: "Quận Lê Chân: tổng kết; quận Lê Chân và huyện Thanh Trì, thành phố Hà Nội; Quận 1, TP Hồ Chí Minh.")
            == ["quận Lê Chân", "quận Lê Chân", "huyện Thanh Trì", "thành phố Hà Nội", "quận 1", "thành phố Hồ Chí Minh"])
        #expect(PlacesExtractor.places(in: "Bí thư quận ủy Trần Thu Hương; các quận nội thành; Thái Bình; UBND Thành phố.").isEmpty)
    }

    @Test func placesAreMergedAcrossTitleAndBody() throws {
        let result = try TestSupport.run(document(["Ngày 23-8, quận Lê Chân tổ chức hội nghị."], heading: "Quận Lê Chân: Tổng kết"),
                                         [try PlacesExtractor(options: .init())])
        #expect(strings(result.fields["places"]) == ["quận Lê Chân"])
    }
}

/// Cases written for these tests in the style of other sites (not from the seeds).
@Suite struct OtherSiteExtractorTests {
    @Test func aCommaRoleAfterAnHonorificAndASchoolWithALowerCaseSyllable() {
        let people = PeopleExtractor.people(in: "Ông Trần Thế Cương, Giám đốc Sở GD&ĐT Hà Nội, cho biết. Theo PGS.TS Nguyễn Văn Minh, Hiệu trưởng Trường Đại học Sư phạm Hà Nội, việc đổi mới cần lộ trình.")
        #expect(people.map(\.name) == ["Trần Thế Cương", "Nguyễn Văn Minh"])
        #expect(people.map(\.role) == ["Giám đốc Sở GD&ĐT Hà Nội", "Hiệu trưởng Trường Đại học Sư phạm Hà Nội"])
    }

    @Test func aPersonAfterAUnitWordInARoleIsNotAPlace() throws {
        var document = Document(id: "t", source: Source(path: "t", format: "text"), blocks: [
            Block(.paragraph, "Phát biểu khai mạc, Bí thư Đảng ủy xã Nguyễn Đức Toàn nhấn mạnh vai trò của công tác tại xã Tân Lập."),
        ])
        document = try TestSupport.run(document, [try PeopleExtractor(options: .init()), try OrganizationsExtractor(options: .init()),
                                                  try PlacesExtractor(options: .init())])
        #expect(document.fields["people"] == .list([.object(["name": "Nguyễn Đức Toàn", "role": "Bí thư Đảng ủy xã"])]))
        #expect(document.fields["places"] == .list(["xã Tân Lập"]))
        #expect(document.fields["organizations"] == .list([.object(["name": "Đảng ủy xã"])]))
    }

    @Test func anOrganizationStopsBeforeItsVerb() throws {
        let document = try TestSupport.run(Document(id: "t", source: Source(path: "t", format: "text"), blocks: [
            Block(.paragraph, "Sáng 7/3, Sở Giáo dục và Đào tạo Hà Nội tổ chức hội nghị; UBND quận xây dựng kế hoạch."),
        ]), [try OrganizationsExtractor(options: .init())])
        let names = document.fields["organizations"]?.listValue?.compactMap { $0.objectValue?["name"]?.stringValue }
        #expect(names == ["Sở Giáo dục và Đào tạo Hà Nội", "UBND quận"])
    }

    @Test func aNameAtTheEndOfASentenceAfterItsRole() {
        let people = PeopleExtractor.people(in: "Tham dự có Bộ trưởng Bộ GD&ĐT Nguyễn Kim Sơn. Giáo viên Lê Thị Hoa chia sẻ kinh nghiệm tại Sở Giáo dục và Đào tạo Hà Nội.")
        #expect(people.map(\.name) == ["Nguyễn Kim Sơn", "Lê Thị Hoa"])
        #expect(people.map(\.role) == ["Bộ trưởng Bộ GD&ĐT", "Giáo viên"])
        #expect(PeopleExtractor.people(in: "Chủ tịch UBND thành phố Hồ Chí Minh phát biểu.").isEmpty)
    }

    @Test func upperCaseSchoolYears() {
        #expect(SchoolYearsExtractor.scan("TỔNG KẾT NĂM HỌC 2023-2024") == [.year("2023-2024")])
    }

    @Test func aPlannedDateKeepsThePublicationYear() throws {
        var document = Document(id: "t", source: Source(path: "t", format: "text"),
                                blocks: [Block(.paragraph, "Theo kế hoạch, ngày 15/6, học sinh sẽ làm thủ tục dự thi.")])
        document.published = "2026-03-07T00:05:00+07:00"
        document = try TestSupport.run(document, [try DatesExtractor(options: .init())])
        #expect(document.fields["dates"] == .list(["2026-06-15"]))
    }

    @Test func aWholeArticleFromAnotherSite() throws {
        let text = """
            Hà Nội: Hơn 100.000 học sinh bước vào kỳ thi tuyển sinh lớp 10

            Thứ bảy, 7/3/2026, 00:05 (GMT+7)

            Sáng 7/3, Sở Giáo dục và Đào tạo Hà Nội tổ chức hội nghị triển khai công tác tuyển sinh năm học 2026-2027. Ông Trần Thế Cương, Giám đốc Sở GD&ĐT Hà Nội, cho biết năm nay thành phố có hơn 100.000 học sinh dự thi.

            Học sinh Trường THCS Cầu Giấy trong giờ ôn tập. Ảnh: Thanh Hằng

            Bà Lê Thị Mai - Phó Chủ tịch UBND quận Cầu Giấy - đề nghị các trường rà soát cơ sở vật chất. Theo kế hoạch, ngày 15/6, học sinh sẽ làm thủ tục dự thi.

            Minh Anh

            Chia sẻ
            Tin liên quan
            Hà Nội công bố chỉ tiêu tuyển sinh lớp 10 năm học 2026-2027
            Bình luận (12)
            """
        let document = try TestSupport.run(try TestSupport.read(text), GoldenTests.pipeline())
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .caption, .paragraph])
        #expect(document.published == "2026-03-07T00:05:00+07:00")
        #expect(document.authors == ["Minh Anh"])
        #expect(document.fields["school_years"] == .list(["2026-2027"]))
        #expect(document.fields["dates"] == .list(["2026-03-07", "2026-06-15"]))
        #expect(document.fields["places"] == .list(["quận Cầu Giấy"]))
        #expect(document.fields["people"]?.listValue?.count == 2)
    }
}
