import GongdanStore
import GongdanText

/// The warning `gongdan check` and `gongdan hub verify` print when a database file (or its `-wal`
/// or `-shm`) is readable by other users, with the `chmod` that fixes it. A warning, not a problem:
/// the exit status stays 0.
enum FileModeWarning {
    static func lines(forDatabaseAt path: String, language: Language) -> [String] {
        PrivateFiles.exposedDatabaseFiles(at: path).map { file, mode in
            let octal = "0" + String(mode, radix: 8)
            return language.pick(
                "警告：\(file) 的权限是 \(octal)，同组或其他用户可以读取其中的数据和凭据。请运行：chmod 600 \(file)",
                "warning: \(file) has mode \(octal): other users can read its data and credentials. Fix it with: chmod 600 \(file)")
        }
    }
}
