// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// A round with places ample where a dimension binds locally and the dive ends far below the
/// optimum (spring-surge day 245: 195 households, 545 persons for 983 places, large dwellings
/// binding; the dive's placement 753.548, HiGHS' proven optimum 759.763) is certified once a greedy
/// pass over every household at the first LP's prices, polished, replaces it.
@Suite struct FreshGreedyRoundTests {
    @Test func anAmpleRoundWhereTheDiveEndsLowIsCertified() throws {
        let (scenario, round, batch) = try RoundChecks.round("spring-surge.yaml", day: 245)
        #expect(!BatchScarcity(batch).placesShort)
        let result = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(result.termination == .optimal)
        #expect(result.gap <= scenario.spec.matching.gapTolerance)
        // Above the dive's placement, and not above the optimum HiGHS proved.
        #expect(result.objective > 759)
        #expect(result.objective <= 759.763 + 1e-3)
        RoundChecks.expectFeasible(result, in: batch)
    }
}
