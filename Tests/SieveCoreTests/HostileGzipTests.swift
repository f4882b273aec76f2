import Foundation
import SieveTesting
import Testing
@testable import SieveCore

/// gzip inputs that would cost memory out of proportion to `--max-bytes`.
@Suite struct HostileGzipTests {
    @Test func aCompressedFileLargerThanTheLimitIsRefusedBeforeInflating() throws {
        let directory = try TemporaryDirectory()
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<(256 << 10)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = try GzipTool.file(noise, named: "input.bin", in: directory, level: 1)
        let error = #expect(throws: InputError.self) { _ = try InputLoader(maxBytes: 64 << 10).load(.file(path)) }
        #expect(error?.description == "\(path): larger than the --max-bytes limit of 65536 bytes")
    }

    @Test func aBombStopsAtTheLimit() throws {
        let directory = try TemporaryDirectory()
        let path = try GzipTool.file([UInt8](repeating: 0, count: 32 << 20), named: "input.bin", in: directory, level: 1)
        let error = #expect(throws: InputError.self) { _ = try InputLoader(maxBytes: 1 << 20).load(.file(path)) }
        #expect(error?.description == "\(path): decompressed size exceeds the --max-bytes limit of 1048576 bytes")
    }

    @Test func aFileJustUnderTheLimitStillInflates() throws {
        let directory = try TemporaryDirectory()
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<(64 << 10)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = try GzipTool.file(noise, named: "input.bin", in: directory, level: 1)
        #expect(try InputLoader(maxBytes: 64 << 10).load(.file(path)) == noise)
    }
}
