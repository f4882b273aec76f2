import Foundation
@testable import Sieve
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
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
