// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK
import Testing

@testable import SettleCore

/// The hindsight optimum on small scarce years that GLPK solves exactly: at least what every
/// mechanism's accepted placements are worth on the same draws, and equal to GLPK's gap-0 optimum
/// of the batch built here independently. One case at a time: gap-0 solves are heavy.
@Suite(.serialized) struct HindsightTests {
    static let seeds: [UInt64] = [1, 2, 3]

    /// Every mechanism on one small year with places for 60 % of the persons.
    func runs(seed: UInt64) -> [(scenario: Scenario, result: SimulationResult)] {
        var spec = Fixtures.spec(households: 40, municipalities: 6, counties: 2, seed: seed)
        spec.capacity.nationalTotal = Fixtures.scenario(spec).persons * 6 / 10
        spec.matching.gapTolerance = 0
        // Half live privately: some look for a home themselves, so who reaches IMDi differs by mechanism.
        spec.housing.privateShare = 0.5
        return PolicySpec.Mechanism.allCases.map { mechanism in
            var variant = spec
            variant.policy.mechanism = mechanism
            let scenario = Fixtures.scenario(variant)
            return (scenario, Simulation.run(scenario))
        }
    }

    @Test(arguments: seeds)
    func hindsightIsAtLeastEveryMechanismsAcceptedValue(seed: UInt64) {
        let runs = runs(seed: seed)
        // Paired draws: the same households, decisions and own choices under every mechanism.
        for run in runs {
            #expect(Hindsight.sameWorld(runs[0].scenario, run.scenario))
            for (h, history) in run.result.histories.enumerated() {
                let first = runs[0].result.histories[h]
                #expect(history.triedSelfSettlement == first.triedSelfSettlement)
                #expect((history.path == .noSettlementAsked) == (first.path == .noSettlementAsked))
            }
        }
        let shares = Hindsight.shares(runs)
        #expect(shares.count == runs.count)
        for (run, share) in zip(runs, shares) {
            let mechanism = run.scenario.spec.policy.mechanism
            #expect(share.unvalued == 0, "\(mechanism)")
            #expect(share.accepted > 0, "\(mechanism)")
            #expect(share.hindsight >= share.accepted - 1e-6, "\(mechanism): \(share.accepted) > \(share.hindsight)")
            #expect(share.hindsight >= share.offered - 1e-6, "\(mechanism): offers \(share.offered)")
            // One offer each: the accepted placements are among the first offers and fit the decisions.
            #expect(share.offered >= share.accepted - 1e-6, "\(mechanism): offers \(share.offered)")
            #expect(share.acceptedShare <= 1 + 1e-9)
            // One hindsight per replication: every mechanism is measured against the same value.
            #expect(share.hindsight == shares[0].hindsight)
        }
        // Scarce places: some mechanism is left short of the hindsight.
        #expect(shares.contains { $0.accepted < $0.hindsight - 1e-3 })
    }

    @Test(arguments: seeds)
    func hindsightEqualsTheExactOptimum(seed: UInt64) throws {
        let runs = runs(seed: seed)
        let scenario = runs[0].scenario
        let members = Hindsight.households(runs.map(\.result))
        // Whoever got an offer in any run is in the batch.
        for run in runs {
            for (h, history) in run.result.histories.enumerated() where history.offersReceived > 0 {
                #expect(members.contains(h))
            }
        }
        let hindsight = Hindsight(scenario: scenario, households: members)
        #expect(hindsight.households == members)
        // The same batch built here: the reached households against the whole decisions in every dimension.
        let households = members.map { scenario.households[$0] }
        var batch = MatchingBatch(
            households: households, municipalities: scenario.municipalities, capacity: scenario.capacity,
            model: scenario.spec.scoring,
            dimensions: [
                CapacityDimension(
                    name: "minors", demand: households.map { $0.isUnaccompaniedMinor ? $0.size : 0 },
                    capacity: scenario.minorCapacity),
                CapacityDimension(
                    name: "large", demand: households.map { $0.needsLargeDwelling ? 1 : 0 },
                    capacity: scenario.largeDwellings),
                CapacityDimension(
                    name: "health", demand: households.map { $0.healthNeeds ? 1 : 0 }, capacity: scenario.healthPlaces),
            ])
        batch.decision = scenario.capacity
        let prepared = BatchMatcher.prepare(batch, options: scenario.spec.matching)
        let solved = try GLPKSolver.solve(MatchingModel.build(prepared), options: SolveOptions(relativeGap: 0))
        #expect(solved.termination == .optimal)
        let optimum = try #require(solved.objective)
        #expect(abs(hindsight.value - optimum) <= 1e-6 * max(1, optimum), "\(hindsight.value) vs \(optimum)")
        #expect(hindsight.bound >= optimum - 1e-6)
        #expect(hindsight.gap <= 1e-9)
    }
}
