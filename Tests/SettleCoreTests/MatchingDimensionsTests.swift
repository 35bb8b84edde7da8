// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// Extra capacity dimensions in lp-repair: feasible placements and valid (Lagrangian) bounds.
@Suite struct MatchingDimensionsTests {
    /// A generated batch with two dimensions: households of 4+ need a large dwelling, every
    /// `healthEvery`-th household a health place (offered by half the municipalities). With
    /// `scarce`, dwellings are short nationally, not only locally.
    func batch(
        households: Int, municipalities: Int, seed: UInt64, healthEvery: Int = 20, scarce: Bool = false
    ) -> MatchingBatch {
        var spec = Fixtures.spec(households: households, municipalities: municipalities, counties: 3, seed: seed)
        let scenario = Fixtures.scenario(spec)
        spec.capacity.nationalTotal = Int(Double(scenario.persons) * 1.1)
        let resized = Fixtures.scenario(spec)
        let households = resized.households
        let large = CapacityDimension(
            name: "large", demand: households.map { $0.size >= 4 ? 1 : 0 },
            capacity: resized.capacity.map { max(1, $0 / (scarce ? 25 : 12)) })
        let health = CapacityDimension(
            name: "health", demand: households.indices.map { $0 % healthEvery == 0 ? 1 : 0 },
            capacity: resized.capacity.indices.map { $0 % 2 == 0 ? max(1, resized.capacity[$0] / 10) : 0 })
        return MatchingBatch(
            households: households, municipalities: resized.municipalities, capacity: resized.capacity,
            model: IntegrationModel(), dimensions: [large, health])
    }

    func expectFeasible(_ result: MatchResult, _ batch: MatchingBatch) {
        var used = [Int](repeating: 0, count: batch.municipalityCount)
        var load = batch.dimensions.map { _ in [Int](repeating: 0, count: batch.municipalityCount) }
        var objective = 0.0
        for (h, m) in result.placement.enumerated() {
            guard let m else { continue }
            #expect(batch.isAllowed(h, m))
            used[m] += batch.households[h].size
            for (k, d) in batch.dimensions.enumerated() { load[k][m] += d.demand[h] }
            objective += batch.value(h, m)
        }
        for m in 0..<batch.municipalityCount {
            #expect(used[m] <= batch.capacity[m])
            for (k, d) in batch.dimensions.enumerated() { #expect(load[k][m] <= d.capacity[m]) }
        }
        #expect(abs(objective - result.objective) < 1e-6)
        #expect(result.bound >= result.objective - 1e-9)
    }

    @Test func lpRepairHonoursDimensionsAndItsBoundHoldsAgainstTheExactOptimum() {
        let b = batch(households: 70, municipalities: 8, seed: 4, healthEvery: 10, scarce: true)
        var options = MatchingOptions()
        options.method = .exact
        options.gapTolerance = 0
        let exact = BatchMatcher.match(b, options: options)
        #expect(exact.termination == .optimal)
        expectFeasible(exact, b)
        // Tolerance 0 forces the Lagrangian pricing: its bound must still hold.
        options.method = .lpRepair
        let repaired = BatchMatcher.match(b, options: options)
        expectFeasible(repaired, b)
        #expect(repaired.lagrangianSteps > 0)
        #expect(repaired.bound >= exact.objective - 1e-6)
        // GLPK proves its optimum within its own tolerances (relative 1e-7): with column generation
        // lp-repair's placement here is 187.061213 against GLPK's 187.061201.
        #expect(repaired.objective <= exact.objective * (1 + 1e-7))
        #expect(repaired.objective >= exact.objective * 0.97)
    }

    /// Dwellings short nationally: the bound converges slowly, and the result says so honestly.
    @Test func nationalShortageIsReportedWithItsTrueGap() {
        let b = batch(households: 1_000, municipalities: 60, seed: 9, healthEvery: 7, scarce: true)
        let result = BatchMatcher.match(b, options: MatchingOptions())
        expectFeasible(result, b)
        #expect(result.lagrangianSteps > 0)
        #expect((result.termination == .optimal) == (result.gap <= 0.001))
        #expect(result.placement.contains(nil))
    }

    /// A batch above the local search's household limit (5,000 households on 200 municipalities,
    /// places for 0.97 × the persons, the scenario's three dimensions). Without the moves after
    /// the dive lp-repair ends 0.33 % below its bound; with them the dimension pricing certifies
    /// the first dive's placement and stops there (20 of its 40 steps).
    @Test func aLargeScarceBatchIsCertifiedByMovesAfterTheDive() {
        var spec = ScenarioSpec()
        spec.seed = 3
        var country = GeneratedMunicipalities()
        country.count = 200
        country.counties = 5
        country.population = 3_000_000
        spec.municipalities = .synthetic(country)
        spec.housing.privateShare = 0
        var mix = CohortMix()
        mix.households = 5_000
        spec.cohort = .generated(mix)
        spec.process.arrivals = .batch
        spec.process.processingDays = 0
        spec.process.capacityRelease = .upfront
        spec.capacity.nationalTotal = Fixtures.scenario(spec).persons * 97 / 100
        let b = Simulation.firstBatch(Fixtures.scenario(spec))
        #expect(b.householdCount > LPRepair.localSearchLimit)
        #expect(b.capacity.reduce(0, +) < b.households.reduce(0) { $0 + $1.size })
        var options = MatchingOptions()
        options.method = .lpRepair
        let result = BatchMatcher.match(b, options: options)
        expectFeasible(result, b)
        #expect(result.termination == .optimal)
        #expect(result.gap <= 0.001)
        #expect(result.lagrangianSteps > 0)
        #expect(result.lagrangianSteps < DimensionPricing.maximumSteps)
    }

    /// The pricing stops at the first step whose bound reaches `enough`, not after all its steps.
    @Test func dimensionPricingStopsOnceItsBoundIsEnough() {
        let b = batch(households: 1_000, municipalities: 60, seed: 9, healthEvery: 7, scarce: true)
        let H = b.householdCount
        let M = b.municipalityCount
        let sizes = b.households.map(\.size)
        var profit = [Double](repeating: -.infinity, count: H * M)
        for h in 0..<H {
            for m in 0..<M where b.isAllowed(h, m) && b.capacity[m] >= sizes[h] {
                profit[h * M + m] = b.value(h, m) / Double(sizes[h])
            }
        }
        let lp = WarmTransportation(supply: sizes, capacity: b.capacity, profit: profit)
        lp.solve()
        let start = lp.dualBound()
        let full = DimensionPricing.price(b, dimensions: b.dimensions, profit: profit, bound: start, gapTolerance: 0)
        #expect(full.bound < start)
        let enough = (start + full.bound) / 2
        let early = DimensionPricing.price(
            b, dimensions: b.dimensions, profit: profit, bound: start, gapTolerance: 0, enough: enough)
        #expect(early.bound <= enough)
        #expect(early.steps < full.steps)
    }

    @Test func nationalBatchWithDimensionsIsCertified() {
        let b = batch(households: 2_000, municipalities: 120, seed: 9)
        let result = BatchMatcher.match(b, options: MatchingOptions())
        #expect(result.method == .lpRepair)
        expectFeasible(result, b)
        #expect(result.termination == .optimal)
        #expect(result.gap <= 0.001)
        // Same batch, same answer.
        let again = BatchMatcher.match(b, options: MatchingOptions())
        #expect(again.placement == result.placement)
        #expect(again.bound == result.bound)
    }

    @Test func householdNoDimensionCanHoldIsUnplacedNotDropped() {
        let municipalities = Fixtures.scenario(Fixtures.spec(municipalities: 3, counties: 1)).municipalities
        let needy = Household(id: "needy", members: [Fixtures.person(30), Fixtures.person(8)])
        let plain = Household(id: "plain", members: [Fixtures.person(30)])
        let health = CapacityDimension(name: "health", demand: [1, 0], capacity: [0, 0, 0])
        let b = MatchingBatch(
            households: [needy, plain], municipalities: municipalities, capacity: [5, 5, 5], model: IntegrationModel(),
            dimensions: [health])
        for method in [MatchingMethod.exact, .lpRepair] {
            var options = MatchingOptions()
            options.method = method
            let result = BatchMatcher.match(b, options: options)
            #expect(result.placement.count == 2)
            #expect(result.placement[0] == nil)
            #expect(result.placement[1] != nil)
        }
    }

    @Test func warmStartedResolveMatchesAFreshSolve() {
        let b = batch(households: 300, municipalities: 20, seed: 2)
        let M = b.municipalityCount
        let sizes = b.households.map(\.size)
        var profit = [Double](repeating: -.infinity, count: b.householdCount * M)
        for h in 0..<b.householdCount {
            for m in 0..<M where b.isAllowed(h, m) { profit[h * M + m] = b.value(h, m) / Double(sizes[h]) }
        }
        let lp = WarmTransportation(supply: sizes, capacity: b.capacity, profit: profit)
        lp.solve()
        // Lower every row of a third of the households, as a price step would.
        for h in stride(from: 0, to: b.householdCount, by: 3) {
            for m in 0..<M where profit[h * M + m] > -.infinity {
                profit[h * M + m] -= 0.3 * Double(m % 4)
                lp.setProfit(h, m, profit[h * M + m])
            }
            lp.rowChanged(h)
        }
        lp.solve()
        var warm = 0.0
        lp.forEachFlow { h, m, amount in warm += profit[h * M + m] * Double(amount) }
        let fresh = TransportationSolver.solve(
            TransportationProblem(supply: sizes, capacity: b.capacity, profit: profit))
        #expect(abs(warm - fresh.objective) < 1e-6)
        #expect(abs(lp.dualBound() - fresh.objective) < 1e-6)
    }
}
