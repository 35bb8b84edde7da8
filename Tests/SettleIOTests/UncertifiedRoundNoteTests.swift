// SPDX-License-Identifier: GPL-3.0-or-later

import SettleIO
import Testing

@testable import SettleCore

/// A round left above the tolerance says how far the bound got: decisions-below-need at seed 1,
/// day 301 (434 households, places about a third of the persons), where column generation reaches
/// the knapsack relaxation's optimum and the round stays at 0.153 %.
@Suite struct UncertifiedRoundNoteTests {
    @Test func aRoundAtTheRelaxationsOptimumSaysSo() throws {
        let (scenario, round, batch) = try RoundChecks.round("decisions-below-need.yaml", day: 301, seed: 1)
        // The README's example: 434 households, 715.949 against a bound of 717.044.
        #expect(batch.householdCount == 434)
        let result = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(result.gap > scenario.spec.matching.gapTolerance)
        #expect(result.termination == .gapAboveTolerance)
        #expect(abs(result.objective - 715.949) < 5e-4)
        #expect(abs(result.bound - 717.044) < 5e-4)
        #expect(result.note == .relaxationOptimumReached)
        #expect(result.note?.text.contains("column generation converged") == true)
        RoundChecks.expectFeasible(result, in: batch)
    }
}
