import Logging
@testable import SieveExternal
import Testing

/// A `sieve worker`'s log records cross its standard error as one line each and come back whole.
@Suite struct WorkerLogTests {
    @Test func aRecordCrossesAsOneLineAndComesBackWhole() throws {
        let record = WorkerLog.Record(level: .warning, message: "two\nlines \"quoted\"", metadata: ["stage": "exec", "worker": "chatty"],
                                      source: "SieveExternal")
        var line = WorkerLog.line(record)
        #expect(line.last == 0x0A)
        line.removeLast()
        #expect(!line.contains(0x0A), "one line, whatever the message holds")
        #expect(WorkerLog.record(String(decoding: line, as: UTF8.self)) == record)
        #expect(record.text == "stage=exec worker=chatty two\nlines \"quoted\"")
    }

    @Test func otherLinesAreNotRecords() {
        for line in ["Fatal error: Index out of range", "{\"level\":\"info\"}", WorkerLog.marker + "{not json", WorkerLog.marker + "{\"level\":\"loud\"}"] {
            #expect(WorkerLog.record(line) == nil, "\(line)")
        }
    }
}
