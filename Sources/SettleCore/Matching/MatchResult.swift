// SPDX-License-Identifier: GPL-3.0-or-later

/// How a matching round ended. Whether a solution exists is separate: see `MatchResult.placement`.
/// Ordered from best to worst: a year reports the worst of its rounds.
public enum MatchTermination: String, Sendable, Equatable, Comparable, CaseIterable {
    /// Proven within the gap tolerance.
    case optimal
    /// Every step ran to its end, but the placement is not proven within the tolerance: the
    /// bound is the LP (or Lagrangian) one, and the integer optimum may lie anywhere between.
    case gapAboveTolerance = "gap_above_tolerance"
    /// GLPK's branch and cut stopped at its node limit; the placement is the best found, with its gap.
    case nodeLimit = "node_limit"
    /// The time limit (a safety net) stopped the solver; the placement is the best found, with its gap.
    case timeLimit = "time_limit"
    /// A policy rule placed the households (status quo, proportional, random): nothing optimised, no bound.
    case ruleBased = "rule_based"
    /// The solver failed; households are left unplaced.
    case failed

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public struct MatchResult: Sendable {
    /// Municipality index for each household of the batch, or nil when it got no offer.
    public var placement: [Int?]
    public var termination: MatchTermination
    /// The method that placed the batch.
    public var method: SolveMethod
    /// Total value of the placement.
    public var objective: Double
    /// Proven upper bound on any placement's value.
    public var bound: Double
    /// (bound − objective) / |bound|; 0 for an empty batch.
    public var gap: Double
    /// Households that the LP relaxation split between municipalities.
    public var splitHouseholds: Int
    /// Households placed by the repair MIP.
    public var repairedHouseholds: Int
    public var seconds: Double
    /// How the solve ended where reports should say so, e.g. which stage stopped at its limit or why
    /// the solver failed.
    public var note: MatchNote?
    /// Evaluations of the dimension prices by the bundle method (lp-repair with dimensions).
    public var lagrangianSteps: Int = 0

    public static func gap(objective: Double, bound: Double) -> Double {
        let scale = max(abs(bound), 1e-9)
        return max(0, (bound - objective) / scale)
    }

    /// Nobody placed and nothing proven: the solver failed.
    static func failed(householdCount: Int, method: SolveMethod, note: MatchNote) -> MatchResult {
        MatchResult(
            placement: Array(repeating: nil, count: householdCount), termination: .failed, method: method,
            objective: 0, bound: .infinity, gap: 1, splitHouseholds: 0, repairedHouseholds: 0, seconds: 0, note: note)
    }
}
