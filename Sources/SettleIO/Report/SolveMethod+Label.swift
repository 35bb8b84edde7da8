// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

extension SolveMethod {
    /// The name reports print; `exact` and `lp-repair` as the scenario key `matching.method` spells them.
    public var label: String {
        switch self {
        case .exact: "exact"
        case .lpRepair: "lp-repair"
        case .ruleBased: "rule-based"
        }
    }

    /// A year's methods in one word: the one method, `mixed` when its rounds differ, `none` without rounds.
    public static func label(of methods: [SolveMethod]) -> String {
        switch methods.count {
        case 0: "none"
        case 1: methods[0].label
        default: "mixed"
        }
    }
}
