// SPDX-License-Identifier: GPL-3.0-or-later

/// How `GLPKSolver` runs. Invalid values (negative or NaN time limit, negative
/// or non-finite gap) are rejected with `GLPKError.invalidModel`.
public struct SolveOptions: Sendable {
    /// Wall-clock limit; `nil` means none. Passed to GLPK in whole milliseconds,
    /// rounded up and capped at `Int32.max` (about 24.8 days).
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which branch-and-cut may stop and call the incumbent optimal.
    public var relativeGap: Double
    /// Lets GLPK print its progress to the terminal.
    public var verbose: Bool
    /// Runs GLPK's MIP presolver. LPs never use the LP presolver, so that
    /// infeasible and unbounded LPs are reported by the simplex with a status.
    /// Without presolve a MIP's root relaxation is solved by the simplex first.
    public var presolve: Bool
    /// Branch-and-cut stops after this many tree nodes (`iterationOrOtherLimit`, keeping the
    /// incumbent). Unlike a time limit it gives the same answer on every machine.
    public var nodeLimit: Int?
    /// Which fractional variable branch-and-cut branches on.
    public var branching: Branching
    /// A MIP start: a point, one value per variable, that satisfies every bound, constraint and
    /// integrality (checked; `invalidModel` otherwise). GLPK takes it as its incumbent once the
    /// root's LP is solved, so it prunes from there on and returns nothing worse (unless the time
    /// limit ends the search before the root). With a start the MIP presolver is off: GLPK takes
    /// the point on the problem as given. MIPs only: an LP or a relaxation ignores it.
    public var start: [Double]?
    /// Branch-and-cut stops at the first of its calls back at which the incumbent (the start
    /// included) reaches this objective, at least it when maximising and at most when minimising:
    /// `Termination.targetReached`. MIPs only.
    public var objectiveTarget: Double?

    public init(
        timeLimitSeconds: Double? = nil, relativeGap: Double = 1e-6, verbose: Bool = false,
        presolve: Bool = true, nodeLimit: Int? = nil, branching: Branching = .driebeckTomlin,
        start: [Double]? = nil, objectiveTarget: Double? = nil
    ) {
        self.nodeLimit = nodeLimit
        self.branching = branching
        self.start = start
        self.objectiveTarget = objectiveTarget
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.verbose = verbose
        self.presolve = presolve
    }
}
