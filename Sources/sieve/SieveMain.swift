// Linking mimalloc (see Package.swift) makes it the process's malloc; the import is what links it.
import CMimalloc
import Sieve

/// The `sieve` executable: the command line with every built-in stage.
@main
enum SieveMain {
    static func main() async {
        await SieveCommand.main(registry: .standard)
    }
}
