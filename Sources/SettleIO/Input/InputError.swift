// SPDX-License-Identifier: GPL-3.0-or-later

/// Bad input, described in one line: where it is and what to do about it.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        let text = message.replacingOccurrences(of: "\n", with: " ")
        if let key { return "\(location): \(key): \(text)" }
        return "\(location): \(text)"
    }
}
