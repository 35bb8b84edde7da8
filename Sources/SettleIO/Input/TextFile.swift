// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation

/// Reads text files the way spreadsheets and editors write them: UTF-8, with or
/// without a byte-order mark, with Unix or Windows line endings.
public enum TextFile {
    /// Files larger than this are refused before they are read into memory.
    public static let maximumBytes = 512 * 1024 * 1024

    public static func read(_ path: String, displayName: String? = nil) throws(InputError) -> String {
        let name = displayName ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: name, message: "no such file; check the path")
        }
        if isDirectory.boolValue {
            throw InputError(file: name, message: "is a folder, not a file; name a file inside it")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumBytes {
            throw InputError(
                file: name,
                message: "is \(size / 1_048_576) MiB, above the \(maximumBytes / 1_048_576) MiB limit; split or trim it"
            )
        }
        return try decode(readBounded(path, name: name), name: name)
    }

    /// Reads at most `maximumBytes`: a pipe (`<(...)`) is fine, a device such as /dev/zero is refused.
    static func readBounded(_ path: String, name: String) throws(InputError) -> Data {
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFCHR || kind == S_IFBLK || kind == S_IFSOCK {
                throw InputError(file: name, message: "is a device, not a file; name a text file")
            }
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let problem = String(cString: strerror(errno))
            throw InputError(file: name, message: "cannot be read (\(problem)); check its permissions")
        }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                let problem = String(cString: strerror(errno))
                throw InputError(file: name, message: "cannot be read (\(problem)); check that it is a text file")
            }
            if n == 0 { return data }
            data.append(contentsOf: buffer[..<n])
            if data.count > maximumBytes {
                throw InputError(
                    file: name, message: "is above the \(maximumBytes / 1_048_576) MiB limit; split or trim it")
            }
        }
    }

    public static func decode(_ data: Data, name: String) throws(InputError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(file: name, message: "is UTF-16 text; save it as UTF-8")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputError(
                file: name, line: line, message: "is not valid UTF-8 text (byte \(bad + 1)); save it as UTF-8")
        }
        if bytes.contains(0) {
            let at = bytes.firstIndex(of: 0)!
            let line = bytes[..<at].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputError(file: name, line: line, message: "contains a NUL byte; this is not a text file")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length: Int
            if b < 0x80 {
                i += 1; continue
            } else if b & 0xE0 == 0xC0, b >= 0xC2 {
                length = 2
            } else if b & 0xF0 == 0xE0 {
                length = 3
            } else if b & 0xF8 == 0xF0, b <= 0xF4 {
                length = 4
            } else {
                return i
            }
            if i + length > n { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            // Overlong three-byte forms and UTF-16 surrogates.
            if length == 3 {
                let c = bytes[i + 1]
                if (b == 0xE0 && c < 0xA0) || (b == 0xED && c >= 0xA0) { return i }
            }
            if length == 4 {
                let c = bytes[i + 1]
                if (b == 0xF0 && c < 0x90) || (b == 0xF4 && c >= 0x90) { return i }
            }
            i += length
        }
        return nil
    }
}

/// `read(2)`, for code inside types with a `read` method of their own.
func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
