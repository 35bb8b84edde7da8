// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

extension RoundNote {
    /// "day N: " and the note, as a year's report prints it.
    public var text: String { "day \(day): \(note.text)" }
}
