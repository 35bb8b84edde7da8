// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct UncertifiedRoundTests {
    /// Places short (one place for every two persons' worth of households), solved by lp-repair.
    func run(tolerance: Double) -> (SimulationResult, Outcomes) {
        var spec = Fixtures.spec(households: 400, municipalities: 40)
        spec.capacity.nationalTotal = 400
        spec.matching.method = .lpRepair
        spec.matching.gapTolerance = tolerance
        let scenario = Fixtures.scenario(spec)
        let result = Simulation.run(scenario)
        return (result, OutcomeCollector.collect(scenario: scenario, result: result))
    }

    /// The year lists exactly its rounds above the tolerance, by day, each with its own gap and shortage.
    @Test func theYearListsEachRoundAboveTheTolerance() {
        let (result, o) = run(tolerance: 0)
        let above = result.rounds.filter { $0.result.gap > 0 }
        #expect(!above.isEmpty)
        #expect(o.matching.uncertified.map(\.day) == above.map(\.day))
        #expect(o.matching.uncertified.map(\.gap) == above.map(\.result.gap))
        #expect(o.matching.uncertified.map(\.gap).max() == o.matching.worstGap)
        for (listed, round) in zip(o.matching.uncertified, above) {
            #expect(listed.bound == round.result.bound && listed.objective == round.result.objective)
            #expect(listed.termination == round.result.termination)
            #expect(listed.households == round.households)
            #expect(listed.scarcity.persons >= listed.households)
        }
        #expect(o.matching.uncertified.contains { $0.scarcity.placesShort })
    }

    /// A round within the tolerance is not listed.
    @Test func roundsWithinTheToleranceAreNotListed() {
        let (result, o) = run(tolerance: 0.5)
        #expect(result.rounds.allSatisfy { $0.result.gap <= 0.5 })
        #expect(o.matching.uncertified.isEmpty)
    }

    /// Persons and places of a batch, and a dimension whose demand exceeds what all municipalities have left.
    @Test func scarcityCountsPersonsPlacesAndShortDimensions() {
        let municipalities = Fixtures.scenario(Fixtures.spec(municipalities: 3, counties: 1)).municipalities
        let households = [
            Household(id: "a", members: [Fixtures.person(30), Fixtures.person(8)]),
            Household(id: "b", members: [Fixtures.person(40)]),
            Household(id: "c", members: [Fixtures.person(35), Fixtures.person(33), Fixtures.person(3)]),
        ]
        let large = CapacityDimension(name: "large_dwellings", demand: [1, 0, 1], capacity: [1, 0, 0])
        // Health places: demand equal to capacity, so not short.
        let health = CapacityDimension(name: "health_places", demand: [0, 1, 0], capacity: [0, 1, 0])
        let batch = MatchingBatch(
            households: households, municipalities: municipalities, capacity: [2, 0, 3], model: IntegrationModel(),
            dimensions: [large, health])
        let scarcity = BatchScarcity(batch)
        #expect(scarcity.persons == 6)
        #expect(scarcity.places == 5)
        #expect(scarcity.placesShort)
        #expect(scarcity.shortDimensions == [.init(name: "large_dwellings", demand: 2, capacity: 1)])
    }
}
