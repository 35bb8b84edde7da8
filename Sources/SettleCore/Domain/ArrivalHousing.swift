// SPDX-License-Identifier: GPL-3.0-or-later

/// Where a household lives when its permit is granted. Only households that do not live in
/// reception may settle by agreement; those in reception are settled by IMDi.
public enum ArrivalHousing: String, Sendable, CaseIterable {
    /// A reception centre or emergency accommodation: IMDi settles the household.
    case reception
    /// Living privately (with family, friends or a host): the household may apply to IMDi,
    /// look for an agreed self-settlement, or ask for nothing.
    case privately = "private"
}
