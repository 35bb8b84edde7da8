// SPDX-License-Identifier: GPL-3.0-or-later

/// What a solve produced. Indices follow the model's 0-based variables and constraints.
public struct SolveResult: Sendable {
    public var termination: Termination
    /// The primal solution if one exists, also the incumbent after a limit; `nil` otherwise
    /// (in particular for infeasible and unbounded problems).
    public var values: [Double]?
    /// Objective of `values`, including `LinearModel.objectiveConstant`.
    public var objective: Double?
    /// Best proven bound: the best open node's bound for a MIP, the objective for an optimal LP.
    public var bound: Double?
    /// `|bound - objective| / max(1e-9, |objective|)` when both exist.
    public var relativeGap: Double?
    /// Constraint duals (LP only, when optimal).
    public var rowDuals: [Double]?
    /// Variable reduced costs (LP only, when optimal).
    public var reducedCosts: [Double]?
    /// Wall-clock time of the whole call, including building the GLPK problem.
    public var seconds: Double

    public var hasSolution: Bool { values != nil }

    public init(
        termination: Termination, values: [Double]? = nil, objective: Double? = nil,
        bound: Double? = nil, relativeGap: Double? = nil, rowDuals: [Double]? = nil,
        reducedCosts: [Double]? = nil, seconds: Double = 0
    ) {
        self.termination = termination
        self.values = values
        self.objective = objective
        self.bound = bound
        self.relativeGap = relativeGap
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.seconds = seconds
    }
}
