// SPDX-License-Identifier: GPL-3.0-or-later

/// The policies IMDi can match by. Optimising ones go through `BatchMatcher`, the others
/// are simple rules; all respect the same decisions and sub-capacities.
extension Simulation {
    func assign(_ batch: MatchingBatch, pool: [Int], day: Int, state: State) -> MatchResult {
        let policy = scenario.spec.policy
        switch policy.mechanism {
        case .optimal:
            return BatchMatcher.match(batch, options: scenario.spec.matching)
        case .balanced:
            var priced = batch
            applyPrices(balancingPrices(day: day, state: state), to: &priced)
            return BatchMatcher.match(priced, options: scenario.spec.matching)
        case .dynamicDualPrice:
            var priced = batch
            applyPrices(dualPrices(batch, day: day, state: state), to: &priced)
            return BatchMatcher.match(priced, options: scenario.spec.matching)
        case .statusQuo, .proportional, .random:
            return ruleBased(batch, pool: pool, day: day)
        }
    }

    /// Subtracts a per-person price of each municipality from every value.
    func applyPrices(_ prices: [Double], to batch: inout MatchingBatch) {
        let count = batch.municipalityCount
        for (k, household) in batch.households.enumerated() {
            let size = Double(household.size)
            for m in 0..<count where batch.isAllowed(k, m) {
                let price = ObjectiveQuantum.quantized(size * prices[m])
                batch.value[k * count + m] = ObjectiveQuantum.quantized(batch.value[k * count + m] - price)
            }
        }
    }

    /// Allocation balancing: municipalities ahead of the year's pace cost more, those behind cost less.
    func balancingPrices(day: Int, state: State) -> [Double] {
        let elapsed = Double(day) / Double(max(1, process.horizonDays))
        return scenario.capacity.indices.map { m in
            let decision = scenario.capacity[m]
            guard decision > 0 else { return 0 }
            let usedShare = Double(state.used[m]) / Double(decision)
            return scenario.spec.policy.balanceWeight * (usedShare - elapsed)
        }
    }

    /// Dual prices of the year's remaining places: the transportation LP of the pool plus a
    /// sample of future arrivals (drawn from those who have arrived so far), scaled to the
    /// expected number still to come.
    func dualPrices(_ batch: MatchingBatch, day: Int, state: State) -> [Double] {
        let count = scenario.municipalities.count
        let arrived = scenario.households.indices.filter { scenario.households[$0].permitDay <= day }
        let future = scenario.households.count - arrived.count
        guard future > 0, !arrived.isEmpty else { return Array(repeating: 0, count: count) }
        let sampleSize = min(future, max(1, scenario.spec.policy.dualSampleSize))
        let scale = Double(sampleSize) / Double(future)
        var rng = seeds.stream("dual-sample", UInt64(day))
        let sample = (0..<sampleSize).map { _ in scenario.households[arrived[rng.integer(in: 0...(arrived.count - 1))]]
        }
        // The whole remaining decision, shrunk in proportion to the sampled share of the future.
        let poolPersons = batch.households.reduce(0) { $0 + $1.size }
        let samplePersons = sample.reduce(0) { $0 + $1.size }
        let futurePersons = Double(samplePersons) / scale
        let shrink = Double(poolPersons + samplePersons) / max(1, Double(poolPersons) + futurePersons)
        let households = batch.households + sample
        var profit = [Double](repeating: -.infinity, count: households.count * count)
        let remaining = (0..<count).map { m in
            Int((Double(max(0, scenario.capacity[m] - state.used[m])) * shrink).rounded())
        }
        for (k, household) in households.enumerated() {
            let perPerson = 1 / Double(household.size)
            for m in 0..<count where remaining[m] >= household.size {
                profit[k * count + m] =
                    scenario.spec.scoring.matchingValue(household, in: scenario.municipalities[m]) * perPerson
            }
        }
        let problem = TransportationProblem(supply: households.map(\.size), capacity: remaining, profit: profit)
        return TransportationSolver.solve(problem).sinkPrice
    }

    /// status-quo, proportional and random: one household at a time, no optimisation.
    func ruleBased(_ batch: MatchingBatch, pool: [Int], day: Int) -> MatchResult {
        let count = batch.municipalityCount
        var capacity = batch.capacity
        var dimensions = batch.dimensions.map(\.capacity)
        var order = Array(0..<pool.count)
        var rng = seeds.stream("mechanism", UInt64(day))
        let mechanism = scenario.spec.policy.mechanism
        if mechanism == .statusQuo {
            // Permit order, as IMDi's queue; ties by cohort order.
            order.sort {
                let a = scenario.households[pool[$0]].permitDay
                let b = scenario.households[pool[$1]].permitDay
                return a != b ? a < b : pool[$0] < pool[$1]
            }
        } else {
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.integer(in: 0...i)) }
        }
        var placement = [Int?](repeating: nil, count: pool.count)
        var objective = 0.0
        for k in order {
            let size = batch.households[k].size
            let feasible = (0..<count).filter { m in
                batch.isAllowed(k, m) && capacity[m] >= size
                    && batch.dimensions.indices.allSatisfy { dimensions[$0][m] >= batch.dimensions[$0].demand[k] }
            }
            guard !feasible.isEmpty else { continue }
            let chosen: Int
            switch mechanism {
            case .statusQuo:
                // The largest share of its decision still open, less the aversion to a likely decline.
                let aversion = scenario.spec.policy.declineAversion
                let household = scenario.households[pool[k]]
                let share = { (m: Int) -> Double in
                    let open = Double(capacity[m]) / Double(max(1, self.scenario.capacity[m]))
                    guard aversion != 0 else { return open }
                    return open
                        - aversion
                        * self.scenario.spec.decline.probability(
                            household: household, offered: m, municipalities: self.scenario.municipalities)
                }
                let scores = feasible.map(share)
                var best = 0
                for i in scores.indices.dropFirst() where scores[i] > scores[best] { best = i }
                chosen = feasible[best]
            case .proportional:
                chosen = feasible[rng.index(weights: feasible.map { Double(scenario.municipalities[$0].population) })]
            default:
                chosen = feasible[rng.integer(in: 0...(feasible.count - 1))]
            }
            placement[k] = chosen
            capacity[chosen] -= size
            for d in dimensions.indices { dimensions[d][chosen] -= batch.dimensions[d].demand[k] }
            objective += batch.value(k, chosen)
        }
        // No optimisation, so no bound: reported as null.
        return MatchResult(
            placement: placement, termination: .ruleBased, method: .ruleBased, objective: objective, bound: .nan,
            gap: .nan, splitHouseholds: 0, repairedHouseholds: 0, seconds: 0, note: nil)
    }
}
