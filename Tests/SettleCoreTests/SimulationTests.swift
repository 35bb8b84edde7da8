// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct SimulationTests {
    func run(_ spec: ScenarioSpec) -> (Scenario, SimulationResult, Outcomes) {
        let scenario = Fixtures.scenario(spec)
        let result = Simulation.run(scenario)
        return (scenario, result, OutcomeCollector.collect(scenario: scenario, result: result))
    }

    func year(households: Int = 600, seed: UInt64 = 1) -> ScenarioSpec {
        var spec = Fixtures.spec(households: households, municipalities: 30, counties: 5, seed: seed)
        spec.process.horizonDays = 365
        spec.process.arrivals = .steady
        spec.capacity.unaccompaniedMinors = 30
        return spec
    }

    @Test func eventQueueOrdersByDayPriorityThenSequence() {
        var queue = EventQueue<String>()
        queue.schedule("round day 1", day: 1, priority: 4)
        queue.schedule("permit day 1 first", day: 1, priority: 2)
        queue.schedule("move day 1", day: 1, priority: 0)
        queue.schedule("permit day 1 second", day: 1, priority: 2)
        queue.schedule("day 0", day: 0, priority: 9)
        var order: [String] = []
        while let entry = queue.next() { order.append(entry.payload) }
        #expect(order == ["day 0", "move day 1", "permit day 1 first", "permit day 1 second", "round day 1"])
    }

    @Test func everyPersonIsCountedOnceAndNoDecisionIsExceeded() {
        var spec = year()
        spec.housing.privateShare = 0.5
        let (scenario, result, o) = run(spec)
        #expect(o.outcomes.total == scenario.persons)
        #expect(o.householdOutcomes.total == 600)
        #expect(o.offers.made == o.offers.accepted + o.offers.declined)
        #expect(o.offers.accepted == o.householdOutcomes.settledByIMDi)
        #expect(o.offers.declined == o.householdOutcomes.declined)
        #expect(o.capacity.overCapacityMunicipalities == 0)
        for m in scenario.municipalities.indices { #expect(result.capacityUsed[m] <= scenario.capacity[m]) }
        #expect(o.capacity.used == o.outcomes.settledByIMDi + o.outcomes.selfSettled)
        #expect(o.municipalities.reduce(0) { $0 + $1.used } == o.capacity.used)
        #expect(o.counties.reduce(0) { $0 + $1.used } == o.capacity.used)
        #expect(o.municipalities.reduce(0) { $0 + $1.declinedArrivals } == o.outcomes.declined)
        #expect(o.outcomes.selfSettled > 0)
        #expect(o.outcomes.declined > 0)
        // Weekly from day 0 to day 364; rounds with nobody to match are not recorded.
        let days = result.rounds.map(\.day)
        #expect(days.allSatisfy { $0 % 7 == 0 && $0 <= 364 && $0 >= 14 })
        #expect(Set(days).count == days.count)
        #expect(days.count >= 49 && days.count <= 51)
    }

    @Test func offersComeAfterThePermitAndProcessingAndOnlyOnce() {
        let (scenario, result, _) = run(year())
        let process = scenario.spec.process
        for (h, history) in result.histories.enumerated() {
            if let day = history.offerDay {
                #expect(day >= scenario.households[h].permitDay + process.processingDays)
                #expect(day % process.roundEveryDays == 0)
            }
            if history.path == .selfSettled { #expect(history.offered == nil) }
            if history.path == .waiting { #expect(history.offered == nil) }
        }
    }

    @Test func sameDayOrderAndSeedsMakeRunsIdentical() {
        let a = run(year(seed: 4)).1
        let b = run(year(seed: 4)).1
        let c = run(year(seed: 5)).1
        #expect(a.histories == b.histories)
        #expect(a.histories != c.histories)
    }

    @Test func forcingEveryOfferToBeDeclinedMovesEveryOfferedHouseholdToDeclined() {
        var spec = year()
        spec.decline.baseRate = 1
        spec.selfSettlement.householdShare = 0
        // Unaccompanied minors cannot decline (a route rule of its own, tested in RoutesTests).
        spec.cohort = {
            var mix = CohortMix()
            mix.households = 600
            mix.unaccompaniedMinorShare = 0
            return .generated(mix)
        }()
        let (scenario, result, o) = run(spec)
        #expect(o.offers.made > 0)
        #expect(o.offers.accepted == 0)
        #expect(o.householdOutcomes.declined == o.offers.made)
        #expect(o.outcomes.settledByIMDi == 0)
        #expect(o.introductionProgramme.participants == 0)
        #expect(o.introductionBenefit.annualCostNOK == 0)
        var lost = 0
        for (h, history) in result.histories.enumerated() where history.path == .declined {
            lost += scenario.households[h].members.filter { (18...55).contains($0.age) }.count
        }
        #expect(o.introductionProgramme.lostByDecline == lost)
        #expect(o.capacity.used == 0)
    }

    @Test func noSelfSettlementWhenTurnedOff() {
        var spec = year()
        spec.selfSettlement.householdShare = 0
        #expect(run(spec).2.outcomes.selfSettled == 0)
        spec.selfSettlement.householdShare = 1
        spec.selfSettlement.participating = []
        spec.housing.privateShare = 1
        let (_, result, o) = run(spec)
        #expect(o.outcomes.selfSettled == 0)
        // Everyone who tried and was turned down went back to IMDi's queue.
        #expect(result.histories.filter(\.triedSelfSettlement).count > 500)
        #expect(o.offers.made > 0)
    }

    @Test func unaccompaniedMinorsGoOnlyWhereThereArePlacesForThem() {
        var spec = year(households: 800)
        spec.process.capacityRelease = .upfront
        if case .generated(var mix) = spec.cohort {
            mix.unaccompaniedMinorShare = 0.1
            spec.cohort = .generated(mix)
        }
        let (scenario, result, o) = run(spec)
        var minors = [Int](repeating: 0, count: scenario.municipalities.count)
        for (h, history) in result.histories.enumerated() where scenario.households[h].isUnaccompaniedMinor {
            #expect(history.path != .selfSettled)
            if history.path == .settledByIMDi, let m = history.municipality { minors[m] += scenario.households[h].size }
        }
        for m in minors.indices { #expect(minors[m] <= scenario.minorCapacity[m]) }
        #expect(minors.reduce(0, +) > 0)
        #expect(o.municipalities.reduce(0) { $0 + $1.unaccompaniedMinors } == minors.reduce(0, +))
    }

    @Test func decisionsBelowNeedLeaveHouseholdsWaiting() {
        var spec = year()
        spec.capacity.nationalTotal = 300
        spec.capacity.minimum = 0
        let (scenario, _, o) = run(spec)
        #expect(o.outcomes.waiting > scenario.persons / 3)
        #expect(o.capacity.used <= 300)
        #expect(o.waitDays.withinTargetShare < 0.9)
    }

    @Test func everyWaitingHouseholdHasAReasonAndTheyAddUp() {
        var spec = year()
        spec.capacity.nationalTotal = 300
        spec.capacity.minimum = 0
        let (_, result, o) = run(spec)
        for history in result.histories { #expect((history.path == .waiting) == (history.reason != nil)) }
        #expect(o.waitingReasons.values.reduce(0) { $0 + $1.households } == o.householdOutcomes.waiting)
        #expect(o.waitingReasons.values.reduce(0) { $0 + $1.persons } == o.outcomes.waiting)
        // Places run out long before the year ends: most of the queue is never reached or loses to others.
        let short =
            (o.waitingReasons[.notReached]?.households ?? 0) + (o.waitingReasons[.othersMatched]?.households ?? 0)
        #expect(short > o.householdOutcomes.waiting / 2)
    }

    /// The year ends at the horizon: a search still running then is reported, not completed afterwards.
    @Test func searchesEndingAfterTheHorizonLeaveTheHouseholdWaiting() {
        var spec = year()
        spec.process.arrivalWindowDays = 365
        spec.process.searchDays = 60...60
        spec.selfSettlement.householdShare = 1
        spec.housing.privateShare = 1
        let (scenario, result, o) = run(spec)
        var late = 0
        for (h, history) in result.histories.enumerated() where history.triedSelfSettlement {
            let searchEnds = scenario.households[h].permitDay + 60
            if searchEnds >= 365 {
                late += 1
                #expect(history.path == .waiting)
                #expect(history.reason == .searchingOwnHome)
            }
            if history.path == .selfSettled { #expect(history.movedDay! < 365) }
        }
        #expect(late > 0)
        #expect(o.waitingReasons[.searchingOwnHome]?.households == late)
    }

    @Test func aHouseholdThatDeclinedWaitsForItsSecondOffer() {
        var spec = year()
        spec.decline.baseRate = 1
        spec.policy.offers = 2
        spec.selfSettlement.householdShare = 0
        spec.process.arrivalWindowDays = 365
        let (_, result, o) = run(spec)
        // Every offer is declined; those who declined their first in the last round still wait for a second.
        for history in result.histories {
            if history.declinedOffers == 2 { #expect(history.path == .declined) }
            if history.path == .waiting && history.declinedOffers == 1 {
                #expect([.awaitingNextOffer, .othersMatched, .notReached].contains(history.reason))
            }
        }
        #expect((o.waitingReasons[.awaitingNextOffer]?.households ?? 0) > 0)
        #expect(o.householdOutcomes.declined > 0)
    }

    @Test func waitStatisticsUseInterpolatedQuantiles() {
        let stats = OutcomeCollector.waitStatistics([10, 20, 30, 40], within: 3, counted: 4)
        #expect(stats.mean == 25)
        #expect(stats.median == 25)
        #expect(abs(stats.p90 - 37) < 1e-9)
        #expect(stats.withinTargetShare == 0.75)
    }

    @Test func benefitCostAddsUpFromParticipants() {
        var spec = year(households: 200)
        spec.decline.baseRate = 0
        let (scenario, result, o) = run(spec)
        var expected = 0.0
        for (h, household) in scenario.households.enumerated()
        where result.histories[h].path == .settledByIMDi || result.histories[h].path == .selfSettled {
            for (i, p) in household.members.enumerated() where (18...55).contains(p.age) {
                // Under 25: two thirds, or one third living with a parent (an adult 16 or more years older).
                let withParent = household.members.indices.contains {
                    $0 != i && household.members[$0].age >= 18 && household.members[$0].age >= p.age + 16
                }
                expected += p.age < 25 ? (withParent ? 248_056 / 3 : 248_056 * 2 / 3) : 248_056
            }
        }
        #expect(abs(o.introductionBenefit.annualCostNOK - expected) < 1)
        #expect(o.introductionBenefit.forgoneByDeclineNOK == 0)
    }

    @Test func programmeUpliftRaisesExpectedEmployment() {
        var spec = year(households: 200)
        spec.scoring.programmeUplift = 0
        let without = run(spec).2.expectedEmployed
        spec.scoring.programmeUplift = 1
        let with = run(spec).2.expectedEmployed
        #expect(with > without)
    }

    @Test func firstBatchIsTheFirstRoundsPool() {
        var spec = year()
        spec.process.arrivals = .batch
        spec.process.processingDays = 0
        spec.process.capacityRelease = .upfront
        spec.selfSettlement.householdShare = 0
        let scenario = Fixtures.scenario(spec)
        #expect(Simulation.firstBatch(scenario).householdCount == 600)
        // With a batch limit, a round takes the longest-waiting households up to 3 × the open places.
        spec.process.capacityRelease = .even
        let limited = Simulation.firstBatch(Fixtures.scenario(spec))
        #expect(limited.householdCount < 600)
        #expect(limited.households.reduce(0) { $0 + $1.size } >= 3 * limited.capacity.reduce(0, +))
    }
}
