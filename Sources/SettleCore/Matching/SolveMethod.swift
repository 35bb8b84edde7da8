// SPDX-License-Identifier: GPL-3.0-or-later

/// How a matching round was actually solved, as reports show it. The scenario asks with
/// `MatchingMethod`, whose `auto` always resolves to `exact` or `lpRepair` and so never appears here.
public enum SolveMethod: Sendable, Hashable, CaseIterable {
    /// GLPK branch and cut on the whole batch (`ExactMIP`).
    case exact
    /// Transportation LP, diving and a repair MIP (`LPRepair`).
    case lpRepair
    /// A policy rule placed the households (status quo, proportional, random): nothing optimised.
    case ruleBased
}
