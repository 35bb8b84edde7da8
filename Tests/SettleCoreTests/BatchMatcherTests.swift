// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct BatchMatcherTests {
    func batch(households: Int, municipalities: Int, seed: UInt64, capacityFactor: Double = 1.1) -> MatchingBatch {
        var spec = Fixtures.spec(households: households, municipalities: municipalities, counties: 3, seed: seed)
        let scenario = Fixtures.scenario(spec)
        spec.capacity.nationalTotal = Int(Double(scenario.persons) * capacityFactor)
        let resized = Fixtures.scenario(spec)
        return MatchingBatch(
            households: resized.households, municipalities: resized.municipalities, capacity: resized.capacity,
            model: IntegrationModel())
    }

    /// No household split, none beyond a decision, none where it does not fit.
    func expectFeasible(_ result: MatchResult, _ batch: MatchingBatch) {
        var used = [Int](repeating: 0, count: batch.municipalityCount)
        var objective = 0.0
        for (h, m) in result.placement.enumerated() {
            guard let m else { continue }
            #expect(batch.isAllowed(h, m))
            used[m] += batch.households[h].size
            objective += batch.value(h, m)
        }
        for m in 0..<batch.municipalityCount { #expect(used[m] <= batch.capacity[m]) }
        #expect(abs(objective - result.objective) < 1e-6)
        #expect(result.bound >= result.objective - 1e-9)
    }

    @Test func exactAndLPRepairAgreeWithinTolerance() {
        let b = batch(households: 150, municipalities: 12, seed: 3, capacityFactor: 0.9)
        var options = MatchingOptions()
        options.gapTolerance = 0
        options.method = .exact
        let exact = BatchMatcher.match(b, options: options)
        options.method = .lpRepair
        options.gapTolerance = 0.001
        let repaired = BatchMatcher.match(b, options: options)
        expectFeasible(exact, b)
        expectFeasible(repaired, b)
        #expect(exact.termination == .optimal)
        #expect(exact.method == .exact)
        #expect(repaired.method == .lpRepair)
        // The LP bound of lp-repair bounds the exact optimum, and its reported gap is honest:
        // "optimal" only when it is within tolerance of that bound.
        #expect(repaired.bound >= exact.objective - 1e-6)
        #expect(repaired.objective <= exact.objective + 1e-6)
        #expect(abs(repaired.gap - (repaired.bound - repaired.objective) / repaired.bound) < 1e-12)
        #expect((repaired.termination == .optimal) == (repaired.gap <= 0.001))
        // On a small, scarce batch (where `auto` would choose exact) it still comes within 0.5 %.
        #expect(repaired.objective >= exact.objective * 0.995)
    }

    /// The exact method stops at a node count, not a clock: the same placement on every run and machine.
    @Test func exactStopsAtItsNodeLimitWithAnHonestGap() {
        let b = batch(households: 150, municipalities: 12, seed: 3, capacityFactor: 0.9)
        var options = MatchingOptions()
        options.method = .exact
        options.gapTolerance = 0
        // One node: branch and cut has no placement yet, so LP repair places the batch.
        options.nodeLimit = 1
        let early = BatchMatcher.match(b, options: options)
        expectFeasible(early, b)
        #expect(early.method == .lpRepair)
        #expect(early.termination == .nodeLimit)
        #expect(early.note == .branchAndCutStopped(.nodeLimit, beforePlacement: true))
        // 500 nodes: GLPK's own incumbent, not yet proven; the same on every run.
        options.nodeLimit = 500
        let first = BatchMatcher.match(b, options: options)
        let second = BatchMatcher.match(b, options: options)
        expectFeasible(first, b)
        #expect(first.placement == second.placement)
        #expect(first.method == .exact)
        #expect(first.termination == .nodeLimit)
        #expect(first.gap > 0)
        #expect(first.note == .branchAndCutStopped(.nodeLimit, beforePlacement: false))
        options.nodeLimit = 20_000
        let proven = BatchMatcher.match(b, options: options)
        #expect(proven.termination == .optimal)
        #expect(proven.note == nil)
        #expect(proven.objective >= first.objective - 1e-9)
        #expect(first.bound >= proven.objective - 1e-6)
        #expect(early.bound >= proven.objective - 1e-6)
    }

    @Test func lpRepairCertifiesANationalBatch() {
        let b = batch(households: 3_000, municipalities: 357, seed: 11, capacityFactor: 1.3)
        let result = BatchMatcher.match(b, options: MatchingOptions())
        expectFeasible(result, b)
        #expect(result.method == .lpRepair)
        #expect(result.termination == .optimal)
        #expect(result.gap <= 0.001)
        #expect(result.splitHouseholds > 0)
        // Capacity well above demand: nobody is left unplaced.
        #expect(result.placement.allSatisfy { $0 != nil })
    }

    @Test func householdThatFitsNowhereIsUnplaced() {
        let municipalities = Fixtures.scenario(Fixtures.spec(municipalities: 3, counties: 1)).municipalities
        let big = Household(id: "big", members: (0..<6).map { _ in Fixtures.person(30) })
        let small = Household(id: "small", members: [Fixtures.person(30)])
        let b = MatchingBatch(
            households: [big, small], municipalities: municipalities, capacity: [2, 3, 1], model: IntegrationModel())
        let result = BatchMatcher.match(b, options: MatchingOptions())
        #expect(result.placement[0] == nil)
        #expect(result.placement[1] != nil)
        expectFeasible(result, b)
    }

    @Test func scarceCapacityIsFilledWithoutExceedingIt() {
        let b = batch(households: 400, municipalities: 25, seed: 5, capacityFactor: 0.5)
        for method in [MatchingMethod.exact, .lpRepair] {
            var options = MatchingOptions()
            options.method = method
            let result = BatchMatcher.match(b, options: options)
            expectFeasible(result, b)
            let placed = result.placement.enumerated().reduce(0) {
                $0 + ($1.element == nil ? 0 : b.households[$1.offset].size)
            }
            // At most a few places stay empty for lack of a household of the right size.
            #expect(placed >= b.capacity.reduce(0, +) - 25)
        }
    }

    @Test func emptyBatchIsTriviallyOptimal() {
        let municipalities = Fixtures.scenario(Fixtures.spec(municipalities: 3, counties: 1)).municipalities
        let b = MatchingBatch(
            households: [], municipalities: municipalities, capacity: [1, 1, 1], model: IntegrationModel())
        let result = BatchMatcher.match(b, options: MatchingOptions())
        #expect(result.placement.isEmpty)
        #expect(result.objective == 0)
        #expect(result.gap == 0)
    }

    @Test func exportedModelHasOneBinaryPerAllowedPair() {
        let b = batch(households: 30, municipalities: 5, seed: 2)
        let model = MatchingModel.build(b)
        #expect(model.variables.count == b.allowedPairs)
        #expect(model.variables.allSatisfy { $0.kind == .binary })
        #expect(model.constraints.count == 30 + 5)
        #expect(model.sense == .maximize)
    }
}
