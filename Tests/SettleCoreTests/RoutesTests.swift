// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

/// Housing on arrival and the routes to settlement (UDI's pages, IMDi's practice): each rule row of
/// `RouteRules` is tested here by what the simulation does with it and without it.
@Suite struct RoutesTests {
    static func run(_ spec: ScenarioSpec) -> (Scenario, SimulationResult) {
        let scenario = Fixtures.scenario(spec)
        return (scenario, Simulation.run(scenario))
    }

    static func routesSpec(households: Int = 600) -> ScenarioSpec {
        var spec = Fixtures.spec(households: households)
        spec.housing.privateShare = 0.5
        spec.selfSettlement.householdShare = 0.8
        spec.selfSettlement.municipalityShare = 1
        spec.selfSettlement.approvalProbability = 1
        spec.cohort = {
            var mix = CohortMix()
            mix.households = households
            mix.unaccompaniedMinorShare = 0.1
            return .generated(mix)
        }()
        return spec
    }

    @Test func housingOnArrivalFollowsTheShareAndMinorsAreAlwaysInCare() {
        var spec = Self.routesSpec(households: 2_000)
        spec.housing.privateShare = 0.3
        let scenario = Fixtures.scenario(spec)
        let privately = scenario.households.filter { $0.housing == .privately }
        let adults = scenario.households.filter { !$0.isUnaccompaniedMinor }
        #expect(abs(Double(privately.count) / Double(adults.count) - 0.3) < 0.04)
        #expect(scenario.households.filter(\.isUnaccompaniedMinor).allSatisfy { $0.housing == .reception })
        #expect(!scenario.households.filter(\.isUnaccompaniedMinor).isEmpty)
    }

    @Test func ruleReceptionSettledByIMDiNobodyFromReceptionSelfSettles() {
        let (scenario, result) = Self.run(Self.routesSpec())
        let fromReception = scenario.households.indices.filter { scenario.households[$0].housing == .reception }
        #expect(fromReception.allSatisfy { result.histories[$0].path != .selfSettled })
        #expect(fromReception.allSatisfy { !result.histories[$0].triedSelfSettlement })
        // Those living privately do settle by agreement.
        #expect(result.histories.contains { $0.path == .selfSettled })
        // Dropping the row lets households in reception search too.
        var spec = Self.routesSpec()
        spec.routes.rules.remove(.receptionSettledByIMDi)
        let (other, dropped) = Self.run(spec)
        #expect(
            other.households.indices.contains {
                other.households[$0].housing == .reception && dropped.histories[$0].path == .selfSettled
            })
    }

    @Test func ruleMinorsCannotDeclineEvenWhenEveryoneElseDoes() {
        var spec = Self.routesSpec()
        spec.decline.baseRate = 1
        let (scenario, result) = Self.run(spec)
        let minors = scenario.households.indices.filter { scenario.households[$0].isUnaccompaniedMinor }
        #expect(minors.contains { result.histories[$0].path == .settledByIMDi })
        #expect(minors.allSatisfy { result.histories[$0].path != .declined })
        #expect(result.histories.contains { $0.path == .declined })
        spec.routes.rules.remove(.minorsCannotDecline)
        let (_, dropped) = Self.run(spec)
        #expect(minors.contains { dropped.histories[$0].path == .declined })
    }

    @Test func ruleSettlementIsVoluntaryPrivateHouseholdsMayAskForNothing() {
        var spec = Self.routesSpec()
        spec.selfSettlement.householdShare = 0
        spec.housing.applyShare = 0.5
        let (scenario, result) = Self.run(spec)
        let asked = result.histories.indices.filter { result.histories[$0].path == .noSettlementAsked }
        #expect(!asked.isEmpty)
        #expect(asked.allSatisfy { scenario.households[$0].housing == .privately })
        #expect(asked.allSatisfy { result.histories[$0].offersReceived == 0 && result.histories[$0].reason == nil })
        let outcomes = OutcomeCollector.collect(scenario: scenario, result: result)
        #expect(outcomes.outcomes.noSettlementAsked == asked.reduce(0) { $0 + scenario.households[$1].size })
        #expect(outcomes.outcomes.total == scenario.persons)
        // No programme, benefit or grant for them; tuition and school stay.
        let table = EntitlementTable.standard
        #expect(!table.grants(.introductionProgramme, age: 30, path: .noSettlementAsked))
        #expect(!table.grants(.introductionBenefit, age: 30, path: .noSettlementAsked))
        #expect(table.grants(.norwegianTuition, age: 30, path: .noSettlementAsked))
        #expect(table.grants(.compulsorySchool, age: 10, path: .noSettlementAsked))
        spec.routes.rules.remove(.settlementIsVoluntary)
        let (_, dropped) = Self.run(spec)
        #expect(!dropped.histories.contains { $0.path == .noSettlementAsked })
    }

    @Test func privateApplicantsWaitForTheirApplicationAndGetOneOffer() {
        var spec = Self.routesSpec()
        spec.selfSettlement.householdShare = 0
        spec.housing.applyShare = 1
        spec.housing.applicationDays = 20...20
        spec.process.processingDays = 10
        let (scenario, result) = Self.run(spec)
        for h in scenario.households.indices where scenario.households[h].housing == .privately {
            let history = result.histories[h]
            #expect(history.appliedToIMDi)
            if let day = history.offerDay { #expect(day >= scenario.households[h].permitDay + 30) }
            #expect(history.offersReceived <= 1)
        }
    }

    @Test func selfSettlementIsClosedOnceIMDiHasMadeAnOffer() {
        let (_, result) = Self.run(Self.routesSpec())
        // A household that settled by agreement never had an offer.
        #expect(result.histories.filter { $0.path == .selfSettled }.allSatisfy { $0.offersReceived == 0 })
    }
}
