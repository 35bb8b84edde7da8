// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct GenerationTests {
    @Test func apportionHitsTheTotalAndTheMinimum() {
        let shares = MunicipalityGenerator.apportion(total: 100, weights: [1, 2, 7], minimum: 5)
        #expect(shares.reduce(0, +) == 100)
        #expect(shares.allSatisfy { $0 >= 5 })
        #expect(shares == [14, 22, 64])
    }

    @Test func norwayLikeDefaultsMatchThe2024Structure() {
        var rng = SplitMix64(seed: 1)
        let records = MunicipalityGenerator.generate(GeneratedMunicipalities(), rng: &rng)
        #expect(records.count == 357)
        #expect(Set(records.map(\.countyID)).count == 15)
        #expect(records.reduce(0) { $0 + $1.population } == 5_550_000)
        #expect(Set(records.map(\.id)).count == 357)
        #expect(records.filter { $0.county == "Innlandet" }.count == 46)
        #expect(records.filter { $0.county == "Oslo" }.count == 1)
        #expect(abs(records.first { $0.county == "Oslo" }!.population - 717_710) < 100)
        // A skewed spread: the median municipality is far smaller than the mean (5,322 vs 15,547 in 2024).
        let sorted = records.map(\.population).sorted()
        #expect(sorted[178] < 12_000)
        #expect(sorted.last! > 100_000)
    }

    @Test func decisionsShareTheNationalTotalByPopulation() {
        var spec = Fixtures.spec()
        spec.capacity.nationalTotal = 1_000
        spec.capacity.minimum = 10
        let scenario = Fixtures.scenario(spec)
        #expect(scenario.capacity.reduce(0, +) == 1_000)
        #expect(scenario.capacity.allSatisfy { $0 >= 10 })
        let biggest = scenario.municipalities.indices.max {
            scenario.municipalities[$0].population < scenario.municipalities[$1].population
        }!
        #expect(scenario.capacity[biggest] == scenario.capacity.max())
    }

    @Test func overridesFixOneDecisionAndTheRestShareWhatIsLeft() throws {
        var spec = Fixtures.spec()
        spec.capacity.nationalTotal = 1_000
        let first = Fixtures.scenario(spec).municipalities[0].id
        spec.capacity.overrides = [first: 300]
        let scenario = Fixtures.scenario(spec)
        #expect(scenario.capacity[0] == 300)
        #expect(scenario.capacity.reduce(0, +) == 1_000)
    }

    @Test func unknownOverrideIdIsAScenarioError() {
        var spec = Fixtures.spec()
        spec.capacity.overrides = ["9999": 10]
        #expect(throws: ScenarioError.self) { try Scenario.resolve(spec) }
    }

    @Test func participationShareIsExact() {
        var spec = Fixtures.spec(municipalities: 40)
        spec.selfSettlement.municipalityShare = 0.25
        #expect(Fixtures.scenario(spec).selfSettlementParticipation.filter { $0 }.count == 10)
    }

    @Test func cohortFollowsTheMix() {
        let scenario = Fixtures.scenario(Fixtures.spec(households: 5_000))
        let households = scenario.households
        #expect(households.count == 5_000)
        let singles = households.filter { $0.size == 1 && !$0.isUnaccompaniedMinor }.count
        #expect(abs(Double(singles) / 5_000 - 0.42 * 0.99) < 0.03)
        let minors = households.filter(\.isUnaccompaniedMinor).count
        #expect(minors > 20 && minors < 90)
        #expect(households.allSatisfy { $0.size >= 1 && $0.size <= 6 })
        let adults = households.flatMap(\.members).filter(\.isAdult)
        let higher = adults.filter { $0.education == .higher }.count
        #expect(abs(Double(higher) / Double(adults.count) - 0.4) < 0.03)
        let tied = households.filter { $0.tieMunicipality != nil }.count
        #expect(abs(Double(tied) / 5_000 - 0.3) < 0.03)
    }

    @Test func sameSeedSameScenarioOtherSeedOtherScenario() {
        let a = Fixtures.scenario(Fixtures.spec(seed: 1))
        let b = Fixtures.scenario(Fixtures.spec(seed: 1))
        let c = Fixtures.scenario(Fixtures.spec(seed: 2))
        #expect(a.households == b.households)
        #expect(a.municipalities == b.municipalities)
        #expect(a.households != c.households)
    }

    @Test func centralityRisesWithPopulation() {
        #expect(Scenario.centrality(population: 700_000) == 1)
        #expect(Scenario.centrality(population: 100) == 0)
        #expect(Scenario.centrality(population: 5_000) < Scenario.centrality(population: 50_000))
    }
}
