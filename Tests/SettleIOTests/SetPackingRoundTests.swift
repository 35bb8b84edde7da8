// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore
@testable import SettleIO

/// A round with places short that lp-repair, the local and repack searches leave above the
/// tolerance (spring-surge day 133: 1,133 households, placement 1350.04 against a bound of
/// 1351.87) is certified once `SetPacking` packs the knapsack bound's sets.
@Suite struct SetPackingRoundTests {
    @Test func aScarceRoundIsCertifiedWithAFeasiblePlacement() throws {
        let scenario = try ScenarioLoader.load(.file(Paths.scenario("spring-surge.yaml")))
        let round = try #require(Simulation.batch(scenario, fromDay: 133))
        let batch = BatchMatcher.prepare(round.batch, options: scenario.spec.matching)
        #expect(BatchScarcity(batch).placesShort)
        #expect(batch.householdCount <= SetPacking.householdLimit)
        let result = BatchMatcher.match(round.batch, options: scenario.spec.matching)
        #expect(result.termination == .optimal)
        #expect(result.gap <= scenario.spec.matching.gapTolerance)
        // Above what the round had before the packing step.
        #expect(result.objective > 1350.04)
        var persons = batch.capacity.map { _ in 0 }
        var dimensions = batch.dimensions.map { $0.capacity.map { _ in 0 } }
        var value = 0.0
        for (h, m) in result.placement.enumerated() {
            guard let m else { continue }
            #expect(batch.isAllowed(h, m))
            persons[m] += batch.households[h].size
            for k in batch.dimensions.indices { dimensions[k][m] += batch.dimensions[k].demand[h] }
            value += batch.value(h, m)
        }
        #expect(zip(persons, batch.capacity).allSatisfy { $0 <= $1 })
        for k in batch.dimensions.indices {
            #expect(zip(dimensions[k], batch.dimensions[k].capacity).allSatisfy { $0 <= $1 })
        }
        #expect(abs(value - result.objective) <= 1e-6 * max(1, abs(value)))
    }
}
