// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// A certified round carries no note, whatever a step stopped at: a year's report points only at
/// rounds that are off.
@Suite struct CertifiedRoundNoteTests {
    /// spring-surge day 245: the repair MIP finds nothing better than its greedy start, which used
    /// to be the round's note, and the round is certified all the same. The test was checked
    /// against the code before the change, where it failed on that note; a change in the year's
    /// course could take the round off that path, which `repairedHouseholds` at least notices.
    @Test func aCertifiedRoundHasNoNote() throws {
        let (scenario, round, batch) = try RoundChecks.round("spring-surge.yaml", day: 245)
        let result = BatchMatcher.match(round, options: scenario.spec.matching)
        #expect(result.repairedHouseholds > 0)
        #expect(result.gap <= scenario.spec.matching.gapTolerance)
        #expect(result.termination == .optimal)
        #expect(result.note == nil)
        RoundChecks.expectFeasible(result, in: batch)
    }
}
