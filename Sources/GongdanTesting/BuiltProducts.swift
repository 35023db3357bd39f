import Foundation

/// Where `swift build` put the package's executables, for tests that run them as real processes.
public enum BuiltProducts {
    /// The build products directory (e.g. `.build/debug`), found from the running test binary.
    public static var directory: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("gongdan").path) { return url }
        }
        return Bundle.main.bundleURL
    }

    /// The `gongdan` executable.
    public static var gongdan: URL { directory.appendingPathComponent("gongdan") }
}
