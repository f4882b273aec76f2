import Foundation
@testable import Sieve
import SieveCore
import SieveTesting
import Testing

@Suite struct RunJournalTests {
    @Test func inFlightItemsAreThoseStartedAndNotDoneSinceThePoliteStops() throws {
        let scratch = try TemporaryDirectory()
        let lines = [
            #"{"fingerprint":"1","sieveJournal":1}"#, #"{"items":0,"output":0,"errors":0}"#,
            #"{"start":0}"#, #"{"start":1}"#, #"{"done":1}"#, #"{"start":2}"#, #"{"slow":2}"#,  // 0 and 2 in flight at a polite stop
            #"{"abandoned":true}"#, #"{"items":1,"output":10,"errors":0}"#,
            #"{"start":1}"#, #"{"done":1}"#, #"{"start":2}"#, #"{"done":2}"#, #"{"start":3}"#, #"{"start":4}"#, #"{"done":3}"#,
            #"{"start":5}"#, #"{"slow":5}"#, #"{"start":6}"#, #"{"slow":6}"#, #"{"done":6}"#, #"{"start":"#,  // a torn last line
        ]
        let path = try scratch.write("out.jsonl.sieve-journal", lines.joined(separator: "\n"))
        let dead = RunJournal.inFlight(at: path, from: 1)
        #expect(dead.items == [4, 5])
        #expect(dead.slow == [5])
        #expect(RunJournal.inFlight(at: path, from: 5).items == [5])
        #expect(RunJournal.inFlight(at: scratch.path("missing"), from: 0).items.isEmpty)
    }

    @Test func itemsInFlightForSecondsAreNotedAsSlow() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path("out.jsonl.sieve-journal")
        let journal = try RunJournal(path: path, fingerprint: "f", fresh: true)
        journal.started(0)
        journal.started(1)
        journal.finished(0)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(RunJournal.inFlight(at: path, from: 0) == ([1], []))
        Thread.sleep(until: Date().addingTimeInterval(RunJournal.slowAfter.seconds + 1.2))
        let dead = RunJournal.inFlight(at: path, from: 0)
        #expect(dead.items == [1])
        #expect(dead.slow == [1])
    }

    private static func workItems(_ paths: [String]) -> [WorkItem] {
        paths.map { .failed(Failure(input: $0, offset: $0.hasSuffix(".warc") ? 7 : nil, stage: "input", reason: "unreadable")) }
    }

    @Test func theLedgerPassesTheSameInputsAndStopsAtTheFirstSignOfAChange() throws {
        let first = InputLedger(resuming: nil)
        #expect(Array(first.track(Self.workItems(["a", "b.warc", "c", "d"]))).count == 4)
        let (digest, last) = first.digest(through: 2)
        #expect(last == "b.warc@7")
        let done = InputLedger.Expectation(items: 2, digest: digest, last: last)

        let same = InputLedger(resuming: done)
        #expect(Array(same.track(Self.workItems(["a", "b.warc", "e"]))).count == 3)
        #expect(same.mismatch == nil)

        let added = InputLedger(resuming: done)
        #expect(Array(added.track(Self.workItems(["0", "a", "b.warc", "c"]))).count == 1, "the walk ends where the change shows")
        #expect(added.mismatch?.contains("ending with b.warc@7, but item 2 is now a") == true, "\(added.mismatch ?? "")")

        let renamed = InputLedger(resuming: done)
        _ = Array(renamed.track(Self.workItems(["A", "b.warc", "c"])))
        #expect(renamed.mismatch?.contains("an input before b.warc@7") == true)

        let removed = InputLedger(resuming: done)
        _ = Array(removed.track(Self.workItems(["a"])))
        #expect(removed.mismatch?.contains("inputs were removed or renamed") == true)
    }

    @Test func aCheckpointKeepsTheFailuresAndInputDigestOfTheDonePart() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path("out.jsonl.sieve-journal")
        let checkpoint = RunJournal.Checkpoint(items: 3, output: 120, errors: 80, failed: 1, digest: "9f", last: "rs/c.txt.gz")
        do {
            let journal = try RunJournal(path: path, fingerprint: "f", fresh: true)
            journal.record(checkpoint)
        }
        #expect(try RunJournal.lastCheckpoint(at: path, fingerprint: "f") == checkpoint)
        try scratch.write("old.sieve-journal", #"{"sieveJournal":1,"fingerprint":"f"}"# + "\n" + #"{"items":3,"output":120,"errors":0}"#)
        #expect(throws: ConfigurationError.self) { try RunJournal.lastCheckpoint(at: scratch.path("old.sieve-journal"), fingerprint: "f") }
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
