/// Why a backup or a restore was refused. Nothing was written or replaced; each case says what to do.
public enum BackupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The backup's target file exists and `--force` was not given.
    case targetExists(path: String)
    /// The file to restore is not there.
    case missingFile(path: String)
    /// The file to restore is not an SQLite database Gongdan wrote.
    case notGongdanDatabase(path: String, reason: String)
    /// The file is a Gongdan database of the other kind (a hub backup given to `restore`, …).
    case wrongKind(path: String, expected: BackupSummary.Kind, found: BackupSummary.Kind)
    /// `PRAGMA integrity_check` found damage.
    case damaged(path: String, problems: [String])
    /// The database to restore over exists and `--force` was not given.
    case databaseExists(path: String)
    /// The file could not be written or renamed.
    case io(path: String, reason: String)
    /// The database's schema is not the one its migrations make (an added trigger, table, view or index).
    case foreignSchema(path: String, differences: [String])

    public var description: String {
        switch self {
        case .targetExists(let path):
            "\(path) exists; nothing was written — choose another name with --out, or add --force to replace it"
        case .missingFile(let path):
            "there is no file at \(path); give the backup file `gongdan backup --out` (or `gongdan hub backup --out`) wrote"
        case .notGongdanDatabase(let path, let reason):
            "\(path) is not a Gongdan database (\(reason)); nothing was restored — give a file `gongdan backup` or `gongdan hub backup` wrote"
        case .wrongKind(let path, let expected, let found):
            "\(path) is a \(found == .hub ? "hub" : "node replica") backup, not a \(expected == .hub ? "hub" : "node replica") one; nothing was restored — use `gongdan \(found == .hub ? "hub restore" : "restore")` for it"
        case .damaged(let path, let problems):
            "\(path) fails SQLite's integrity check (\(problems.prefix(3).joined(separator: "; "))); nothing was restored — use an older backup"
        case .databaseExists(let path):
            "a database exists at \(path); nothing was restored — add --force to replace it (it is kept as \(path).replaced-YYYYMMDDTHHMMSS), or restore to another --db path"
        case .io(let path, let reason):
            "could not write \(path) (\(reason)); nothing was replaced — check that the folder is writable and the disk not full"
        case .foreignSchema(let path, let differences):
            "\(path) holds a schema Gongdan did not make (\(differences.prefix(5).joined(separator: "; "))\(differences.count > 5 ? "; …" : "")); nothing was restored — the file was altered: use a backup you made yourself and keep backups where only the operator can write"
        }
    }
}
