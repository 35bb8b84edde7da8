// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore
@testable import SettleIO

/// `auto` hands a batch that lp-repair left above the tolerance to branch and cut when places are
/// ample and the batch is small; where places are short it never does.
@Suite struct ExactFallbackTests {
    /// three-years, day 168: 55 households, places ample, lp-repair's LP bound 0.152 % above.
    @Test func anAmpleSmallRoundLpRepairCannotCertifyIsCertifiedUnderAuto() throws {
        let scenario = try ScenarioLoader.load(.file(Paths.scenario("three-years.yaml")))
        let round = try #require(Simulation.batch(scenario, fromDay: 168))
        #expect(round.day == 168)
        let batch = BatchMatcher.prepare(round.batch, options: scenario.spec.matching)
        #expect(!BatchScarcity(batch).placesShort)
        #expect(batch.allowedPairs > scenario.spec.matching.exactPairLimit)
        #expect(batch.allowedPairs <= BatchMatcher.exactFallbackPairLimit)

        var lpOnly = scenario.spec.matching
        lpOnly.method = .lpRepair
        let repaired = BatchMatcher.match(round.batch, options: lpOnly)
        #expect(repaired.gap > lpOnly.gapTolerance)

        let auto = BatchMatcher.match(round.batch, options: scenario.spec.matching)
        #expect(auto.termination == .optimal)
        #expect(auto.gap <= scenario.spec.matching.gapTolerance)
        #expect(auto.objective >= repaired.objective - 1e-9)
        #expect(auto.bound <= repaired.bound + 1e-9)
        #expect(auto.bound >= auto.objective)
        // The placement is feasible and its objective is its value.
        var used = batch.capacity.map { _ in 0 }
        var value = 0.0
        for (h, m) in auto.placement.enumerated() {
            guard let m else { continue }
            #expect(batch.isAllowed(h, m))
            used[m] += batch.households[h].size
            value += batch.value(h, m)
        }
        #expect(zip(used, batch.capacity).allSatisfy { $0 <= $1 })
        #expect(abs(value - auto.objective) <= 1e-6 * max(1, abs(value)))
    }

    /// Places short: the fallback would be slow and rarely better, so `auto` keeps lp-repair's answer.
    @Test func aScarceRoundKeepsLpRepairsAnswer() throws {
        let scenario = try ScenarioLoader.load(.file(Paths.scenario("spring-surge.yaml")))
        let round = try #require(Simulation.batch(scenario, fromDay: 133))
        let batch = BatchMatcher.prepare(round.batch, options: scenario.spec.matching)
        #expect(BatchScarcity(batch).placesShort)
        var lpOnly = scenario.spec.matching
        lpOnly.method = .lpRepair
        let repaired = BatchMatcher.match(round.batch, options: lpOnly)
        let auto = BatchMatcher.match(round.batch, options: scenario.spec.matching)
        #expect(auto.method == .lpRepair)
        #expect(auto.objective == repaired.objective)
        #expect(auto.bound == repaired.bound)
        #expect(auto.placement == repaired.placement)
    }
}
