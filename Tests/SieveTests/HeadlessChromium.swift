import Foundation

/// Headless Chromium (Debian package `chromium`, installed by scripts/setup) driven from the command line,
/// to check that a page renders: its DOM after scripts and layout, what it logged to the console, and a
/// screenshot. Each run gets a fresh profile folder, so parallel runs do not share a lock.
struct HeadlessChromium {
    /// The browser found on PATH: `chromium`, `chromium-browser` or `google-chrome`.
    let executable: String

    /// The browser, or nil when none is installed.
    static var installed: HeadlessChromium? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return HeadlessChromium(executable: "\(folder)/\(name)")
            }
        }
        return nil
    }

    /// Why the browser tests cannot run here, when they cannot (`SIEVE_SKIP_BROWSER=1` skips them knowingly).
    static let missing = "headless Chromium is needed to check that the HTML report renders, and none was found on PATH "
        + "(chromium, chromium-browser, google-chrome): run scripts/setup (apt-get install chromium), "
        + "or set SIEVE_SKIP_BROWSER=1 to skip these tests knowingly"

    /// The page's DOM after loading, and the console messages it logged (`INFO:CONSOLE` lines of Chromium's log).
    func load(_ page: String, scratch: URL) throws -> (dom: String, console: [String]) {
        let (stdout, stderr) = try run(["--dump-dom", "--virtual-time-budget=2000", "--enable-logging=stderr", "--v=0",
                                        URL(fileURLWithPath: page).absoluteString], scratch: scratch)
        let console = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (stdout, console)
    }

    /// Saves a screenshot of the page, `width` pixels wide and `height` tall, as a PNG file at `path`.
    func screenshot(_ page: String, to path: String, width: Int, height: Int, scratch: URL) throws {
        _ = try run(["--screenshot=\(path)", "--window-size=\(width),\(height)", "--hide-scrollbars",
                     URL(fileURLWithPath: page).absoluteString], scratch: scratch)
    }

    private func run(_ arguments: [String], scratch: URL) throws -> (stdout: String, stderr: String) {
        let profile = scratch.appendingPathComponent("chromium-\(UUID().uuidString)")
        let out = scratch.appendingPathComponent("chromium-\(UUID().uuidString).out")
        let err = scratch.appendingPathComponent("chromium-\(UUID().uuidString).err")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (String(decoding: try Data(contentsOf: out), as: UTF8.self), String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// The marks (`class="mark"` elements) of each chart (`<svg class="chart" data-chart="ID">`) in a DOM.
    static func marksPerChart(in dom: String) -> [String: Int] {
        var marks: [String: Int] = [:]
        for piece in dom.components(separatedBy: "<svg class=\"chart\" data-chart=\"").dropFirst() {
            guard let quote = piece.firstIndex(of: "\""), let end = piece.range(of: "</svg>") else { continue }
            let chart = String(piece[..<quote])
            marks[chart] = piece[..<end.lowerBound].components(separatedBy: "class=\"mark\"").count - 1
        }
        return marks
    }
}
