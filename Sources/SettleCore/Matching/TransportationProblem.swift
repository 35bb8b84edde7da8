// SPDX-License-Identifier: GPL-3.0-or-later

/// The LP relaxation of household → municipality matching, written in person-flows:
/// maximise Σ profit[h][m]·y[h][m] subject to Σ_m y[h][m] ≤ supply[h],
/// Σ_h y[h][m] ≤ capacity[m], y ≥ 0. Always feasible (y = 0) and bounded.
///
/// `init` stores the arrays as given and checks nothing, so hot paths that build
/// problems from already-checked data pay nothing. Callers with untrusted input use
/// `validated(supply:capacity:profit:)` (or `validate()` after mutating the `var`s);
/// `TransportationSolver.solve` traps on a problem that `validate()` would reject.
public struct TransportationProblem: Sendable {
    public let sourceCount: Int
    public let sinkCount: Int
    /// Persons per source (household), ≥ 0.
    public var supply: [Int]
    /// Persons per sink (municipality), ≥ 0.
    public var capacity: [Int]
    /// Row-major `sourceCount × sinkCount`, per unit of flow. Finite, or
    /// `-Double.infinity` for a pair that is not allowed. Never NaN or `+infinity`.
    public var profit: [Double]

    /// Unchecked: see the type's documentation.
    public init(supply: [Int], capacity: [Int], profit: [Double]) {
        self.sourceCount = supply.count
        self.sinkCount = capacity.count
        self.supply = supply
        self.capacity = capacity
        self.profit = profit
    }

    /// Builds a problem and checks it with `validate()`.
    public static func validated(
        supply: [Int], capacity: [Int], profit: [Double]
    ) throws(TransportationProblemError) -> TransportationProblem {
        let problem = TransportationProblem(supply: supply, capacity: capacity, profit: profit)
        try problem.validate()
        return problem
    }

    /// Throws the first defect found: shape, negative supply or capacity, NaN or `+infinity` profit.
    public func validate() throws(TransportationProblemError) {
        guard supply.count == sourceCount, capacity.count == sinkCount else {
            throw .countMismatch
        }
        let (cells, overflow) = sourceCount.multipliedReportingOverflow(by: sinkCount)
        guard !overflow, profit.count == cells else {
            throw .profitCountMismatch(expected: overflow ? Int.max : cells, actual: profit.count)
        }
        if let h = supply.firstIndex(where: { $0 < 0 }) { throw .negativeSupply(source: h) }
        if let m = capacity.firstIndex(where: { $0 < 0 }) { throw .negativeCapacity(sink: m) }
        // -infinity is the "not allowed" marker; anything else non-finite would poison the duals.
        if let i = profit.firstIndex(where: { !($0.isFinite || $0 == -.infinity) }) {
            throw .invalidProfit(source: i / sinkCount, sink: i % sinkCount)
        }
    }

    /// Profit per unit of flow on (source, sink); `-infinity` when not allowed.
    @inlinable
    public func profit(source: Int, sink: Int) -> Double {
        profit[source * sinkCount + sink]
    }
}

public enum TransportationProblemError: Error, Equatable, Sendable {
    /// `supply` or `capacity` was resized after `init`, so it disagrees with `sourceCount`/`sinkCount`.
    case countMismatch
    case profitCountMismatch(expected: Int, actual: Int)
    case negativeSupply(source: Int)
    case negativeCapacity(sink: Int)
    /// NaN or `+infinity`.
    case invalidProfit(source: Int, sink: Int)
}

public struct TransportationSolution: Sendable, Equatable {
    public struct Flow: Sendable, Equatable {
        public var source: Int
        public var sink: Int
        public var amount: Int

        public init(source: Int, sink: Int, amount: Int) {
            self.source = source
            self.sink = sink
            self.amount = amount
        }
    }

    /// Positive flows only, sorted by (source, sink).
    public var flows: [Flow]
    /// Σ profit·y over `flows`.
    public var objective: Double
    /// u_h ≥ 0, the dual of the supply row: the smallest value making every allowed pair
    /// of source h dual feasible for `sinkPrice`, so the duals are feasible exactly.
    public var sourcePotential: [Double]
    /// λ_m ≥ 0, the dual of the capacity row, per unit.
    public var sinkPrice: [Double]
    public var pivots: Int
    /// Upper bound from the duals: Σ supply·u + Σ capacity·λ, valid whenever u,λ ≥ 0 and
    /// u_h + λ_m ≥ profit[h][m] for every allowed pair (which holds here by construction).
    public var dualBound: Double
    /// False only if the solver stopped at its pivot safety limit; `flows` are then still
    /// feasible and `dualBound` still a valid bound, just not equal to `objective`.
    public var isOptimal: Bool

    public init(
        flows: [Flow], objective: Double, sourcePotential: [Double], sinkPrice: [Double],
        pivots: Int, dualBound: Double, isOptimal: Bool = true
    ) {
        self.flows = flows
        self.objective = objective
        self.sourcePotential = sourcePotential
        self.sinkPrice = sinkPrice
        self.pivots = pivots
        self.dualBound = dualBound
        self.isOptimal = isOptimal
    }
}

/// Lagrangian upper bound for any sink prices λ:
/// Σ_m capacity_m·λ_m + Σ_h supply_h · max(0, max_m(profit[h][m] − λ_m)).
///
/// Valid for every λ ≥ 0 independent of how λ was found, so callers can certify a gap
/// without trusting solver tolerances. Negative prices are treated as 0 (keeps it valid).
/// Requires `sinkPrice.count == problem.sinkCount` and a problem that passes `validate()`.
public func dualBound(problem: TransportationProblem, sinkPrice: [Double]) -> Double {
    precondition(sinkPrice.count == problem.sinkCount, "one price per sink")
    let sinks = problem.sinkCount
    precondition(problem.profit.count == problem.sourceCount * sinks, "profit shape")
    let price = sinkPrice.map { Swift.max(0, $0) }
    return problem.profit.withUnsafeBufferPointer { profit in
        guard let base = profit.baseAddress else {
            return zip(problem.capacity, price).reduce(0.0) { $0 + ($1.0 > 0 ? Double($1.0) * $1.1 : 0) }
        }
        return DualBound.bound(profit: base, supply: problem.supply, capacity: problem.capacity, price: price)
    }
}
