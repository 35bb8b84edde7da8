// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore
@testable import SettleIO

/// What the round tests share: a shipped scenario's round by day, and a placement's feasibility.
enum RoundChecks {
    /// The round of `day` in a file of `Scenarios/` (at another `seed` if given), with the batch as
    /// the matcher sees it.
    static func round(_ file: String, day: Int, seed: UInt64? = nil) throws -> (
        scenario: Scenario, round: MatchingBatch, prepared: MatchingBatch
    ) {
        let scenario = try ScenarioLoader.load(.file(Paths.scenario(file)), seed: seed)
        let round = try #require(Simulation.batch(scenario, fromDay: day))
        #expect(round.day == day)
        return (scenario, round.batch, BatchMatcher.prepare(round.batch, options: scenario.spec.matching))
    }

    /// Every placed household on an allowed pair, within the persons and every dimension, and the
    /// objective the placement's value.
    static func expectFeasible(_ result: MatchResult, in batch: MatchingBatch) {
        var persons = batch.capacity.map { _ in 0 }
        var dimensions = batch.dimensions.map { $0.capacity.map { _ in 0 } }
        var value = 0.0
        for (h, m) in result.placement.enumerated() {
            guard let m else { continue }
            #expect(batch.isAllowed(h, m))
            persons[m] += batch.households[h].size
            for k in batch.dimensions.indices { dimensions[k][m] += batch.dimensions[k].demand[h] }
            value += batch.value(h, m)
        }
        #expect(zip(persons, batch.capacity).allSatisfy { $0 <= $1 })
        for k in batch.dimensions.indices {
            #expect(zip(dimensions[k], batch.dimensions[k].capacity).allSatisfy { $0 <= $1 })
        }
        #expect(abs(value - result.objective) <= 1e-6 * max(1, abs(value)))
    }
}
