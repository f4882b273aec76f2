import Glibc
import SieveCore

/// Refuses, before anything is read, outputs that would destroy an input or be read back as one:
/// an output file that is one of the named inputs (`sieve convert a.txt -o a.txt`), the run's own
/// configuration (the `--files-from` list, the pipeline file), an `--errors` file that is the `-o` output,
/// and an output inside an input folder where the walk would read it (a known format, not hidden, not
/// excluded). Paths are compared after following symbolic links; a descriptor output (`-o /dev/stdout`,
/// standard output itself, `/dev/fd/N`) is compared by the device and inode of the open file, so
/// `sieve convert a.txt >> a.txt` is refused too. Each refusal names both paths.
enum OutputSafety {
    /// One output of the run: the flag that named it (empty for standard output) and the path as typed.
    struct Output {
        var flag: String
        var path: String
        /// For `--partition-by`: the extension of the files written into the folder `path`.
        var partitionExtension: String?

        /// How messages name it: `-o out.jsonl`, `standard output`.
        var label: String { flag.isEmpty ? "standard output" : "\(flag) \(path)" }
    }

    /// A file the run reads its configuration from: `--files-from LIST`, `--pipeline FILE`.
    struct Configuration {
        var path: String
        /// What it is, for messages: `the --files-from list`, `the pipeline file`.
        var role: String
        /// Whether it lists input paths, one per line (`--files-from`).
        var isPathList = false
    }

    /// Throws a `ConfigurationError` for every output that overlaps an input, a configuration file or
    /// another output.
    static func check(_ outputs: [Output], inputs: [String], configuration: [Configuration] = [],
                      selection: InputSource.Selection) throws {
        var problems: [String] = []
        for (index, output) in outputs.enumerated() {
            for other in outputs[..<index] where same(output.path, other.path) {
                problems.append("\(output.label) is the same file as \(other.label); give them different names")
            }
            let written = identity(of: output)
            for input in inputs + listed(in: configuration, whenWriting: written) where input != "-" {
                if let written, written == FileIdentity(path: input) {
                    problems.append("\(output.label) is also an input (\(input)): writing it would destroy the input; "
                        + "write somewhere else")
                } else if let problem = overlap(output, input: input, selection: selection) {
                    problems.append(problem)
                }
            }
            for file in configuration where file.path != "-" {
                guard let written, written == FileIdentity(path: file.path) else { continue }
                problems.append("\(output.label) is \(file.role) \(file.path): writing it would destroy it; "
                    + "write somewhere else")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(messages: problems) }
    }

    /// The paths of the `--files-from` lists, read only when `written` names an existing file that one of
    /// them might list (a list of a million paths costs a second of `stat`s, paid only when a file is overwritten).
    private static func listed(in configuration: [Configuration], whenWriting written: FileIdentity?) -> [String] {
        guard let written else { return [] }
        var paths: [String] = []
        for file in configuration where file.isPathList && file.path != "-" {
            var lines = PathList(path: file.path)
            while let line = lines.next() {
                if case .success(let path) = line, FileIdentity(path: path) == written { paths.append(path) }
            }
        }
        return paths
    }

    /// The existing regular file an output would write: the target of a file path, or the file an open
    /// descriptor (`/dev/stdout`, `/dev/fd/N`) writes to; nil for a new file, a device, FIFO or socket.
    private static func identity(of output: Output) -> FileIdentity? {
        guard output.partitionExtension == nil, let target = try? OutputTarget.resolve(output.path) else { return nil }
        var info = stat()
        switch target {
        case .file(let final): guard stat(final, &info) == 0 else { return nil }
        case .descriptor(let number): guard fstat(number, &info) == 0 else { return nil }
        case .stream: return nil
        }
        return info.st_mode & S_IFMT == S_IFREG ? FileIdentity(info) : nil
    }

    private static func overlap(_ output: Output, input: String, selection: InputSource.Selection) -> String? {
        var info = stat()
        guard stat(input, &info) == 0 else { return nil }
        if let ext = output.partitionExtension {
            guard info.st_mode & S_IFMT == S_IFDIR, let folder = realPath(output.path) ?? absolute(output.path),
                  let relative = relative(folder + "/sample." + ext, inside: input) else { return nil }
            return insideMessage(output, input: input, relative: relative, selection: selection)
        }
        guard case .file(let final) = try? OutputTarget.resolve(output.path), info.st_mode & S_IFMT == S_IFDIR else {
            return nil
        }
        for path in Set([output.path, final]) {
            guard let absolutePath = absolute(path), let relative = relative(absolutePath, inside: input) else { continue }
            if let problem = insideMessage(output, input: input, relative: relative, selection: selection) { return problem }
        }
        return nil
    }

    private static func insideMessage(_ output: Output, input: String, relative: String,
                                      selection: InputSource.Selection) -> String? {
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return nil }
        let walked = (input.hasSuffix("/") ? String(input.dropLast()) : input) + "/" + relative
        guard selection.reads(walkedPath: walked) else { return nil }
        return "\(output.label) is inside the input folder \(input), which would read it as an input; "
            + "write it elsewhere, or leave it out of the walk with --exclude"
    }

    /// `path` relative to the folder `input` when it lies inside it (both with symbolic links resolved).
    private static func relative(_ path: String, inside input: String) -> String? {
        guard let root = realPath(input) else { return nil }
        let prefix = root == "/" ? "/" : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    /// Whether two outputs are the same file, stream or descriptor.
    private static func same(_ left: String, _ right: String) -> Bool {
        if left == right { return true }
        guard let first = try? OutputTarget.resolve(left), let second = try? OutputTarget.resolve(right) else { return false }
        switch (first, second) {
        case (.file(let one), .file(let two)):
            if let a = FileIdentity(path: one), a == FileIdentity(path: two) { return true }
            return absolute(one) != nil && absolute(one) == absolute(two)
        default:
            return first == second
        }
    }

    /// The path with its folder's symbolic links resolved (the folder must exist).
    private static func absolute(_ path: String) -> String? {
        guard let folder = realPath(OutputTarget.folder(of: path)) else { return nil }
        return (folder == "/" ? "" : folder) + "/" + OutputTarget.name(of: path)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
