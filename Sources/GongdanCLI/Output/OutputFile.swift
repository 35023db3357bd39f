import Foundation
import GongdanStore

/// Writes a command's output file whole or not at all: into a temporary file beside it, flushed
/// to disk, then renamed over the target. An existing file — or a symbolic link, even a dangling
/// one — is replaced only when asked, and then the link itself is replaced: a write never goes
/// through a link to wherever it points. The file is owner-only (0600, ``PrivateFiles``): bundles carry
/// the district's tickets.
enum OutputFile {
    static func write(_ data: Data, to path: String, replacing: Bool) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        let followed = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        // `attributesOfItem` does not follow a final symbolic link, so a dangling link counts as there.
        if followed || (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil {
            guard !(followed && isDirectory.boolValue) else {
                throw CLIError.unwritableFile(path: path, reason: "it is a directory; give a file name, e.g. \(path)/bundle.gdbundle")
            }
            guard replacing else {
                throw CLIError.unwritableFile(path: path, reason: "the file exists; choose another name or add --force to replace it")
            }
        }
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try PrivateFiles.createFile(atPath: temporary.path)
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
            if rename(temporary.path, url.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch let error as CLIError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError.unwritableFile(path: path, reason: "\(error.localizedDescription) (is the folder \(directory.path) there and writable, and the disk not full?)")
        }
    }

    static func read(_ path: String, limit: Int) throws -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limit {
            throw CLIError.unreadableFile(path: path, reason: "it is over \(limit >> 20) MiB, larger than any bundle")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.unreadableFile(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
