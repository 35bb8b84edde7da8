// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// A round with places short that lp-repair, the local and repack searches leave above the
/// tolerance (spring-surge day 175: 702 households, placement 1138.34 against a bound of
/// 1141.68) is certified once `SetPacking` packs the knapsack bound's sets.
@Suite struct SetPackingRoundTests {
    @Test func aScarceRoundIsCertifiedWithAFeasiblePlacement() throws {
        let (scenario, round, batch) = try RoundChecks.round("spring-surge.yaml", day: 175)
        #expect(BatchScarcity(batch).placesShort)
        #expect(batch.householdCount <= SetPacking.householdLimit)
        let result = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(result.termination == .optimal)
        #expect(result.gap <= scenario.spec.matching.gapTolerance)
        // Above what the round had before the packing step.
        #expect(result.objective > 1138.35)
        RoundChecks.expectFeasible(result, in: batch)
    }
}
