import Foundation
import SieveTesting
import Testing
@testable import SieveCore

/// An output named `.gz` is one gzip member that zlib (and so `gunzip`) reads back byte for byte.
@Suite struct GzipOutputTests {
    @Test func compressedOutputReadsBackExactly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("out.jsonl.gz")
        let channel = try OutputChannel(path: path, gzip: true)
        var expected: [UInt8] = []
        for index in 0..<5_000 {
            // Writes of every size, some past the 64 KiB buffer, none of them repeating exactly.
            let line = Array("{\"id\":\(index),\"text\":\"Hà Nội \(String(repeating: "mùa thu ", count: index % 40))\"}\n".utf8)
            expected += line
            channel.write(line)
        }
        let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) }
        expected += big
        channel.write(big)
        try channel.commit()
        let compressed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Gzip.isGzip(compressed))
        #expect(compressed.count < expected.count / 2)
        #expect(try Gzip.decompress(compressed, limit: 1 << 30) == expected)
    }

    @Test func anEmptyOutputIsAValidEmptyMember() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("empty.csv.gz")
        try OutputChannel(path: path, gzip: true).commit()
        #expect(try Gzip.decompress([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), limit: 1 << 20).isEmpty)
    }
}
