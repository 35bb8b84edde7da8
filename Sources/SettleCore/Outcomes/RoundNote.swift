// SPDX-License-Identifier: GPL-3.0-or-later

/// A round's `MatchNote` with the day of the round: what a year's matching summary points to.
public struct RoundNote: Sendable, Equatable {
    public var day: Int
    public var note: MatchNote

    public init(day: Int, note: MatchNote) {
        self.day = day
        self.note = note
    }
}
