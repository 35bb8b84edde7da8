// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// A round with places ample where lp-repair ends above the tolerance (three-years day 168:
/// 55 households; 150.595, 0.152 % below its bound) is certified once a greedy pass over every
/// household at the first LP's prices, polished, replaces it (150.814 against 150.870, 0.037 %).
@Suite struct FreshGreedyRoundTests {
    @Test func anAmpleRoundWhereTheDiveEndsLowIsCertified() throws {
        let (scenario, round, batch) = try RoundChecks.round("three-years.yaml", day: 168)
        #expect(!BatchScarcity(batch).placesShort)
        // lp-repair alone: under `auto` the exact fallback would certify this round too.
        var options = scenario.spec.matching
        options.method = .lpRepair
        let result = BatchMatcher.match(round, options: options)
        #expect(result.termination == .optimal)
        #expect(result.gap <= scenario.spec.matching.gapTolerance)
        // GLPK's branch and cut run to a proven optimum: the placement is at most that, the bound
        // at least that, and the placement is above the dive's.
        var exact = scenario.spec.matching
        exact.method = .exact
        exact.gapTolerance = 0
        // Stopped by its node limit, not by the clock of a busy machine.
        exact.timeLimitSeconds = 3_600
        let optimum = BatchMatcher.match(round, options: exact)
        #expect(optimum.termination == .optimal)
        #expect(result.objective <= optimum.objective + 1e-6)
        #expect(result.bound >= optimum.objective - 1e-6)
        #expect(result.objective > 150.7)
        RoundChecks.expectFeasible(result, in: batch)
    }
}
