// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// A round left above the tolerance says how far the bound got: decisions-below-need day 350
/// (429 households, places a third of the persons), where column generation reaches the knapsack
/// relaxation's optimum and HiGHS' MIP shows the placement within 0.005 % of the optimum.
@Suite struct UncertifiedRoundNoteTests {
    @Test func aRoundAtTheRelaxationsOptimumSaysSo() throws {
        let (scenario, round, batch) = try RoundChecks.round("decisions-below-need.yaml", day: 350)
        #expect(batch.householdCount <= SetPacking.householdLimit)
        let result = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(result.gap > scenario.spec.matching.gapTolerance)
        #expect(result.termination == .gapAboveTolerance)
        #expect(result.note == LPRepair.Generation.reachedTheRelaxation.note)
        #expect(result.note?.contains("column generation converged") == true)
        RoundChecks.expectFeasible(result, in: batch)
    }
}
