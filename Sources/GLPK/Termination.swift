// SPDX-License-Identifier: GPL-3.0-or-later

/// Why a solve stopped.
public enum Termination: Sendable, Equatable {
    /// Proven optimal; for a MIP, within `SolveOptions.relativeGap`.
    case optimal
    case infeasible
    /// The objective is unbounded. For a MIP this can also mean that the LP
    /// relaxation is unbounded while the integer problem is infeasible.
    case unbounded
    case timeLimit
    case iterationOrOtherLimit
    /// Branch-and-cut stopped at an incumbent that reached `SolveOptions.objectiveTarget`.
    case targetReached
    /// GLPK failed or returned a code this layer does not know; the text says which.
    case numericalFailure(String)
}
