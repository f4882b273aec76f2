import ArgumentParser
import Foundation
import SieveCore

/// `sieve new-stage`: writes a working custom stage and its test into a Swift package, and prints the lines to
/// add to its `Package.swift`. The `new-stage` package plugin forwards here, so the templates live in one place.
struct NewStageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-stage",
        abstract: "Create a custom stage and its test from a template, in a Swift package.",
        discussion: """
        Writes Sources/TARGET/NAME.swift and Tests/TARGETTests/NAMETests.swift, refusing to overwrite \
        anything, and prints what to add to Package.swift and to your executable. The stage's registered \
        name is NAME in kebab-case (SectionTagger → section-tagger) unless --stage-name says otherwise.

        EXAMPLES:
          sieve new-stage --kind extractor SectionTagger
          sieve new-stage --kind normalizer TrimBlocks \\
            --package-dir ../my-sieve --target MyStages
          swift package --allow-writing-to-package-directory \\
            new-stage --kind extractor SectionTagger
        """
    )

    @Option(help: ArgumentHelp("normalizer, extractor, reader or sink.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The stage's Swift type name, in UpperCamelCase.", valueName: "NAME"))
    var name: String

    @Option(help: ArgumentHelp("The package to write into.", valueName: "dir"))
    var packageDir = "."

    @Option(help: ArgumentHelp("The library target that holds your stages.", valueName: "target"))
    var target = "CustomStages"

    @Option(help: ArgumentHelp("The registered stage name (default: NAME in kebab-case).", valueName: "name"))
    var stageName: String?

    func validate() throws {
        guard StageTemplates.Kind(rawValue: kind) != nil else {
            throw ValidationError("--kind must be one of normalizer, extractor, reader, sink; got '\(kind)'")
        }
        for (label, value) in [("NAME", name), ("--target", target)] where !Self.isTypeName(value) {
            throw ValidationError("\(label) must be a Swift type name in UpperCamelCase such as SectionTagger; got '\(value)'")
        }
    }

    /// Checks the package (not the arguments' shape, which `validate` does): refusals here are Sieve errors
    /// (`sieve: error: ...`), not usage errors.
    private func checkPackage(stage: String) throws {
        if SieveCommand.registry.descriptor(named: stage) != nil {
            throw ConfigurationError("'\(stage)' is the name of a built-in stage ('sieve stages' lists them); choose another NAME, "
                + "or another registered name with --stage-name")
        }
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: packageDir).appendingPathComponent("Package.swift").path) else {
            let hint = packageDir == "."
                ? "create one with 'swift package init --type executable', or name it with --package-dir"
                : "create one with 'swift package init --type executable' in \(packageDir), or give --package-dir the package's folder"
            throw ConfigurationError("\(packageDir == "." ? "this folder" : packageDir) has no Package.swift: new-stage writes into a Swift "
                + "package (\(hint))")
        }
    }

    func run() throws {
        let stage = stageName ?? Self.kebabCase(name)
        try checkPackage(stage: stage)
        let files = StageTemplates.files(kind: StageTemplates.Kind(rawValue: kind)!, type: name, stage: stage, target: target)
        let package = URL(fileURLWithPath: packageDir)
        let sourceDir = package.appendingPathComponent("Sources/\(target)")
        let testDir = package.appendingPathComponent("Tests/\(target)Tests")
        let newTarget = !FileManager.default.fileExists(atPath: sourceDir.path)
        let sourceFile = sourceDir.appendingPathComponent("\(name).swift")
        let testFile = testDir.appendingPathComponent("\(name)Tests.swift")
        for file in [sourceFile, testFile] where FileManager.default.fileExists(atPath: file.path) {
            throw ConfigurationError("\(file.path) already exists; nothing was written")
        }
        do {
            for (dir, file, text) in [(sourceDir, sourceFile, files.source), (testDir, testFile, files.test)] {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
                print("created \(file.path)")
            }
        } catch {
            throw ConfigurationError("cannot write the stage: \(error.localizedDescription)")
        }
        print("")
        let manifest = (try? String(contentsOf: package.appendingPathComponent("Package.swift"), encoding: .utf8)) ?? ""
        print(instructions(stage: stage, newTarget: newTarget, dependsOnSieve: Self.dependsOnSieve(manifest)))
    }

    /// Whether a manifest already names a Sieve package dependency (`.package(... "Sieve" ...)` or a path or
    /// URL ending in `sieve`): a package made with `swift package init` does not, and needs telling.
    static func dependsOnSieve(_ manifest: String) -> Bool {
        manifest.split(separator: "\n").contains { line in
            let code = line.lowercased().components(separatedBy: "//")[0]
            return code.contains(".package(") && code.contains("sieve")
        }
    }

    private func instructions(stage: String, newTarget: Bool, dependsOnSieve: Bool) -> String {
        var lines: [String] = []
        if !dependsOnSieve {
            lines += [
                "Package.swift does not depend on Sieve yet: add to the package's dependencies (Package(..., dependencies: [...])):",
                "",
                "        .package(name: \"Sieve\", path: \"PATH-TO-SIEVE\"),   // or .package(url: GIT-URL, branch: \"main\")",
                "",
                "and .product(name: \"Sieve\", package: \"Sieve\") to your executable target's dependencies",
                "(samples/custom-stage-swift/Package.swift in Sieve shows a whole manifest).",
                "",
            ]
        }
        if newTarget {
            lines += [
                "Add to the targets in Package.swift (the package name is how your dependency on Sieve is named):",
                "",
                "        .target(name: \"\(target)\", dependencies: [.product(name: \"SieveCore\", package: \"Sieve\")]),",
                "        .testTarget(name: \"\(target)Tests\", dependencies: [",
                "            \"\(target)\", .product(name: \"SieveCore\", package: \"Sieve\"), .product(name: \"SieveTesting\", package: \"Sieve\"),",
                "        ]),",
                "",
                "and \"\(target)\" to the dependencies of your executable target.",
            ]
        }
        lines += [
            "Register the stage in your executable's main (add it to any stages already there):",
            "",
            "        await SieveCommand.main(registry: .standard.with(\(name).self))",
            "",
            "Then: swift test, and swift run YOUR-EXECUTABLE stages (it lists '\(stage)' among the \(kind)s).",
        ]
        return lines.joined(separator: "\n")
    }

    static func isTypeName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// `SectionTagger` → `section-tagger`.
    static func kebabCase(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if ("A"..."Z").contains(scalar) {
                if !result.isEmpty { result += "-" }
                result += String(scalar).lowercased()
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
