// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

struct RepackSearchTests {
    /// Households of the given sizes (copies of one fixture person) on two municipalities, every
    /// person worth 1 anywhere: the value is the persons placed.
    func batch(sizes: [Int], capacity: [Int]) -> MatchingBatch {
        let scenario = Fixtures.scenario(
            Fixtures.spec(households: sizes.count, municipalities: 2, counties: 1, seed: 5))
        let person = scenario.households[0].members[0]
        var households = Array(scenario.households.prefix(sizes.count))
        for (i, size) in sizes.enumerated() { households[i].members = Array(repeating: person, count: size) }
        return MatchingBatch(
            households: households, municipalities: Array(scenario.municipalities.prefix(2)), capacity: capacity,
            value: sizes.flatMap { [Double($0), Double($0)] })
    }

    @Test func aSingleMovesToTheOnePlaceAndALargerHouseholdTakesItsRoom() {
        // Municipality 0 (5 places) holds a single and a household of 4, municipality 1 has one
        // place left empty, a household of 5 waits. One- and two-household moves cannot fill
        // the empty place; the repack moves the single there and gives the 5 its 4 + 1 places.
        let b = batch(sizes: [1, 4, 5], capacity: [5, 1])
        var local = LocalSearch(b, dimensions: [], placement: [0, 0, nil])
        local.run(passes: 5)
        #expect(local.objective == 5)
        var repack = RepackSearch(b, dimensions: [], placement: [0, 0, nil])
        #expect(repack.run(passes: 5) > 0)
        #expect(repack.placement == [1, nil, 0])
        #expect(repack.objective == 6)
    }

    @Test func aRepackKeepsEveryDimension() {
        // The waiting 5 needs a large dwelling, which municipality 0 does not have: nothing moves.
        let b = batch(sizes: [1, 4, 5], capacity: [5, 1])
        let large = CapacityDimension(name: "large_dwellings", demand: [0, 0, 1], capacity: [0, 0])
        var repack = RepackSearch(b, dimensions: [large], placement: [0, 0, nil])
        #expect(repack.run(passes: 5) == 0)
        #expect(repack.placement == [0, 0, nil])
    }

    @Test func aWaitingHouseholdWithADemandStaysOutWhenOnlyTheOwnOnesFit() {
        // Municipality 0 (6 places, one large dwelling) holds a 2 with a large dwelling and a 1.
        // A 2 needing one and a 2 without wait: both 2s and the own 2 would fill all 6 places but
        // need two large dwellings, so the repack takes the 2 without and keeps its own.
        let b = batch(sizes: [2, 1, 2, 2], capacity: [6, 0])
        let large = CapacityDimension(name: "large_dwellings", demand: [1, 0, 1, 0], capacity: [1, 0])
        var repack = RepackSearch(b, dimensions: [large], placement: [0, 0, nil, nil])
        #expect(repack.run(passes: 5) > 0)
        #expect(repack.placement == [0, 0, nil, 0])
        #expect(repack.objective == 5)
    }

    @Test func aHouseholdDoesNotMoveWhereItsOwnDemandDoesNotFit() {
        // The 2 at municipality 0 needs a large dwelling and is worth more at municipality 1,
        // which has none: making room there for it would be worth it but break the dimension.
        var b = batch(sizes: [2, 2], capacity: [2, 2])
        b.value = [2, 5, 2, 2]
        let large = CapacityDimension(name: "large_dwellings", demand: [1, 0], capacity: [1, 0])
        var repack = RepackSearch(b, dimensions: [large], placement: [0, 1])
        #expect(repack.run(passes: 5) == 0)
        #expect(repack.placement == [0, 1])
    }
}
