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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, message: "cannot be read; check its permissions")
        }
        return try decode(data, name: name)
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
