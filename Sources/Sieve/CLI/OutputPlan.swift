import ArgumentParser
import Foundation
import SieveCore

/// How to split the output into several files.
enum PartitionKey: String, ExpressibleByArgument, CaseIterable {
    /// One file per publication day (`2024-01-31.jsonl`, `undated.jsonl`).
    case date
    /// One file per input folder (`news_2024_01.jsonl`).
    case source
}

/// Where documents go: standard output, one atomic file, a resumable (journaled) file, or one file per
/// partition in a directory. Every file appears under its final name only when the run completes.
final class OutputPlan {
    private struct Target {
        var sink: any SinkWriter
        let channel: OutputChannel
    }

    private let registry: StageRegistry
    private let sinkSpec: StageSpec
    private let partition: PartitionKey?
    private let directory: String?
    private var targets: [String: Target] = [:]
    /// The resume journal of a journaled output.
    private(set) var journal: RunJournal?
    private var lastCheckpoint = ContinuousClock.now
    private var lastCheckpointItems = 0
    /// Work items an interrupted run already completed.
    private(set) var resumeAfter = 0
    /// The `--errors` report, if asked for.
    private(set) var errors: ErrorReport?

    /// Prepares every output before any input is read, so a bad path fails first.
    init(output: String?, sink sinkSpec: StageSpec, registry: StageRegistry, partition: PartitionKey?, resume: Bool,
         ordered: Bool, fingerprint: String, errorsPath: String?) throws {
        self.registry = registry
        self.sinkSpec = sinkSpec
        self.partition = partition
        if let partition {
            guard let output, output != "-" else {
                throw ConfigurationError("--partition-by \(partition.rawValue) needs -o DIRECTORY for its files")
            }
            guard !resume else { throw ConfigurationError("--resume does not work with --partition-by yet") }
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            directory = output
            errors = try errorsPath.map { try ErrorReport(path: $0) }
            return
        }
        directory = nil
        var sink = try registry.makeSink(sinkSpec)
        let file = output.flatMap { $0 == "-" ? nil : $0 }
        if let file, ordered, var appendable = sink as? any AppendableSink {
            try openJournaled(&appendable, output: file, resume: resume, fingerprint: fingerprint, errorsPath: errorsPath)
            return
        }
        if resume {
            throw ConfigurationError(file == nil ? "--resume needs -o FILE: standard output cannot be continued"
                : "--resume needs output in input order (no --unordered) and --to jsonl or csv")
        }
        let channel = try file.map { try OutputChannel(path: $0) } ?? OutputChannel()
        try sink.open(channel)
        targets[""] = Target(sink: sink, channel: channel)
        errors = try errorsPath.map { try ErrorReport(path: $0) }
    }

    private func openJournaled(_ sink: inout any AppendableSink, output: String, resume: Bool, fingerprint: String,
                               errorsPath: String?) throws {
        let journalPath = RunJournal.path(for: output)
        let partialPath = output + ".partial"
        let previous = resume ? try RunJournal.lastCheckpoint(at: journalPath, fingerprint: fingerprint) : nil
        if let checkpoint = previous {
            let partialSize = (try? FileManager.default.attributesOfItem(atPath: partialPath)[.size] as? Int) ?? nil
            guard let partialSize, partialSize >= checkpoint.output else {
                throw ConfigurationError("--resume: \(partialPath) is missing or shorter than its journal says; "
                    + "delete \(journalPath) to start over")
            }
            let channel = try OutputChannel(path: output, partialPath: partialPath, truncatingTo: checkpoint.output)
            try sink.reopen(channel)
            targets[""] = Target(sink: sink, channel: channel)
            errors = try errorsPath.map { try ErrorReport(path: $0, resumingAt: checkpoint.errors) }
            journal = try RunJournal(path: journalPath, fingerprint: fingerprint, fresh: false)
            resumeAfter = checkpoint.items
            return
        }
        if !resume, FileManager.default.fileExists(atPath: journalPath) {
            printError("sieve: note: an interrupted run left \(journalPath); starting over (add --resume to continue it)")
        }
        let channel = try OutputChannel(path: output, partialPath: partialPath, truncatingTo: 0)
        try sink.open(channel)
        targets[""] = Target(sink: sink, channel: channel)
        errors = try errorsPath.map { try ErrorReport(path: $0, resumingAt: 0) }
        journal = try RunJournal(path: journalPath, fingerprint: fingerprint, fresh: true)
        try checkpoint(items: 0)
    }

    /// Writes one document to its target.
    func write(_ document: Document) throws {
        let key = partition.map { Self.partitionName(of: document, by: $0) } ?? ""
        if targets[key] == nil, let directory {
            var sink = try registry.makeSink(sinkSpec)
            let channel = try OutputChannel(path: "\(directory)/\(key).\(type(of: sink).fileExtension)")
            try sink.open(channel)
            targets[key] = Target(sink: sink, channel: channel)
        }
        try targets[key]!.sink.write(document)
    }

    /// Records a checkpoint when one is due (every second, or every 256 items) after `items` completed work items.
    func progress(items: Int) throws {
        guard journal != nil, items - lastCheckpointItems >= 256 || ContinuousClock.now - lastCheckpoint > .seconds(1) else { return }
        try checkpoint(items: items)
    }

    private func checkpoint(items: Int) throws {
        guard let journal, let target = targets[""] else { return }
        try target.channel.sync()
        try errors?.sync()
        journal.record(RunJournal.Checkpoint(items: items, output: target.channel.byteCount, errors: errors?.byteCount ?? 0))
        lastCheckpoint = .now
        lastCheckpointItems = items
    }

    /// Closes every sink and moves every file into place.
    func finish() throws {
        for key in targets.keys.sorted() { try targets[key]!.sink.close() }
        journal?.remove()
        for key in targets.keys.sorted() { try targets[key]!.channel.commit() }
        try errors?.commit()
    }

    /// Stops an interrupted run: a journaled output gets a last checkpoint and stays for `--resume`; other
    /// outputs are removed, since they cannot be continued.
    func suspend(items: Int) throws {
        if journal != nil {
            try checkpoint(items: items)
            printError("sieve: interrupted; run the same command with --resume to continue")
        } else {
            printError("sieve: interrupted; nothing was written (only JSON Lines or CSV files can be resumed)")
        }
        abort()
    }

    /// Stops after an error: journaled outputs are kept for `--resume`, others are removed.
    func abort() {
        let keep = journal != nil
        for target in targets.values {
            if keep { target.channel.suspend() } else { target.channel.abort() }
        }
        errors?.abort(keepingForResume: keep)
    }

    /// The file name (without extension) a document belongs to.
    static func partitionName(of document: Document, by key: PartitionKey) -> String {
        switch key {
        case .date:
            guard let published = document.published, published.utf8.count >= 10 else { return "undated" }
            let day = String(published.prefix(10))
            let shape = day.utf8.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
            return shape ? day : "undated"
        case .source:
            let folder = document.source.path.split(separator: "/").dropLast().filter { $0 != "." && $0 != ".." }
            let name = folder.joined(separator: "_")
            return name.isEmpty ? "root" : name
        }
    }
}
