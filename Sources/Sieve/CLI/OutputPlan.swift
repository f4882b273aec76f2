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

/// Where documents go: standard output or a stream (`/dev/fd/N`, a device, a FIFO), one atomic file
/// (gzip-compressed for `.gz`), a resumable (journaled) file, one file per partition in a directory, one
/// file per document in a directory (`-o DIR/`), or a database updated in place. Every file appears under
/// its final name only when it is complete: a run stopped early (`--fail-fast`, `--max-errors`, a signal, a
/// write error) keeps a resumable `.partial` file and its journal, or nothing, and says which. Per-document
/// files appear one by one as their documents are written. A database keeps the batches it committed:
/// the run's last batch is committed when the run stops, rolled back when it fails.
final class OutputPlan {
    private struct Target {
        var sink: any SinkWriter
        let channel: OutputChannel
    }

    private let registry: StageRegistry
    private let sinkSpec: StageSpec
    private let partition: PartitionKey?
    private let directory: String?
    private let format: OutputFormat
    private var targets: [String: Target] = [:]
    /// The database of a database sink (it writes no byte stream).
    private var database: (any DatabaseSink)?
    /// The files of a per-document folder written so far, so two documents never share one.
    private var documentFiles: Set<String> = []
    private let inputs: Set<FileIdentity>
    /// Documents written, for what a stopped database run says it kept.
    private var written = 0
    /// The resume journal of a journaled output.
    private(set) var journal: RunJournal?
    /// The file a journaled run is writing, as the user typed it, and its `.partial` file.
    private var journaled: (output: String, partial: String)?
    private var lastCheckpoint = ContinuousClock.now
    private var lastCheckpointItems = 0
    /// Work items an interrupted run already completed.
    private(set) var resumeAfter = 0
    /// Inputs or documents that failed in the completed part of an interrupted run (they count in this run's status).
    private(set) var earlierFailures = 0
    /// The identities of the work items of a journaled output, checked on `--resume` against those the
    /// interrupted run did.
    private(set) var ledger: InputLedger?
    /// The `--errors` report, if asked for.
    private(set) var errors: ErrorReport?

    /// Prepares every output before any input is read, so a bad path fails first.
    /// `inputs`: the files named as inputs, which no per-document file may replace.
    init(output: String?, format: OutputFormat, sink sinkSpec: StageSpec, registry: StageRegistry, partition: PartitionKey?,
         resume: Bool, ordered: Bool, fingerprint: String, errorsPath: String?, inputs: Set<FileIdentity> = []) throws {
        self.registry = registry
        self.inputs = inputs
        self.sinkSpec = sinkSpec
        self.partition = partition
        self.format = format
        if format.perDocument, let output {
            guard !resume else { throw ConfigurationError("--resume does not work with -o \(output) (one file per document)") }
            let sink = try registry.makeSink(sinkSpec)
            if sink is any DatabaseSink {
                throw ConfigurationError("-o \(output): --to \(sinkSpec.name) writes one database file, not one file per document; "
                    + "name it -o FILE.\(type(of: sink).fileExtension)")
            }
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            directory = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
            errors = try errorsPath.map { try ErrorReport(path: $0) }
            return
        }
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
        let target = try file.map { path throws(OutputError) in try OutputTarget.resolve(path) }
        if var database = sink as? any DatabaseSink {
            guard let file, case .file(let final) = target, !format.gzip else {
                throw ConfigurationError("--to \(sinkSpec.name) writes a database file: name it with -o FILE.\(type(of: sink).fileExtension) "
                    + "(not standard output, a device, a FIFO or a .gz name)")
            }
            guard !resume else {
                throw ConfigurationError("--resume is not needed for a database: run again without it; documents already in \(file) are replaced, not repeated")
            }
            try database.open(database: final)
            self.database = database
            errors = try errorsPath.map { try ErrorReport(path: $0) }
            return
        }
        if let file, case .file(let final) = target, ordered, !format.gzip, var appendable = sink as? any AppendableSink {
            try openJournaled(&appendable, output: file, final: final, resume: resume, fingerprint: fingerprint,
                              errorsPath: errorsPath)
            return
        }
        if resume {
            guard file != nil, case .file = target else {
                throw ConfigurationError("--resume needs -o FILE: \(file ?? "standard output") is a stream and cannot be continued")
            }
            throw ConfigurationError("--resume needs output in input order (no --unordered), not compressed, "
                + "and --to jsonl, csv, markdown or text")
        }
        let channel = try file.map { try OutputChannel(path: $0, gzip: format.gzip) } ?? OutputChannel()
        try sink.open(channel)
        targets[""] = Target(sink: sink, channel: channel)
        errors = try errorsPath.map { try ErrorReport(path: $0) }
    }

    private func openJournaled(_ sink: inout any AppendableSink, output: String, final: String, resume: Bool,
                               fingerprint: String, errorsPath: String?) throws {
        let journalPath = RunJournal.path(for: final)
        let partialPath = final + ".partial"
        journaled = (output, partialPath)
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
            earlierFailures = checkpoint.failed
            ledger = InputLedger(resuming: checkpoint.expectation)
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
        ledger = InputLedger(resuming: nil)
        try checkpoint(items: 0, failed: 0)
    }

    /// Whether documents can be written from their JSON form alone (`write(json:)`): one stream through a
    /// sink that writes that form as it is (JSON Lines, JSON), not split by document facts.
    var takesJSON: Bool {
        database == nil && directory == nil && targets[""]?.sink is any JSONFormSink
    }

    /// Writes one document, given in its JSON form, to the one target (see `takesJSON`).
    func write(json: ArraySlice<UInt8>) throws {
        guard var sink = targets[""]?.sink as? any JSONFormSink, let channel = targets[""]?.channel else { return }
        written += 1
        try sink.write(json: json)
        targets[""]!.sink = sink
        if let failure = channel.failure ?? errors?.failure { throw failure }
    }

    /// Writes one document to its target.
    func write(_ document: Document) throws {
        written += 1
        if database != nil {
            try database!.write(document)
            if let failure = errors?.failure { throw failure }
            return
        }
        if format.perDocument, let directory {
            try writeOwnFile(document, in: directory)
            return
        }
        let key = partition.map { Self.partitionName(of: document, by: $0) } ?? ""
        if targets[key] == nil, let directory {
            var sink = try registry.makeSink(sinkSpec)
            let channel = try OutputChannel(path: "\(directory)/\(key).\(type(of: sink).fileExtension)")
            try sink.open(channel)
            targets[key] = Target(sink: sink, channel: channel)
        }
        try targets[key]!.sink.write(document)
        if let failure = targets[key]!.channel.failure ?? errors?.failure { throw failure }
    }

    /// Writes a document into its own file in `directory`, named after its id (`DocumentFileName`), and
    /// moves the file into place at once.
    private func writeOwnFile(_ document: Document, in directory: String) throws {
        var sink = try registry.makeSink(sinkSpec)
        let ext = type(of: sink).fileExtension
        let base = DocumentFileName.relativePath(for: document.id)
        var name = base
        var suffix = 1
        while documentFiles.contains(name) {
            suffix += 1
            name = "\(base)-\(suffix)"
        }
        documentFiles.insert(name)
        let path = "\(directory)/\(name).\(ext)"
        if let existing = FileIdentity(path: path), inputs.contains(existing) {
            throw ConfigurationError("-o \(directory)/: the file for document \(document.id), \(path), is an input: "
                + "writing it would destroy the input; write somewhere else")
        }
        let folder = OutputTarget.folder(of: path)
        if folder != directory { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let channel = try OutputChannel(path: path)
        do {
            try sink.open(channel)
            try sink.write(document)
            try sink.close()
            try channel.commit()
        } catch {
            channel.abort()
            throw error
        }
        if let failure = errors?.failure { throw failure }
    }

    /// Records a checkpoint when one is due (every second, or every 256 items) after `items` completed work items
    /// (resumed ones included), of which `failed` inputs or documents failed.
    func progress(items: Int, failed: Int) throws {
        guard journal != nil, items - lastCheckpointItems >= 256 || ContinuousClock.now - lastCheckpoint > .seconds(1) else { return }
        try checkpoint(items: items, failed: failed)
    }

    private func checkpoint(items: Int, failed: Int) throws {
        guard let journal, let ledger, let target = targets[""] else { return }
        try target.channel.sync()
        try errors?.sync()
        let (digest, last) = ledger.digest(through: items)
        journal.record(RunJournal.Checkpoint(items: items, output: target.channel.byteCount, errors: errors?.byteCount ?? 0,
                                             failed: failed, digest: digest, last: last))
        lastCheckpoint = .now
        lastCheckpointItems = items
    }

    /// Closes every sink and moves every file into place; the journal goes once the output is in place.
    func finish() throws {
        try database?.close()
        database = nil
        for key in targets.keys.sorted() { try targets[key]!.sink.close() }
        for key in targets.keys.sorted() { try targets[key]!.channel.commit() }
        try errors?.commit()
        journal?.remove()
    }

    /// Ends a run in which every input failed and no document was written: an output file that already
    /// exists is left as it was (an empty file must not replace it); a new one is written as usual. Returns
    /// the files kept, empty when none existed (the run was then finished as usual).
    func finishKeepingEarlierFiles() throws -> [String] {
        let files = targets.values.filter(\.channel.isFile).compactMap(\.channel.path).sorted()
        let existing = files.filter { FileManager.default.fileExists(atPath: $0) }
        guard database == nil, !existing.isEmpty else {
            try finish()
            return []
        }
        for target in targets.values { target.channel.abort() }
        try errors?.commit()
        journal?.remove()
        return existing
    }

    /// Ends a run stopped early (interrupted, `--fail-fast`, `--max-errors`) without leaving a
    /// complete-looking file under the final name: a journaled output gets a last checkpoint and stays as
    /// its `.partial` file for `--resume`; other files are removed (the previous file under the name is
    /// untouched). The `--errors` report of a run that cannot be resumed is kept: it lists the failures up to
    /// the stop. Says on standard error what was kept.
    func stop(items: Int, failed: Int) throws {
        if let journaled, let journal {
            try checkpoint(items: items, failed: failed)
            if let problem = suspend().first { throw problem }
            printError("sieve: the run stopped early: kept \(kept(journaled, journal)) for --resume; \(journaled.output) was not written")
            return
        }
        if database != nil {
            try database!.close()
            database = nil
            try errors?.commit()
            printError("sieve: the run stopped early; the \(written) documents written so far are in the database")
            return
        }
        let files = targets.values.filter(\.channel.isFile).compactMap(\.channel.path).sorted()
        for target in targets.values { target.channel.abort() }
        try errors?.commit()
        let unwritten = files.isEmpty ? "" : "; \(files.joined(separator: ", ")) \(files.count == 1 ? "was" : "were") not written"
            + " (only JSON Lines or CSV files in input order can be resumed)"
        printError("sieve: the run stopped early\(unwritten)" + (errors.map { "; the failures so far are in \($0.path)" } ?? ""))
    }

    /// Stops after an error: journaled outputs are kept for `--resume` (and it says so), others are removed.
    /// The journal notes that nothing in flight ended the run (it stopped cleanly, on an error it reports).
    /// Returns the write errors met while keeping files, other than `reported` (the error that stopped the
    /// run), so none goes unreported and none twice.
    func abort(reported: any Error) -> [OutputError] {
        guard let journaled, let journal else {
            database?.abandon()
            database = nil
            for target in targets.values { target.channel.abort() }
            try? errors?.abort(keepingForResume: false)
            return []
        }
        journal.abandonedInFlight()
        printError("sieve: kept \(kept(journaled, journal)) up to the last checkpoint, for --resume; \(journaled.output) was not written")
        return suspend().filter { "\($0)" != "\(reported)" }
    }

    /// Closes the files of a resume that was refused before anything was converted, leaving the interrupted
    /// run's files as they were (up to its last checkpoint) for a later `--resume`.
    func keepForLaterResume() {
        suspend()
    }

    /// The files a stopped journaled run keeps: the output's and the error report's `.partial` files and the journal.
    private func kept(_ journaled: (output: String, partial: String), _ journal: RunJournal) -> String {
        let partials = [journaled.partial, errors?.partialPath].compactMap(\.self)
        return partials.joined(separator: ", ") + " and " + journal.path
    }

    /// Closes every file of a journaled run, keeping it; returns the write errors met.
    @discardableResult
    private func suspend() -> [OutputError] {
        var problems: [OutputError] = []
        for target in targets.values {
            do { try target.channel.suspend() } catch { problems.append(error) }
        }
        do { try errors?.abort(keepingForResume: true) } catch { problems.append(error) }
        return problems
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
