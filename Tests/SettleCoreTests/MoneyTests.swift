// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// What a budget analyst asks for: the benefit within the year, reception person-days and their cost,
/// the municipal integration grant and what declining costs, each against a hand computation.
@Suite struct MoneyTests {
    @Test func youthLivingWithAParentGetsOneThirdOthersTwoThirds() {
        let rates = BenefitRates()
        let full = rates.basicAmount * rates.multipleOfG
        #expect(rates.annualBenefit(age: 30) == full)
        #expect(abs(rates.annualBenefit(age: 20) - full * 2 / 3) < 1e-6)
        #expect(abs(rates.annualBenefit(age: 20, livesWithParent: true) - full / 3) < 1e-6)
        let family = Household(id: "f", members: [Fixtures.person(45), Fixtures.person(19), Fixtures.person(23)])
        #expect(BenefitRates.livesWithParent(1, in: family))
        #expect(!BenefitRates.livesWithParent(0, in: family))
        let couple = Household(id: "c", members: [Fixtures.person(22), Fixtures.person(24)])
        #expect(!BenefitRates.livesWithParent(0, in: couple))
    }

    @Test func grantRatesFollowTheHousehold() {
        let rates = GrantRates()
        let single = Household(id: "s", members: [Fixtures.person(30)])
        let family = Household(id: "f", members: [Fixtures.person(30), Fixtures.person(8)])
        let minor = Household(id: "m", members: [Fixtures.person(16)])
        #expect(rates.firstYear(single.members[0], in: single) == 241_000)
        #expect(rates.firstYear(family.members[0], in: family) == 187_000)
        #expect(rates.firstYear(family.members[1], in: family) == 194_400)
        #expect(rates.firstYear(minor.members[0], in: minor) == 1_118_000)
    }

    @Test func moneyFiguresAddUpFromHouseholdHistories() {
        var spec = Fixtures.spec(households: 400)
        spec.housing.privateShare = 0.4
        spec.decline.baseRate = 0.3
        spec.process.backlogShare = 0.5
        spec.reception.costPerPersonDayNOK = 500
        let scenario = Fixtures.scenario(spec)
        let result = Simulation.run(scenario)
        let o = OutcomeCollector.collect(scenario: scenario, result: result)
        let process = spec.process
        var personDays = 0
        var atStart = 0
        var grant = 0.0
        var withinYear = 0.0
        var receptionLost = 0
        for (h, household) in scenario.households.enumerated() {
            let history = result.histories[h]
            if household.housing == .reception {
                let leaves = history.offerDay.map { $0 + process.leadTimeDays } ?? process.horizonDays
                personDays += max(0, min(leaves, process.horizonDays) - max(0, household.permitDay)) * household.size
                if household.permitDay < 0 { atStart += household.size }
                if history.path == .declined { receptionLost += household.size }
            } else {
                #expect(household.permitDay >= 0, "only households in reception have permits from before the year")
            }
            guard history.path == .settledByIMDi || history.path == .selfSettled else { continue }
            let start = OutcomeCollector.settledDay(history, path: history.path, process: process)
            for (i, person) in household.members.enumerated() {
                grant += spec.grant.firstYear(person, in: household)
                if (18...55).contains(person.age) {
                    let rate = spec.benefit.annualBenefit(
                        age: person.age, livesWithParent: BenefitRates.livesWithParent(i, in: household))
                    withinYear += rate * Double(max(0, process.horizonDays - start)) / 365
                }
            }
        }
        #expect(atStart > 0)
        #expect(o.reception.personsAtStart == atStart)
        #expect(o.reception.personDays == personDays)
        #expect(o.reception.costNOK == Double(personDays) * 500)
        #expect(abs(o.grant.firstYearNOK - grant) < 1e-3)
        #expect(o.grant.persons == o.outcomes.settledByIMDi + o.outcomes.selfSettled)
        #expect(abs(o.introductionBenefit.withinYearNOK - withinYear) < 1e-3)
        #expect(o.introductionBenefit.withinYearNOK < o.introductionBenefit.annualCostNOK)
        #expect(o.declineLosses.receptionPlace == receptionLost)
        #expect(o.declineLosses.municipalSupport == o.outcomes.declined)
        #expect(o.declineLosses.movingHelp == o.outcomes.declined)
        #expect(o.declineLosses.introductionProgramme == o.introductionProgramme.lostByDecline)
        #expect(o.declineLosses.receptionPlace < o.outcomes.declined)
        #expect(o.housing.reception.persons + o.housing.privately.persons == scenario.persons)
    }

    @Test func aNationalTotalBelowTheMinimumIsRefusedNotInflated() {
        var spec = Fixtures.spec(households: 50, municipalities: 20)
        spec.capacity.nationalTotal = 60
        spec.capacity.minimum = 5
        #expect(throws: ScenarioError.self) { try Scenario.resolve(spec) }
        spec.capacity.nationalTotal = 100
        #expect(throws: Never.self) { try Scenario.resolve(spec) }
    }
}
