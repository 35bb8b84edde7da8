// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK
import Testing

@testable import SettleCore

/// `SetPacking` chooses whole sets of households per municipality; given every set that fits, its
/// placement is the proven optimum (GLPK's branch and cut on the pair model), dimensions included.
@Suite struct SetPackingTests {
    /// Two municipalities with 3 and 2 places for 7 persons; household 0 (two persons) is worth
    /// most in municipality 0 but needs a large dwelling, which only municipality 1 has.
    func batch() -> MatchingBatch {
        let sizes = [2, 1, 2, 1, 1]
        let households = sizes.enumerated().map { h, size in
            Household(id: "h\(h)", members: (0..<size).map { _ in Fixtures.person(30) })
        }
        let municipalities = Fixtures.scenario(Fixtures.spec(households: 5, municipalities: 2, counties: 1))
            .municipalities
        var value: [Double] = []
        for (h, size) in sizes.enumerated() {
            for m in 0..<2 { value.append(Double(size) * (1 + 0.1 * Double(m)) + 0.01 * Double(h)) }
        }
        value[0] = 9  // household 0 in municipality 0: best of all, if the dimension allowed it
        let large = CapacityDimension(name: "large", demand: [1, 0, 0, 0, 0], capacity: [0, 1])
        return MatchingBatch(
            households: households, municipalities: municipalities, capacity: [3, 2], value: value,
            dimensions: [large])
    }

    /// Every set of households each municipality's persons can hold, as `[m] + households`.
    func allSets(_ batch: MatchingBatch) -> Set<[Int]> {
        var sets = Set<[Int]>()
        let H = batch.householdCount
        for m in 0..<batch.municipalityCount {
            for mask in 1..<(1 << H) {
                let chosen = (0..<H).filter { mask & (1 << $0) != 0 }
                if chosen.reduce(0, { $0 + batch.households[$1].size }) <= batch.capacity[m] {
                    sets.insert([m] + chosen)
                }
            }
        }
        return sets
    }

    @Test func everySetGivesTheProvenOptimumWithinEveryDimension() throws {
        let b = batch()
        let exact = try GLPKSolver.solve(MatchingModel.build(b), options: SolveOptions(relativeGap: 0))
        let optimum = try #require(exact.objective)
        // A poor start: household 1 alone in municipality 0, household 3 alone in municipality 1.
        var start = [Int?](repeating: nil, count: 5)
        start[1] = 0
        start[3] = 1
        let startValue = b.value(1, 0) + b.value(3, 1)
        let packed = try #require(
            SetPacking.improve(
                b, dimensions: b.dimensions, sets: allSets(b), placement: start, objective: startValue,
                options: MatchingOptions()))
        #expect(abs(packed.objective - optimum) <= 1e-9)
        #expect(packed.placement[0] != 0)
        var persons = [0, 0]
        var value = 0.0
        for (h, m) in packed.placement.enumerated() {
            guard let m else { continue }
            persons[m] += b.households[h].size
            value += b.value(h, m)
        }
        #expect(persons[0] <= 3 && persons[1] <= 2)
        #expect(abs(value - packed.objective) <= 1e-9)
    }

    @Test func nothingBetterThanTheIncumbentGivesNil() throws {
        let b = batch()
        let full = try #require(
            SetPacking.improve(
                b, dimensions: b.dimensions, sets: allSets(b), placement: Array(repeating: nil, count: 5), objective: 0,
                options: MatchingOptions()))
        #expect(
            SetPacking.improve(
                b, dimensions: b.dimensions, sets: [], placement: full.placement, objective: full.objective,
                options: MatchingOptions()) == nil)
    }

    /// One place in each of two municipalities. The incumbent has household 0 in municipality 0
    /// and household 2 in municipality 1 (6); the optimum moves 0 to municipality 1, in place of 2,
    /// so that 1 can take municipality 0 (8.5). No set of the incumbent's gives that chain; its
    /// neighbours (one household swapped) do.
    @Test func theIncumbentsNeighboursGiveAChainOfMoves() throws {
        let households = (0..<3).map { Household(id: "h\($0)", members: [Fixtures.person(30)]) }
        let municipalities = Fixtures.scenario(Fixtures.spec(households: 3, municipalities: 2, counties: 1))
            .municipalities
        let b = MatchingBatch(
            households: households, municipalities: municipalities, capacity: [1, 1],
            value: [5, 4, 4.5, 1, 1, 1])
        let incumbent: [Int?] = [0, nil, 1]
        #expect(
            SetPacking.improve(
                b, dimensions: [], sets: [], placement: incumbent, objective: 6, options: MatchingOptions())
                == nil)
        let packed = try #require(
            SetPacking.improve(
                b, dimensions: [], sets: [], prices: [0, 0, 0], placement: incumbent, objective: 6,
                options: MatchingOptions()))
        #expect(packed.objective == 8.5)
        #expect(packed.placement == [1, 0, nil])
    }
}
