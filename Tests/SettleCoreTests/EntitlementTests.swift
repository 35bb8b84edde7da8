// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// One case per rule of the entitlement table, named after the rule it checks.
@Suite struct EntitlementTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: Entitlement
        var age: Int
        var path: SettlementPath
        var granted: Bool
        var testDescription: String { "\(rule.rawValue): age \(age), \(path.rawValue) -> \(granted)" }
    }

    static let cases: [Case] = [
        // introduction_programme: adults 18-55 settled by IMDi or by agreement.
        Case(rule: .introductionProgramme, age: 18, path: .settledByIMDi, granted: true),
        Case(rule: .introductionProgramme, age: 55, path: .selfSettled, granted: true),
        Case(rule: .introductionProgramme, age: 56, path: .settledByIMDi, granted: false),
        Case(rule: .introductionProgramme, age: 17, path: .settledByIMDi, granted: false),
        Case(rule: .introductionProgramme, age: 30, path: .declined, granted: false),
        Case(rule: .introductionProgramme, age: 30, path: .waiting, granted: false),
        // introduction_benefit: follows the programme; declining loses it.
        Case(rule: .introductionBenefit, age: 30, path: .settledByIMDi, granted: true),
        Case(rule: .introductionBenefit, age: 30, path: .selfSettled, granted: true),
        Case(rule: .introductionBenefit, age: 30, path: .declined, granted: false),
        // norwegian_tuition: every adult, whatever the path.
        Case(rule: .norwegianTuition, age: 30, path: .declined, granted: true),
        Case(rule: .norwegianTuition, age: 70, path: .waiting, granted: true),
        Case(rule: .norwegianTuition, age: 12, path: .settledByIMDi, granted: false),
        // compulsory_school: ages 6-15, right and duty on every path.
        Case(rule: .compulsorySchool, age: 6, path: .declined, granted: true),
        Case(rule: .compulsorySchool, age: 15, path: .settledByIMDi, granted: true),
        Case(rule: .compulsorySchool, age: 16, path: .settledByIMDi, granted: false),
        Case(rule: .compulsorySchool, age: 5, path: .settledByIMDi, granted: false),
        // upper_secondary: ages 16-18, a right on every path.
        Case(rule: .upperSecondary, age: 16, path: .declined, granted: true),
        Case(rule: .upperSecondary, age: 18, path: .selfSettled, granted: true),
        Case(rule: .upperSecondary, age: 19, path: .settledByIMDi, granted: false),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) {
        #expect(EntitlementTable.standard.grants(c.rule, age: c.age, path: c.path) == c.granted)
    }

    @Test func everyRuleIsCovered() {
        let covered = Set(Self.cases.map(\.rule))
        #expect(covered == Set(Entitlement.allCases))
        #expect(EntitlementTable.standard.rules.count == Entitlement.allCases.count)
    }

    @Test func benefitIsTwoGAndTwoThirdsOfThatUnder25() {
        let rates = BenefitRates()
        #expect(rates.annualBenefit(age: 30) == 248_056)
        #expect(abs(rates.annualBenefit(age: 24) - 165_370.666_666) < 0.001)
        #expect(rates.annualBenefit(age: 25) == 248_056)
    }
}

@Suite struct ModelTests {
    let municipalities = [
        Municipality(
            id: "A", name: "Central", countyID: "01", county: "X", population: 500_000, areaKm2: 100, latitude: 60,
            longitude: 10, labourMarket: 0.6, centrality: 0.95),
        Municipality(
            id: "B", name: "Rural", countyID: "01", county: "X", population: 1_500, areaKm2: 900, latitude: 62,
            longitude: 9, labourMarket: 0.6, centrality: 0.1),
    ]

    @Test func declineModelReferenceAndExtremes() {
        var model = DeclineModel()
        model.remoteness = 0
        model.singleAdult = 0
        let family = Household(id: "h", members: [Fixtures.person(30), Fixtures.person(5)])
        #expect(abs(model.probability(household: family, offered: 0, municipalities: municipalities) - 0.05) < 1e-12)
        model.baseRate = 1
        #expect(model.probability(household: family, offered: 0, municipalities: municipalities) == 1)
        model.baseRate = 0
        #expect(model.probability(household: family, offered: 0, municipalities: municipalities) == 0)
    }

    @Test func remoteOffersAndTiesElsewhereRaiseDeclines() {
        let model = DeclineModel()
        let family = Household(id: "h", members: [Fixtures.person(30), Fixtures.person(5)])
        let central = model.probability(household: family, offered: 0, municipalities: municipalities)
        let rural = model.probability(household: family, offered: 1, municipalities: municipalities)
        #expect(rural > central)
        let tied = Household(id: "t", members: family.members, tieMunicipality: 0)
        #expect(model.probability(household: tied, offered: 1, municipalities: municipalities) > rural)
        #expect(model.probability(household: tied, offered: 0, municipalities: municipalities) == central)
    }

    @Test func integrationModelRewardsEducationWhereItPays() {
        let model = IntegrationModel()
        let graduate = Fixtures.person(30, .higher, .good)
        let basic = Fixtures.person(30, .basic, .none)
        #expect(
            model.employmentProbability(graduate, in: municipalities[0])
                > model.employmentProbability(graduate, in: municipalities[1]))
        let gainCentral =
            model.employmentProbability(graduate, in: municipalities[0])
            - model.employmentProbability(basic, in: municipalities[0])
        let gainRural =
            model.employmentProbability(graduate, in: municipalities[1])
            - model.employmentProbability(basic, in: municipalities[1])
        #expect(gainCentral > gainRural)
        #expect(model.employmentProbability(Fixtures.person(10), in: municipalities[0]) == 0)
        #expect(model.employmentProbability(Fixtures.person(70), in: municipalities[0]) == 0)
        let household = Household(id: "h", members: [graduate, basic, Fixtures.person(8)])
        let expected =
            model.employmentProbability(graduate, in: municipalities[0])
            + model.employmentProbability(basic, in: municipalities[0])
        #expect(abs(model.score(household, in: municipalities[0]) - expected) < 1e-12)
        #expect(abs(model.matchingValue(household, in: municipalities[0]) - (3 + expected)) < 1e-6)
    }
}
