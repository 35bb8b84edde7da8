// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// `auto` hands a batch that lp-repair left above the tolerance to branch and cut when places are
/// ample and the batch is small; where places are short it never does.
@Suite struct ExactFallbackTests {
    /// three-years, day 168: 55 households, places ample, lp-repair's LP bound 0.152 % above.
    @Test func anAmpleSmallRoundLpRepairCannotCertifyIsCertifiedUnderAuto() throws {
        let (scenario, round, batch) = try RoundChecks.round("three-years.yaml", day: 168)
        #expect(!BatchScarcity(batch).placesShort)
        #expect(batch.allowedPairs > scenario.spec.matching.exactPairLimit)
        #expect(batch.allowedPairs <= BatchMatcher.exactFallbackPairLimit)

        var lpOnly = scenario.spec.matching
        lpOnly.method = .lpRepair
        let repaired = BatchMatcher.match(round, options: lpOnly)
        #expect(repaired.gap > lpOnly.gapTolerance)

        let auto = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(auto.termination == .optimal)
        #expect(auto.gap <= scenario.spec.matching.gapTolerance)
        #expect(auto.objective >= repaired.objective - 1e-9)
        #expect(auto.bound <= repaired.bound + 1e-9)
        #expect(auto.bound >= auto.objective)
        RoundChecks.expectFeasible(auto, in: batch)
    }

    /// Places short: the fallback would be slow and rarely better, so `auto` keeps lp-repair's answer.
    @Test func aScarceRoundKeepsLpRepairsAnswer() throws {
        let (scenario, round, batch) = try RoundChecks.round("spring-surge.yaml", day: 133)
        #expect(BatchScarcity(batch).placesShort)
        var lpOnly = scenario.spec.matching
        lpOnly.method = .lpRepair
        let repaired = BatchMatcher.match(round, options: lpOnly)
        let auto = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(auto.method == .lpRepair)
        #expect(auto.objective == repaired.objective)
        #expect(auto.bound == repaired.bound)
        #expect(auto.placement == repaired.placement)
    }
}
