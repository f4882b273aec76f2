import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory new-stage --kind extractor SectionTagger`: creates a
/// custom stage and its test in this package. The templates live in `sieve new-stage`; this only forwards to it.
@main
struct NewStagePlugin: CommandPlugin {
    /// Runs `sieve new-stage --package-dir <this package> <arguments>`.
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let sieve = try context.tool(named: "sieve")
        let process = Process()
        process.executableURL = sieve.url
        process.arguments = ["new-stage", "--package-dir", context.package.directoryURL.path] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Diagnostics.error("sieve new-stage failed with status \(process.terminationStatus)")
            return
        }
    }
}
