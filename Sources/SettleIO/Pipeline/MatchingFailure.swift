// SPDX-License-Identifier: GPL-3.0-or-later

/// A matching round failed: not the user's input, so the CLI exits with status 1.
public struct MatchingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
