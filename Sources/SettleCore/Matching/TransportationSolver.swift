// SPDX-License-Identifier: GPL-3.0-or-later

/// Exact LP solver for `TransportationProblem`: a primal network simplex on the balanced
/// transportation network (see `TransportationNetwork`). Deterministic: large problems price
/// on two threads, with the same pivots as on one.
public enum TransportationSolver {
    /// Solves the LP; the basic optimum is integral because supplies and capacities are.
    /// Traps (precondition) on a problem that `TransportationProblem.validate()` rejects.
    public static func solve(_ problem: TransportationProblem) -> TransportationSolution {
        solve(problem, pairedScanFrom: TransportationNetwork.pairedScanRows)
    }

    /// `pairedScanFrom`: households from which pricing uses two threads; `passRows`: rows a
    /// pricing pass reads once it has a candidate. Tests vary them; pairing must not change the solution.
    static func solve(
        _ problem: TransportationProblem, pairedScanFrom: Int, passRows: Int = TransportationNetwork.passRows
    ) -> TransportationSolution {
        let sources = problem.sourceCount
        let sinks = problem.sinkCount
        precondition(problem.supply.count == sources && problem.capacity.count == sinks, "counts")
        precondition(problem.profit.count == sources * sinks, "profit must be sourceCount × sinkCount")
        precondition(!problem.supply.contains { $0 < 0 }, "negative supply")
        precondition(!problem.capacity.contains { $0 < 0 }, "negative capacity")
        guard sources > 0, sinks > 0 else {
            return TransportationSolution(
                flows: [], objective: 0, sourcePotential: Array(repeating: 0, count: sources),
                sinkPrice: Array(repeating: 0, count: sinks), pivots: 0, dualBound: 0)
        }
        return problem.profit.withUnsafeBufferPointer { profit in
            let network = TransportationNetwork(
                supply: problem.supply, capacity: problem.capacity, profit: profit.baseAddress!)
            network.pairedScanFrom = pairedScanFrom
            network.passRowsLimit = passRows
            let optimal = network.run()
            return network.solution(isOptimal: optimal)
        }
    }
}
