import Glibc
import SieveCore

/// Refuses, before anything is read, outputs that would destroy an input or be read back as one:
/// an output file that is one of the named inputs (`sieve convert a.txt -o a.txt`), an `--errors` file that
/// is the `-o` output, and an output inside an input folder where the walk would read it (a known format,
/// not hidden, not excluded). Paths are compared after following symbolic links. Each refusal names both paths.
enum OutputSafety {
    /// One output of the run: the flag that named it and the path as typed.
    struct Output {
        var flag: String
        var path: String
        /// For `--partition-by`: the extension of the files written into the folder `path`.
        var partitionExtension: String?
    }

    /// Throws a `ConfigurationError` for every output that overlaps an input or another output.
    static func check(_ outputs: [Output], inputs: [String], selection: InputSource.Selection) throws {
        var problems: [String] = []
        for (index, output) in outputs.enumerated() {
            for other in outputs[..<index] where same(output.path, other.path) {
                problems.append("\(output.flag) \(output.path) is the same file as \(other.flag) \(other.path); "
                    + "give them different names")
            }
            for input in inputs where input != "-" {
                if let problem = overlap(output, input: input, selection: selection) { problems.append(problem) }
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(messages: problems) }
    }

    private static func overlap(_ output: Output, input: String, selection: InputSource.Selection) -> String? {
        var info = stat()
        guard stat(input, &info) == 0 else { return nil }
        if let ext = output.partitionExtension {
            guard info.st_mode & S_IFMT == S_IFDIR, let folder = realPath(output.path) ?? absolute(output.path),
                  let relative = relative(folder + "/sample." + ext, inside: input) else { return nil }
            return insideMessage(output, input: input, relative: relative, selection: selection)
        }
        guard case .file(let final) = try? OutputTarget.resolve(output.path) else { return nil }
        if info.st_mode & S_IFMT != S_IFDIR {
            guard let identity = FileIdentity(path: final), identity == FileIdentity(path: input) else { return nil }
            return "\(output.flag) \(output.path) is also an input (\(input)): writing it would destroy the input; "
                + "write somewhere else"
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
        return "\(output.flag) \(output.path) is inside the input folder \(input), which would read it as an input; "
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
