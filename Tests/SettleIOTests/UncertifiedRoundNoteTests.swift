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
        #expect(batch.householdCount <= SetPacking.householdLimit)
        let result = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(result.gap > scenario.spec.matching.gapTolerance)
        #expect(result.termination == .gapAboveTolerance)
        #expect(result.note == .relaxationOptimumReached)
        #expect(result.note?.text.contains("column generation converged") == true)
        RoundChecks.expectFeasible(result, in: batch)
    }

    /// spring-surge day 245: the repair MIP finds nothing better than its greedy start, but the
    /// round is certified, so it carries no note (a year's report used to point at it).
    @Test func aCertifiedRoundHasNoNote() throws {
        let (scenario, round, batch) = try RoundChecks.round("spring-surge.yaml", day: 245)
        let result = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(result.gap <= scenario.spec.matching.gapTolerance)
        #expect(result.termination == .optimal)
        #expect(result.note == nil)
        RoundChecks.expectFeasible(result, in: batch)
    }
}
