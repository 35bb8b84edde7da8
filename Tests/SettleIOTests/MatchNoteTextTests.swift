// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore
import SettleIO
import Testing

/// The core hands reports a `MatchNote`; these are the words the reports print for each (the same
/// as when the core wrote them itself), and a year's note points to its round's day.
@Suite struct MatchNoteTextTests {
    @Test(arguments: [
        (MatchNote.repairMIPTimeLimit, "repair MIP stopped at its time limit"),
        (.repairMIPNodeLimit, "repair MIP stopped at its node limit"),
        (.repairMIPFoundNothingBetter, "repair MIP found nothing better than greedy placement"),
        (.aboveToleranceAfterRepair, "gap above tolerance after repair"),
        (
            .tooLargeForColumnGeneration(householdLimit: 2000),
            "above 2000 households, so no column generation or set packing"
        ),
        (
            .columnGenerationStopped(solves: 60),
            "column generation stopped at its 60 solves, above the relaxation's optimum"
        ),
        (
            .relaxationOptimumReached,
            "bound at the knapsack relaxation's optimum (column generation converged), placement the set packing's best"
        ),
        (.branchAndCutStopped(.timeLimit, beforePlacement: false), "branch and cut stopped at its time limit"),
        (
            .branchAndCutStopped(.nodeLimit, beforePlacement: true),
            "branch and cut stopped at its node limit before a placement; LP repair placed the batch"
        ),
        (
            .branchAndCutStopped(.numericalFailure("singular basis"), beforePlacement: false),
            "branch and cut ended early (GLPK: singular basis)"
        ),
        (.branchAndCutStopped(.unproven, beforePlacement: false), "branch and cut ended without proving the tolerance"),
        (.failed("model: no variables"), "model: no variables"),
    ])
    func eachNoteHasItsWords(note: MatchNote, words: String) {
        #expect(note.text == words)
    }

    @Test func aYearsNoteNamesItsDay() {
        #expect(
            RoundNote(day: 245, note: .repairMIPFoundNothingBetter).text
                == "day 245: repair MIP found nothing better than greedy placement")
    }
}
