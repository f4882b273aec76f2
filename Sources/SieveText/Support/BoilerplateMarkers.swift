/// The documented marker lists of the `boilerplate-lines` normalizer, compared through `MatchKey`
/// (old-style tone placement, lower case), so `Từ khoá` and `TỪ KHÓA` match `từ khóa`.
enum BoilerplateMarkers {
    /// Whole-line headings that open a related-news, most-read or comment section. Trailing `:`, `…`, `>>`
    /// and a count such as `(12)` are ignored. Such a line after the body starts the tail (see the stage).
    static let sectionHeadings: [String] = [
        "tin khác", "tin liên quan", "tin tức liên quan", "bài viết liên quan", "bài liên quan",
        "có thể bạn quan tâm", "bạn có thể quan tâm", "nên xem", "đừng bỏ lỡ", "tin cùng chuyên mục",
        "cùng chuyên mục", "tin cùng loại", "xem thêm", "đọc thêm", "đọc nhiều", "tin đọc nhiều", "xem nhiều",
        "tin xem nhiều", "tin mới nhất", "tin mới", "mới nhất", "tin nóng", "tin nổi bật", "sự kiện nổi bật",
        "điểm tin nổi bật", "chủ đề nóng", "đọc nhanh", "được quan tâm nhất", "quan tâm nhất", "tin tiêu điểm",
        "bình luận", "ý kiến bạn đọc", "gửi bình luận", "viết bình luận", "ý kiến của bạn",
    ]

    /// Line starts of leftovers that open the tail when they come after the body: tag lines, comment boxes,
    /// captcha, share and follow prompts, app and login prompts, ads and legal footers.
    static let tailStarts: [String] = [
        "từ khóa", "tags", "tag:", "chủ đề:", "bình luận của bạn", "bình luận bài viết", "xem tất cả bình luận",
        "gửi bình luận", "ý kiến bạn đọc", "captcha", "mã xác nhận", "theo dõi báo", "tải ứng dụng",
        "liên hệ quảng cáo", "số giấy phép", "giấy phép số", "©", "bản quyền thuộc", "tổng biên tập:",
        "xem thêm về", "xem thêm trên",
    ]

    /// Lines dropped wherever they stand: share buttons, print and navigation widgets (whole line).
    static let widgetLines: [String] = [
        "chia sẻ", "copy link", "sao chép liên kết", "facebook", "zalo", "twitter", "email", "in bài", "in bài viết",
        "lưu bài", "lưu", "gửi bài", "quay lại", "về đầu trang", "trở lại đầu trang", "đăng nhập", "đăng ký",
        "chia sẻ bài viết", "theo dõi", "bình luận", "xem thêm...",
    ]

    /// Line starts of inline links to other articles, dropped wherever they stand without opening the tail.
    static let linkPrefixes: [String] = [
        "xem thêm:", "đọc thêm:", ">> xem thêm", ">>xem thêm", "tin liên quan:", "bài liên quan:", "mời xem thêm",
        "video:", "clip:", "xem video",
    ]

    /// Words that start a byline naming a unit or a source rather than a person.
    static let bylineHeads: [String] = [
        "phòng", "ban", "sở", "trường", "văn phòng", "trung tâm", "hội", "công đoàn", "ubnd", "đoàn", "nhóm",
        "theo", "nguồn", "bài và ảnh", "bài, ảnh", "ảnh", "pv", "ctv", "phóng viên", "btv",
    ]

    /// Verb phrases typical of a photo caption (a scene, not a report): used only on short single sentences.
    static let captionPhrases: [String] = [
        "trao tặng", "tặng hoa", "tặng bằng khen", "tặng giấy khen", "trao bằng khen", "trao giấy khen", "trao cờ",
        "trao thưởng", "trao quà", "tặng quà", "nhận cờ", "nhận bằng khen", "nhận giấy khen", "nhận danh hiệu", "chụp ảnh",
        "toàn cảnh", "quang cảnh", "phát biểu tại", "phát biểu chỉ đạo", "ảnh:", "(ảnh", "biểu dương, khen thưởng",
    ]

    /// Words of a photographed scene; a short line holding one is a caption, not an intertitle.
    static let sceneWords: [String] = [
        "ảnh", "toàn cảnh", "quang cảnh", "đại biểu", "tiết mục", "trao", "tặng", "nhận", "phát biểu", "chụp",
        "tham quan", "lãnh đạo", "đồng chí", "chúc mừng", "khen thưởng", "biểu diễn", "văn nghệ", "lưu niệm", "tại",
    ]

    /// Words that mark a narrated sentence (tense, reported speech), which captions do not use.
    static let narrationWords: [String] = ["đã", "sẽ", "đang", "cho biết", "rằng", "nhấn mạnh", "khẳng định"]
}
