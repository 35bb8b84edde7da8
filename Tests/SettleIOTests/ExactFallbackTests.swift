// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// `auto` hands a batch that lp-repair left above the tolerance to branch and cut when places are
/// ample and the batch is small; where places are short it never does.
@Suite struct ExactFallbackTests {
    /// three-years, day 168: 55 households, places ample. lp-repair's LP bound was 0.152 % above
    /// its placement there until the fresh greedy pass certified the round in lp-repair itself
    /// (0.037 %); the second try still closes what is left, with a tighter bound.
    @Test func theSecondTryTightensAnAmpleSmallRound() throws {
        let (scenario, round, batch) = try RoundChecks.round("three-years.yaml", day: 168)
        #expect(!BatchScarcity(batch).placesShort)
        #expect(batch.allowedPairs > scenario.spec.matching.exactPairLimit)
        #expect(batch.allowedPairs <= BatchMatcher.exactFallbackPairLimit)

        var lpOnly = scenario.spec.matching
        lpOnly.method = .lpRepair
        let repaired = BatchMatcher.match(round, options: lpOnly)
        #expect(repaired.gap > 0)

        let fallback = BatchMatcher.exactFallback(batch, lpRepair: repaired, options: scenario.spec.matching)
        #expect(fallback.termination == .optimal)
        #expect(fallback.gap < repaired.gap)
        #expect(fallback.objective >= repaired.objective - 1e-9)
        #expect(fallback.bound <= repaired.bound + 1e-9)
        #expect(fallback.bound >= fallback.objective)
        RoundChecks.expectFeasible(fallback, in: batch)
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
