import SieveCore
import Testing
@testable import SieveText

@Suite struct BoilerplateLinesTests {
    private let body1 = "Ngày 23-8, quận Lê Chân tổ chức Hội nghị Tổng kết năm học 2022-2023. Dự hội nghị có các đồng chí lãnh đạo thành phố và đại diện các trường học trên địa bàn quận cùng nhiều đại biểu khác."
    private let body2 = "Năm học vừa qua, ngành giáo dục quận đã hoàn thành xuất sắc nhiệm vụ đề ra. Quy mô giáo dục của quận tiếp tục ổn định, phát triển; công tác quản lý giáo dục ngày càng chặt chẽ và hiệu quả."

    private func run(_ lines: [String], options: BoilerplateLinesNormalizer.Options = .init()) throws -> Document {
        let document = Document(id: "t", source: Source(path: "t", format: "text"), blocks: lines.map { Block(.paragraph, $0) })
        return try TestSupport.run(document, [try BoilerplateLinesNormalizer(options: options)])
    }

    @Test func theTailAfterTagsAndCommentsIsDroppedAndTheBylineBecomesTheAuthor() throws {
        let document = try run([body1, body2, "Minh Anh", "Từ khoá: giáo dục, Lê Chân", "Bình luận của bạn về bài viết...",
                                "captcha", "Video clip", "Phóng sự ảnh"])
        #expect(document.blocks.map(\.text) == [body1, body2])
        #expect(document.authors == ["Minh Anh"])
        #expect(document.tags == ["giáo dục", "Lê Chân"])
    }

    @Test func relatedListsWithTimestampsAreDroppedEvenWithoutAHeading() throws {
        let document = try run([body1, "Trường THCS Lạc Viên: Hành trình rực rỡ trong năm học 2023 -2024", "Giáo dục 18/12/2024 15:31",
                                "Thấp thỏm chờ phương án tuyển sinh vào lớp 10", "Giáo dục 19/12/2024 17:41", body2])
        #expect(document.blocks.map(\.text) == [body1, body2])
    }

    @Test func aRelatedHeadingStopsWhereTheArticleResumes() throws {
        let document = try run([body1, "TIN LIÊN QUAN", "Hà Nội thí điểm mô hình thu gom rác", "Hà Nội ghi nhận thêm 258 ca", body2])
        #expect(document.blocks.map(\.text) == [body1, body2])
    }

    @Test func captionsAreKeptApartAndInlineRelatedBoxesDropped() throws {
        let document = try run([
            "Chú trọng xây dựng trường học hạnh phúc Tăng cường phối hợp các phong trào thi đua |", body1,
            "Phó Chủ tịch Công đoàn ngành Giáo dục Hà Nội Đỗ Văn Nam trao đổi tại buổi tập huấn. |",
            "Bí thư quận ủy Trần Thu Hương trao tặng Cờ thi đua xuất sắc cho 2 tập thể",
            "Lãnh đạo Sở; lãnh đạo quận Lê Chân tặng bằng khen cho các tập thể, cá nhân.", body2,
        ])
        #expect(document.blocks.map(\.kind) == [.paragraph, .caption, .caption, .caption, .paragraph])
        #expect(document.blocks[1].text == "Phó Chủ tịch Công đoàn ngành Giáo dục Hà Nội Đỗ Văn Nam trao đổi tại buổi tập huấn.")
        var options = BoilerplateLinesNormalizer.Options()
        options.captions = false
        #expect(try run([body1, "Toàn cảnh hội nghị tổng kết năm học", body2], options: options).blocks.map(\.text) == [body1, body2])
    }

    @Test func shortSentencesThatNarrateStayInTheBody() throws {
        let short = "Chỉ đạo Hội nghị là đồng chí Nguyễn Thị Thanh Hằng - QUV, Phó Chủ tịch UBND quận."
        let dateline = "Sáng ngày 23/8/2024, Phòng GDĐT quận Long Biên tổ chức Hội nghị tổng kết năm học cấp THCS"
        let document = try run([dateline, short, body1, body2])
        #expect(document.blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph, .paragraph])
    }

    @Test func aGalleryLeadInAtTheEndIsDropped() throws {
        let document = try run([body1, body2, "Sau đây là một số hình ảnh Hội nghị:"])
        #expect(document.blocks.map(\.text) == [body1, body2])
        #expect(document.authors.isEmpty)
    }

    @Test func aUnitBylineIsTakenAndAProvinceNameIsNotAPlace() throws {
        let document = try run([body1, "Các đồng chí Lãnh đạo phường tặng hoa chúc mừng ngành Giáo dục phường", body2,
                                "Phòng Văn hóa - Xã hội phường"])
        #expect(document.authors == ["Phòng Văn hóa - Xã hội phường"])
        #expect(document.blocks.map(\.kind) == [.paragraph, .caption, .paragraph])
    }

    @Test func inlineLinksAndShareWidgetsGoWithoutEndingTheArticle() throws {
        let document = try run(["Chia sẻ", body1, "Xem thêm: Hà Nội công bố chỉ tiêu tuyển sinh lớp 10", body2, "Zalo"])
        #expect(document.blocks.map(\.text) == [body1, body2])
    }

    @Test func tagsOnTheirOwnLinesAndASiteCredit() throws {
        let document = try run(["(Dân trí) - " + body1, body2, "Hoài Nam", "Từ khoá:", "khai giảng", "TP Hồ Chí Minh", "Đọc nhiều",
                                "Thí sinh đạt điểm cao nhất kỳ thi tốt nghiệp"])
        #expect(document.blocks.map(\.text) == [body1, body2])
        #expect(document.site == "Dân trí")
        #expect(document.authors == ["Hoài Nam"])
        #expect(document.tags == ["khai giảng", "TP Hồ Chí Minh"])
        #expect(BoilerplateLinesNormalizer.siteCredit("(Ảnh: 2 người) - x") == nil)
    }

    @Test func aSubheadingBetweenParagraphsIsAnIntertitleNotACaption() throws {
        let document = try run([body1, "Nâng cao chất lượng đội ngũ giáo viên", body2, "Đại biểu dự hội nghị", body1 + " Thêm.",
                                "Lê Văn Tám phát biểu", body2])
        #expect(document.blocks.map(\.kind) == [.paragraph, .heading, .paragraph, .caption, .paragraph, .caption, .paragraph])
        #expect(document.blocks[1].level == 2)
    }

    @Test func extraMarkersComeFromTheOption() throws {
        var options = BoilerplateLinesNormalizer.Options()
        options.markers = ["Tin cùng tác giả"]
        let document = try run([body1, body2, "Tin cùng tác giả", "Một bài khác của tác giả"], options: options)
        #expect(document.blocks.map(\.text) == [body1, body2])
    }

    @Test func theFilterIsIdempotentOnTheSeeds() throws {
        let stages: [any Transform] = [try NFCNormalizer(options: .init()), try WhitespaceNormalizer(options: .init()),
                                       try UnwrapNormalizer(options: .init()), try BoilerplateLinesNormalizer(options: .init())]
        for name in ["000_9c02ce070c99dc81", "001_b9de26e5fcced888", "002_27a17f53cc120f14", "003_e404581200cffbc0",
                     "004_42f834113b4d1a58"] {
            let once = try TestSupport.run(try TestSupport.read(TestSupport.seed(name)), stages)
            let twice = try TestSupport.run(once, [try BoilerplateLinesNormalizer(options: .init())])
            #expect(twice.blocks == once.blocks, "\(name)")
            #expect(twice.authors == once.authors, "\(name)")
        }
    }
}
