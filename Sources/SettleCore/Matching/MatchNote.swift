// SPDX-License-Identifier: GPL-3.0-or-later

/// A remark on how a round's solve ended, as data: which stage stopped where, or why the solver
/// failed. Reports word it (SettleIO's `MatchNote.text`); the core only says which.
public enum MatchNote: Sendable, Equatable, Hashable {
    /// How GLPK's branch and cut ended short of a proof.
    public enum Stop: Sendable, Equatable, Hashable {
        case timeLimit
        case nodeLimit
        /// GLPK's own words for what went wrong.
        case numericalFailure(String)
        /// It ended without proving the gap tolerance.
        case unproven
    }

    /// The repair MIP stopped at its time limit (a safety net).
    case repairMIPTimeLimit
    /// The repair MIP stopped at its node limit.
    case repairMIPNodeLimit
    /// The repair MIP found nothing better than the greedy placement it started from.
    case repairMIPFoundNothingBetter
    /// lp-repair ended above the tolerance before column generation could run.
    case aboveToleranceAfterRepair
    /// The round has more households than column generation and the set packing take.
    case tooLargeForColumnGeneration(householdLimit: Int)
    /// Column generation stopped at its solve count, its bound still above the relaxation's optimum.
    case columnGenerationStopped(solves: Int)
    /// The bound is the knapsack relaxation's optimum (column generation converged) and the
    /// placement the set packing's best: only branching could lower that bound.
    case relaxationOptimumReached
    /// The exact method's branch and cut stopped short of a proof; `beforePlacement` when it had no
    /// placement yet and lp-repair placed the batch.
    case branchAndCutStopped(Stop, beforePlacement: Bool)
    /// The solver failed; the solver layer's message.
    case failed(String)
}
