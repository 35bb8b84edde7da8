// SPDX-License-Identifier: GPL-3.0-or-later

/// Which fractional variable branch-and-cut branches on (GLPK's `br_tech`).
public enum Branching: Sendable, CaseIterable {
    /// The first fractional variable.
    case firstFractional
    /// The last fractional variable.
    case lastFractional
    /// The variable whose value is closest to one half.
    case mostFractional
    /// Driebeck and Tomlin's heuristic, GLPK's default: a row of the simplex table per
    /// candidate at every node, costly when many variables are fractional.
    case driebeckTomlin
    /// Hybrid pseudocost branching.
    case pseudocost
}
