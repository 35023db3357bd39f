import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How Gongdan creates the files and folders that hold the district's data — replicas (with the node's
/// private key and token), the hub database, backups, bundles: owner-only (files 0600, folders 0700),
/// whatever the process's umask. SQLite gives a database's `-wal`, `-shm` and `-journal` files the mode
/// of the database file, so creating the database file 0600 before SQLite opens it covers them too.
///
/// Existing files and folders keep their mode (an operator may have chosen it);
/// ``exposure(ofFileAt:)`` tells `gongdan check` and `gongdan hub verify` when one is readable by others.
public enum PrivateFiles {
    /// The mode of the files Gongdan creates: read and write for the owner only.
    public static let fileMode: mode_t = 0o600
    /// The mode of the folders Gongdan creates.
    public static let directoryMode: mode_t = 0o700

    /// Creates `path` and any missing parent folders, each 0700. Existing folders are left as they are.
    public static func createDirectory(atPath path: String) throws {
        let absolute = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = (absolute as NSString).deletingLastPathComponent
        if parent != absolute, !parent.isEmpty { try createDirectory(atPath: parent) }
        if mkdir(absolute, directoryMode) != 0 {
            guard errno == EEXIST else { throw posixError(path: absolute) }
            return
        }
        // mkdir's mode passes through the umask, which can only remove bits; set it exactly.
        if chmod(absolute, directoryMode) != 0 { throw posixError(path: absolute) }
    }

    /// Creates the parent folder of `path` (0700) and, when `path` does not exist, an empty file there
    /// with mode 0600. An existing file is left as it is. SQLite reads an empty file as an empty database.
    public static func prepareFile(atPath path: String) throws {
        let parent = (URL(fileURLWithPath: path).standardizedFileURL.path as NSString).deletingLastPathComponent
        try createDirectory(atPath: parent)
        try createFile(atPath: path)
    }

    /// Creates an empty file at `path` with mode 0600 when there is none (its folder must exist);
    /// an existing file is left as it is.
    public static func createFile(atPath path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if descriptor < 0 {
            guard errno == EEXIST else { throw posixError(path: path) }
            return
        }
        defer { close(descriptor) }
        if fchmod(descriptor, fileMode) != 0 { throw posixError(path: path) }
    }

    /// The permission bits of the file at `path` when its group or other users may read or write it
    /// (nil when it is private or absent): what `gongdan check` and `gongdan hub verify` warn about.
    public static func exposure(ofFileAt path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let permissions = info.st_mode & 0o777
        return permissions & 0o066 == 0 ? nil : permissions
    }

    /// The database file at `path` and its `-wal` and `-shm` beside it that others may read, with their
    /// permission bits, in that order.
    public static func exposedDatabaseFiles(at path: String) -> [(path: String, mode: mode_t)] {
        ["", "-wal", "-shm"].compactMap { suffix in
            exposure(ofFileAt: path + suffix).map { (path + suffix, $0) }
        }
    }

    private static func posixError(path: String) -> any Error {
        let code = errno
        return NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                       userInfo: [NSLocalizedDescriptionKey: "\(path): \(String(cString: strerror(code)))"])
    }
}
