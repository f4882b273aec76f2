import Sieve

/// The `sieve` executable: the command line with every built-in stage.
@main
enum SieveMain {
    static func main() async {
        await SieveCommand.main(registry: .standard)
    }
}
