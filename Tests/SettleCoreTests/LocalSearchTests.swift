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

    /// Each municipality holds one of two households; both gain by trading places (1 + 2.5 → 3 + 2).
    func swapBatch() -> MatchingBatch {
        batch(
            households: 2, capacity: { h in Array(repeating: max(h[0].size, h[1].size), count: 2) },
            value: [1, 3, 2, 2.5])
    }

    @Test func aSwapGivesEachHouseholdItsBetterPlace() {
        let b = swapBatch()
        var search = LocalSearch(b, dimensions: [], placement: [0, 1])
        #expect(search.run(passes: 5) == 1)
        #expect(search.placement == [1, 0])
        #expect(search.objective == 5)
    }

    @Test func aDimensionThatDoesNotFitBlocksTheSwap() {
        let b = swapBatch()
        // Household 0 needs a place only municipality 0 has.
        let dimension = CapacityDimension(name: "health_places", demand: [1, 0], capacity: [1, 0])
        var search = LocalSearch(b, dimensions: [dimension], placement: [0, 1])
        #expect(search.run(passes: 5) == 0)
        #expect(search.placement == [0, 1])
        #expect(search.objective == 3.5)
    }

    @Test func withoutPairsOnlySingleMovesRun() {
        // The swap above needs a pair move: without pairs nothing changes.
        let swap = swapBatch()
        var singles = LocalSearch(swap, dimensions: [], placement: [0, 1])
        #expect(singles.run(passes: 5, pairs: .none) == 0)
        #expect(singles.placement == [0, 1])
        // An unplaced household with room left for it is placed by a single move.
        let room = batch(
            households: 2, capacity: { h in [h[0].size, h[1].size] }, value: [3, 1, 2, 2.5])
        var single = LocalSearch(room, dimensions: [], placement: [0, nil])
        #expect(single.run(passes: 5, pairs: .none) == 1)
        #expect(single.placement == [0, 1])
        #expect(single.objective == 5.5)
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

    @Test func unplacedPairsLetOnlyUnplacedHouseholdsTakeAPlace() {
        // The unplaced household 2 still takes household 1's place, as with every pair ...
        let b = batch(
            households: 3, capacity: { h in [h[0].size, max(h[1].size, h[2].size)] }, value: [1, 3, 0.5, 2.5, 0.5, 10])
        var search = LocalSearch(b, dimensions: [], placement: [0, 1, nil])
        search.run(passes: 5, pairs: .unplaced)
        #expect(search.placement == [0, nil, 1])
        // ... but two placed households no longer swap.
        let swap = swapBatch()
        var placed = LocalSearch(swap, dimensions: [], placement: [0, 1])
        #expect(placed.run(passes: 5, pairs: .unplaced) == 0)
        #expect(placed.placement == [0, 1])
    }
}
