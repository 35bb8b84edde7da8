// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation

/// Writes output files whole or not at all: to a temporary file beside the target, then renamed.
public enum OutputWriter {
    public static func write(_ text: String, to path: String, force: Bool) throws(InputError) {
        try writeAll([(path, text)], force: force)
    }

    /// Writes several files as one output: all temporary files first, then the renames, so an error or an
    /// interruption (see `Interruption`) leaves either every file or none of them new.
    public static func writeAll(_ files: [(path: String, text: String)], force: Bool) throws(InputError) {
        if !force {
            for file in files { try refuseExisting(file.path) }
        }
        try Interruption.critical { () throws(InputError) in
            var written: [(temporary: String, path: String)] = []
            for file in files {
                let temporary = temporaryPath(for: file.path)
                if let problem = writeWhole(file.text, to: temporary) {
                    for w in written { unlink(w.temporary) }
                    throw InputError(file: file.path, message: "cannot be written (\(problem)); \(advice(problem))")
                }
                written.append((temporary, file.path))
            }
            for (k, w) in written.enumerated() where rename(w.temporary, w.path) != 0 {
                let problem = String(cString: strerror(errno))
                for rest in written[k...] { unlink(rest.temporary) }
                throw InputError(file: w.path, message: "cannot be written (\(problem)); \(advice(problem))")
            }
        }
    }

    /// For files another library writes (GLPK's MPS and LP writers): `produce` writes the temporary path it
    /// is given, which is then renamed to `path`; on an error it is removed.
    public static func write(
        to path: String, force: Bool, _ produce: (_ temporary: String) throws -> Void
    ) throws(InputError) {
        if !force { try refuseExisting(path) }
        try Interruption.critical { () throws(InputError) in
            let temporary = temporaryPath(for: path)
            do {
                try produce(temporary)
            } catch {
                unlink(temporary)
                throw InputError(file: path, message: "cannot be written; check that its folder exists and is writable")
            }
            if rename(temporary, path) != 0 {
                let problem = String(cString: strerror(errno))
                unlink(temporary)
                throw InputError(file: path, message: "cannot be written (\(problem)); \(advice(problem))")
            }
        }
    }

    static func temporaryPath(for path: String) -> String {
        let folder = parentFolder(path)
        return (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
    }

    /// Writes `text` to a new file with POSIX calls (no hidden temporary files); returns the problem, if any.
    static func writeWhole(_ text: String, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let problem = String(cString: strerror(errno))
                close(fd)
                unlink(path)
                return problem
            }
            bytes = bytes.dropFirst(n)
        }
        if close(fd) != 0 {
            let problem = String(cString: strerror(errno))
            unlink(path)
            return problem
        }
        return nil
    }

    static func advice(_ problem: String) -> String {
        problem.lowercased().contains("space") ? "free some disk space" : "check that the folder exists and is writable"
    }

    /// Fails when `path` exists: outputs are only overwritten with --force.
    public static func refuseExisting(_ path: String) throws(InputError) {
        if FileManager.default.fileExists(atPath: path) {
            throw InputError(
                file: path, message: "already exists; pass --force to overwrite it or choose another --out")
        }
    }

    /// The folder part of `path` ("" for a bare name). Not `NSString.deletingLastPathComponent`:
    /// it traps on a one-character path (`--out a`, `settle run a`) in swift-corelibs-foundation.
    static func parentFolder(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Creates `folder` (and parents) when missing.
    public static func prepareFolder(_ folder: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw InputError(file: folder, message: "is a file; --out needs a folder") }
            return
        }
        // The folders this creates are removed again if the run is interrupted before writing into them.
        var missing: [String] = []
        var parent = folder
        while !parent.isEmpty && parent != "/" && !FileManager.default.fileExists(atPath: parent) {
            missing.append(parent)
            parent = parentFolder(parent)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: folder, message: "cannot create the folder; check the path and permissions")
        }
        for created in missing.reversed() { Interruption.registerCreatedFolder(created) }
    }
}
