import Foundation
import SieveCore

/// Runs a sink over documents into a temporary file and returns what it wrote.
func render(_ sink: some SinkWriter, _ documents: [Document]) throws -> String {
    var sink = sink
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sieve-sink-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let channel = try OutputChannel(path: path)
    try sink.open(channel)
    for document in documents { try sink.write(document) }
    try sink.close()
    try channel.commit()
    return try String(contentsOfFile: path, encoding: .utf8)
}

/// Two documents with the awkward content sinks must survive: quotes, commas, line breaks, formula
/// starters, control characters, markup and Vietnamese text.
func awkwardDocuments() -> [Document] {
    var first = Document(id: "seeds/003", source: Source(path: "seeds/003.txt", format: "text"), blocks: [
        Block(.heading, "Quận Lê Chân: Tổng kết năm học 2022-2023", level: 1),
        Block(.paragraph, "Ngày 23-8, \"Hội nghị\", có <b>đại biểu</b> & khách.\nDòng hai."),
        Block(.caption, "Ảnh: Bí thư quận ủy Trần Thu Hương"),
    ])
    first.title = "Quận Lê Chân: Tổng kết năm học 2022-2023"
    first.published = "2023-08-23T21:22:00+07:00"
    first.authors = ["Thái Bình"]
    first.language = "vi"
    first.fields["school_years"] = ["2022-2023", "2023-2024"]
    first.fields["people"] = [["name": "Bùi Văn Kiệm", "role": "Giám đốc Sở Giáo dục và Đào tạo"]]
    var second = Document(id: "odd", source: Source(path: "odd.txt", format: "text"), blocks: [
        Block(.paragraph, "=HYPERLINK(\"http://evil\")"),
        Block(.paragraph, "bell\u{07} nul-ish \u{01} and \u{FFFE} gone"),
    ])
    second.title = "-1+2"
    second.authors = ["@someone"]
    second.diagnostics = [Diagnostic(stage: "text", severity: .warning, message: "repaired 1 invalid byte")]
    return [first, second]
}
