import ArgumentParser

/// A `gongdan` subcommand that takes the shared options (`--db`, `--json`, `--lang`, `--as`).
///
/// ``Gongdan/main()`` reads ``global`` to render an error in the language the user asked for.
protocol GongdanCommand: ParsableCommand {
    var global: GlobalOptions { get }
}
