import Foundation

/// Writes output files whole or not at all: to a temporary file beside the target, then renamed.
public enum OutputWriter {
    public static func write(_ text: String, to path: String, force: Bool) throws(InputError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) && !force {
            throw InputError(
                file: path, message: "already exists; pass --force to overwrite it or choose another --out")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        guard manager.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw InputError(file: path, message: "cannot be written; check that the folder exists and is writable")
        }
        if rename(temporary, path) != 0 {
            unlink(temporary)
            throw InputError(
                file: path,
                message: "cannot be written (\(String(cString: strerror(errno)))); check the folder's permissions")
        }
    }

    /// Creates `folder` (and parents) when missing.
    public static func prepareFolder(_ folder: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw InputError(file: folder, message: "is a file; --out needs a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: folder, message: "cannot create the folder; check the path and permissions")
        }
    }
}
