// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// Prices on the extra capacity dimensions (row-major dimension × municipality) that minimise
/// the Lagrangian bound φ(μ) = Σ μ·capacity + T(μ), where T(μ) is the transportation LP with
/// each household's profits lowered by its priced demand.
///
/// A box-step cutting-plane (bundle) method: each evaluation gives a cut
/// φ(μ) ≥ φ(μᵢ) + gᵢ·(μ − μᵢ) with gᵢ = capacity − load (a subgradient); GLPK minimises the cuts'
/// maximum within a box around the best point so far. Plain subgradient steps needed hundreds
/// of evaluations for a 0.1 % bound on the default scenario (measured); this needs tens.
struct DimensionPricing {
    /// Bundle evaluations at most.
    static let maximumSteps = 40

    /// The best certified bound found (never above the `bound` the pricing started from).
    let bound: Double
    /// Bundle evaluations made.
    let steps: Int
    /// Prices at the best point.
    let mu: [Double]
    /// The priced LP, solved at `mu`.
    let lp: WarmTransportation

    /// Prices the dimensions of `batch` from μ = 0, given its per-person `profit` and the LP's
    /// `bound` at μ = 0. Works on an LP of its own, returned solved at the best prices. Stops
    /// once the bound is at or below `enough` (it then certifies the placement it was asked for).
    static func price(
        _ batch: MatchingBatch, dimensions dims: [CapacityDimension], profit: [Double], bound start: Double,
        gapTolerance: Double, enough: Double = -.infinity
    ) -> DimensionPricing {
        let H = batch.householdCount
        let M = batch.municipalityCount
        let K = dims.count
        let N = K * M
        let sizes = batch.households.map(\.size)
        let lp = WarmTransportation(supply: sizes, capacity: batch.capacity, profit: profit)
        lp.solve()
        let specials = (0..<H).filter { h in dims.contains { $0.demand[h] > 0 } }
        var mu = [Double](repeating: 0, count: N)
        var capacity = [Double](repeating: 0, count: N)
        for k in 0..<K { for m in 0..<M { capacity[k * M + m] = Double(dims[k].capacity[m]) } }

        /// φ from the current flows (primal value, consistent with the subgradient) and g.
        func evaluate() -> (value: Double, gradient: [Double]) {
            var load = [Double](repeating: 0, count: N)
            var value = 0.0
            lp.forEachFlow { h, m, amount in
                value += lp.profit(h, m) * Double(amount)
                let share = Double(amount) / Double(sizes[h])
                for k in 0..<K {
                    let d = dims[k].demand[h]
                    if d > 0 { load[k * M + m] += Double(d) * share }
                }
            }
            var gradient = [Double](repeating: 0, count: N)
            for i in 0..<N {
                value += mu[i] * capacity[i]
                gradient[i] = capacity[i] - load[i]
            }
            return (value, gradient)
        }
        func setPrices(_ prices: [Double]) {
            mu = prices
            for h in specials {
                for m in 0..<M where lp.profit(h, m) > -.infinity {
                    var v = batch.value(h, m)
                    for k in 0..<K where dims[k].demand[h] > 0 { v -= Double(dims[k].demand[h]) * mu[k * M + m] }
                    lp.setProfit(h, m, v / Double(sizes[h]))
                }
                lp.rowChanged(h)
            }
            lp.solve()
        }
        func certified() -> Double {
            var priced = 0.0
            for i in 0..<N { priced += mu[i] * capacity[i] }
            return priced + lp.dualBound()
        }

        var best = start
        var center = mu
        var (centerValue, gradient) = evaluate()
        var cuts: [(point: [Double], value: Double, gradient: [Double])] = [(mu, centerValue, gradient)]
        // Rows that were ever overloaded or priced: the only prices the master moves.
        var active = Set((0..<N).filter { gradient[$0] < -1e-9 })
        let valueScale = (0..<H).reduce(0.0) { total, h in
            max(total, (0..<M).reduce(0.0) { max($0, batch.value(h, $1)) })
        }
        var box = max(1, valueScale / 4)
        var steps = 0
        var nullSteps = 0
        while steps < maximumSteps && !active.isEmpty && best > enough {
            let rows = active.sorted()
            var model = LinearModel(name: "settle_prices", sense: .minimize)
            let z = model.addVariable(name: "z", lower: nil, upper: nil, objective: 1)
            var variable: [Int] = []
            for i in rows {
                variable.append(
                    model.addVariable(name: "mu\(i)", lower: max(0, center[i] - box), upper: center[i] + box))
            }
            for (c, cut) in cuts.enumerated() {
                // z − Σ gᵢ μᵢ ≥ φⱼ − Σ gᵢ μⱼᵢ (prices outside `rows` stay 0 at every point).
                var constant = cut.value
                for i in 0..<N where cut.point[i] != 0 { constant -= cut.gradient[i] * cut.point[i] }
                model.addConstraint(
                    name: "cut\(c)", lower: constant, indices: [z] + variable,
                    coefficients: [1] + rows.map { -cut.gradient[$0] })
            }
            guard let solved = try? GLPKSolver.solve(model), let values = solved.values,
                let predicted = solved.objective
            else { break }
            steps += 1
            if centerValue - predicted <= 0.05 * gapTolerance * abs(centerValue) { break }
            var trial = [Double](repeating: 0, count: N)
            for (j, i) in rows.enumerated() { trial[i] = max(0, values[variable[j]]) }
            setPrices(trial)
            let evaluated = evaluate()
            best = min(best, certified())
            cuts.append((trial, evaluated.value, evaluated.gradient))
            for i in 0..<N where evaluated.gradient[i] < -1e-9 { active.insert(i) }
            if evaluated.value <= centerValue - 0.1 * (centerValue - predicted) {
                center = trial
                centerValue = evaluated.value
                nullSteps = 0
                box *= 1.5
            } else {
                nullSteps += 1
                if nullSteps >= 2 {
                    box /= 2
                    nullSteps = 0
                }
            }
        }
        if mu != center {
            setPrices(center)
            best = min(best, certified())
        }
        return DimensionPricing(bound: best, steps: steps, mu: mu, lp: lp)
    }
}
