import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lock `gongdan hub serve` holds on its database while it runs: an exclusive advisory lock
/// (`flock`) on `PATH.serving`, which names the serving process. The kernel releases it when the
/// process ends, however it ends. `gongdan hub restore` takes the same lock, so a backup is never
/// put in place under a running hub (whose later writes would go to the replaced file and be lost
/// with it), and a second `hub serve` on the same database is refused.
public final class HubServeLock: Sendable {
    /// The lock file's path.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock of the hub database at `databasePath`, or throws `HubStoreError.hubServing`
    /// naming the process that holds it.
    public static func acquire(for databasePath: String, purpose: String) throws -> HubServeLock {
        let path = databasePath + ".serving"
        let directory = (path as NSString).deletingLastPathComponent
        try PrivateFiles.createDirectory(atPath: directory.isEmpty ? "." : directory)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
        guard descriptor >= 0 else {
            throw HubStoreError.invalidInput("cannot open the hub's lock file \(path): \(String(cString: strerror(errno))); check the folder's permissions")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(readingFrom: descriptor)
            close(descriptor)
            throw HubStoreError.hubServing(path: databasePath, holder: holder)
        }
        let note = "\(getpid()) \(purpose)\n"
        _ = ftruncate(descriptor, 0)
        _ = note.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return HubServeLock(path: path, descriptor: descriptor)
    }

    /// What the holding process wrote: its pid and what it does.
    private static func holder(readingFrom descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "another process" }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let space = text.firstIndex(of: " ") else { return "process \(text)" }
        return "process \(text[..<space]) (\(text[text.index(after: space)...]))"
    }
}
