// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

struct LocalSearchTests {
    /// Two or three households of the fixture country on two municipalities with hand-set values.
    func batch(households count: Int, capacity: (([Household]) -> [Int]), value: [Double]) -> MatchingBatch {
        let scenario = Fixtures.scenario(Fixtures.spec(households: count, municipalities: 2, counties: 1, seed: 5))
        let households = Array(scenario.households.prefix(count))
        return MatchingBatch(
            households: households, municipalities: Array(scenario.municipalities.prefix(2)),
            capacity: capacity(households), value: value)
    }

    @Test func aSwapGivesEachHouseholdItsBetterPlace() {
        // Each municipality holds one of the two; both gain by trading places (1 + 2.5 → 3 + 2).
        let b = batch(
            households: 2, capacity: { h in Array(repeating: max(h[0].size, h[1].size), count: 2) },
            value: [1, 3, 2, 2.5])
        var search = LocalSearch(b, dimensions: [], placement: [0, 1])
        #expect(search.run(passes: 5) == 1)
        #expect(search.placement == [1, 0])
        #expect(search.objective == 5)
    }

    @Test func aDimensionThatDoesNotFitBlocksTheSwap() {
        let b = batch(
            households: 2, capacity: { h in Array(repeating: max(h[0].size, h[1].size), count: 2) },
            value: [1, 3, 2, 2.5])
        // Household 0 needs a place only municipality 0 has.
        let dimension = CapacityDimension(name: "health_places", demand: [1, 0], capacity: [1, 0])
        var search = LocalSearch(b, dimensions: [dimension], placement: [0, 1])
        #expect(search.run(passes: 5) == 0)
        #expect(search.placement == [0, 1])
        #expect(search.objective == 3.5)
    }

    @Test func anUnplacedHouseholdTakesAPlaceWorthMoreToIt() {
        // Municipality 1 holds one of households 1 and 2; 2 is worth 10 there, 1 only 2.5, and
        // household 0 is worth more in municipality 0 than 1 is, so 1 leaves the batch unplaced.
        let b = batch(
            households: 3, capacity: { h in [h[0].size, max(h[1].size, h[2].size)] }, value: [1, 3, 0.5, 2.5, 0.5, 10])
        var search = LocalSearch(b, dimensions: [], placement: [0, 1, nil])
        search.run(passes: 5)
        #expect(search.placement == [0, nil, 1])
        #expect(search.objective == 11)
    }
}
