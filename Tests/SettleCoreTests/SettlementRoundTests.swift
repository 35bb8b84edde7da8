import Testing

@testable import SettleCore

@Suite struct SettlementRoundTests {
    func run(_ spec: ScenarioSpec) -> (Scenario, RoundResult, Outcomes) {
        let scenario = Fixtures.scenario(spec)
        let round = SettlementRound.run(scenario)
        return (scenario, round, OutcomeCollector.collect(scenario: scenario, round: round))
    }

    @Test func everyPersonIsCountedOnceAndNoDecisionIsExceeded() {
        let (scenario, round, o) = run(Fixtures.spec(households: 600, municipalities: 30))
        #expect(o.outcomes.total == scenario.persons)
        #expect(o.householdOutcomes.total == 600)
        #expect(o.offers.made == o.offers.accepted + o.offers.declined)
        #expect(o.offers.accepted == o.householdOutcomes.settledByIMDi)
        #expect(o.offers.declined == o.householdOutcomes.declined)
        #expect(o.capacity.overCapacityMunicipalities == 0)
        for m in scenario.municipalities.indices { #expect(round.capacityUsed[m] <= scenario.capacity[m]) }
        #expect(o.capacity.used == o.outcomes.settledByIMDi + o.outcomes.selfSettled)
        #expect(o.municipalities.reduce(0) { $0 + $1.used } == o.capacity.used)
        #expect(o.counties.reduce(0) { $0 + $1.used } == o.capacity.used)
        #expect(o.outcomes.selfSettled > 0)
        #expect(o.outcomes.declined > 0)
    }

    @Test func forcingEveryOfferToBeDeclinedLosesEveryProgrammePlace() {
        var spec = Fixtures.spec(households: 300)
        spec.decline.baseRate = 1
        spec.selfSettlement.householdShare = 0
        let (scenario, round, o) = run(spec)
        #expect(o.offers.made == 300 - o.householdOutcomes.waiting)
        #expect(o.offers.accepted == 0)
        #expect(o.outcomes.settledByIMDi == 0)
        #expect(o.introductionProgramme.participants == 0)
        #expect(o.introductionBenefit.annualCostNOK == 0)
        let eligible = scenario.households.flatMap(\.members).filter { (18...55).contains($0.age) }.count
        #expect(o.introductionProgramme.lostByDecline == eligible)
        let declinedAdults = scenario.households.indices.filter { round.fates[$0].path == .declined }
            .flatMap { scenario.households[$0].members }.filter(\.isAdult).count
        #expect(o.norwegianTuition.keptByDecliners == declinedAdults)
        #expect(o.capacity.used == 0)
    }

    @Test func noSelfSettlementWhenTurnedOff() {
        var spec = Fixtures.spec(households: 300)
        spec.selfSettlement.householdShare = 0
        #expect(run(spec).2.outcomes.selfSettled == 0)
        spec.selfSettlement.householdShare = 1
        spec.selfSettlement.participating = []
        #expect(run(spec).2.outcomes.selfSettled == 0)
    }

    @Test func selfSettlementCountsAgainstTheDecision() {
        var spec = Fixtures.spec(households: 300)
        spec.selfSettlement.householdShare = 1
        spec.selfSettlement.municipalityShare = 1
        spec.selfSettlement.approvalProbability = 1
        let (scenario, round, o) = run(spec)
        #expect(o.outcomes.selfSettled > 0)
        for (h, fate) in round.fates.enumerated() where fate.path == .selfSettled {
            #expect(fate.offered == nil)
            #expect(!scenario.households[h].isUnaccompaniedMinor)
        }
        #expect(o.capacity.overCapacityMunicipalities == 0)
    }

    @Test func benefitCostAddsUpFromParticipants() {
        var spec = Fixtures.spec(households: 200)
        spec.decline.baseRate = 0
        let (scenario, round, o) = run(spec)
        var expected = 0.0
        for (h, household) in scenario.households.enumerated()
        where round.fates[h].path == .settledByIMDi || round.fates[h].path == .selfSettled {
            for p in household.members where (18...55).contains(p.age) {
                expected += p.age < 25 ? 248_056 * 2 / 3 : 248_056
            }
        }
        #expect(abs(o.introductionBenefit.annualCostNOK - expected) < 1)
        #expect(o.introductionBenefit.forgoneByDeclineNOK == 0)
    }

    @Test func sameSeedSameFatesOtherSeedOtherFates() {
        let a = run(Fixtures.spec(households: 300, seed: 4)).1
        let b = run(Fixtures.spec(households: 300, seed: 4)).1
        let c = run(Fixtures.spec(households: 300, seed: 5)).1
        #expect(a.fates == b.fates)
        #expect(a.fates != c.fates)
    }
}
