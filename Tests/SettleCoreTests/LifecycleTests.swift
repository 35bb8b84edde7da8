// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct LifecycleTests {
    /// A lifecycle with nothing random switched on: no first-card appointments, travel, returns,
    /// exceptions or births.
    static func quiet(years: Int = 3) -> LifecycleSpec {
        var spec = LifecycleSpec()
        spec.years = years
        spec.firstCard.policeShare = 0
        spec.staysAbroad.travelShare = 0
        spec.staysAbroad.returnShare = 0
        spec.extensions.exceptionShare = 0
        spec.births.ratePer1000 = 0
        return spec
    }

    /// Hand-made households, all settled by IMDi `moveAfter` days after the permit: no matching needed.
    static func setting(
        _ households: [Household], path: SettlementPath = .settledByIMDi, moveAfter: Int = 40, seed: UInt64 = 1,
        _ lifecycle: LifecycleSpec = quiet()
    ) -> (Scenario, SimulationResult) {
        var spec = Fixtures.spec(households: 1, municipalities: 4, counties: 1, seed: seed)
        spec.lifecycle = lifecycle
        var scenario = Fixtures.scenario(spec)
        scenario.households = households
        let histories = households.map { household -> HouseholdHistory in
            var history = HouseholdHistory()
            history.path = path
            history.municipality = 0
            history.movedDay = path == .waiting ? nil : household.permitDay + moveAfter
            return history
        }
        return (scenario, SimulationResult(histories: histories, rounds: [], capacityUsed: [0, 0, 0, 0]))
    }

    /// The same, with each household living where `housing` says on arrival.
    static func setting(
        _ households: [Household], housing: ArrivalHousing, path: SettlementPath = .settledByIMDi,
        moveAfter: Int = 40, _ lifecycle: LifecycleSpec
    ) -> (Scenario, SimulationResult) {
        let housed = households.map { household -> Household in
            var h = household
            h.housing = housing
            return h
        }
        return setting(housed, path: path, moveAfter: moveAfter, lifecycle)
    }

    static func household(_ ages: [Int], permitDay: Int) -> Household {
        Household(id: "H\(permitDay)", members: ages.map { Fixtures.person($0) }, permitDay: permitDay)
    }

    /// Many generated-like households spread over the first year.
    static func cohort(_ count: Int) -> [Household] {
        var rng = SplitMix64(seed: 99)
        return (0..<count).map { i in
            let adults = rng.integer(in: 1...2)
            let children = rng.integer(in: 0...3)
            let ages =
                (0..<adults).map { _ in rng.integer(in: 20...50) } + (0..<children).map { _ in rng.integer(in: 0...17) }
            return Household(
                id: "H\(i)", members: ages.map { Fixtures.person($0) }, permitDay: rng.integer(in: 0...299))
        }
    }

    /// Every stock at a year's end equals the previous one plus what came in less what went out.
    static func expectAddsUp(_ o: LifecycleOutcomes, sourceLocation: SourceLocation = #_sourceLocation) {
        for (i, y) in o.years.enumerated() {
            let p = y.permits
            #expect(y.year == i + 1, sourceLocation: sourceLocation)
            #expect(
                p.end == p.start + p.granted + p.childPermits - p.lostAbroad - p.returned - p.refusedAtExpiry,
                "year \(y.year): permits", sourceLocation: sourceLocation)
            let b = y.births
            #expect(
                b.pendingEnd == b.pendingStart + b.needingPermit - p.childPermits - b.withdrawn,
                "year \(y.year): child applications", sourceLocation: sourceLocation)
            #expect(b.total == b.viaReception + b.atPolice, sourceLocation: sourceLocation)
            let g = y.programme
            #expect(
                g.end == g.start + g.started - g.completed - g.left, "year \(y.year): programme",
                sourceLocation: sourceLocation)
            #expect(
                y.extensions.processed == y.extensions.granted + y.extensions.refused, sourceLocation: sourceLocation)
            #expect(y.workload.cardsByMonth.reduce(0, +) == y.workload.cards, sourceLocation: sourceLocation)
            #expect(y.workload.cardsAfterFingerprint == y.workload.fingerprints, sourceLocation: sourceLocation)
            #expect(y.returns.persons == p.returned, sourceLocation: sourceLocation)
            #expect(y.staysAbroad.reportedToTax <= y.staysAbroad.trips, sourceLocation: sourceLocation)
            if i == 0 {
                #expect(p.start == 0 && b.pendingStart == 0 && g.start == 0, sourceLocation: sourceLocation)
            } else {
                let before = o.years[i - 1]
                #expect(p.start == before.permits.end, sourceLocation: sourceLocation)
                #expect(b.pendingStart == before.births.pendingEnd, sourceLocation: sourceLocation)
                #expect(g.start == before.programme.end, sourceLocation: sourceLocation)
            }
        }
    }

    @Test func offUnlessTwoYearsOrMore() {
        let (one, result) = Self.setting([Self.household([30], permitDay: 0)], Self.quiet(years: 1))
        #expect(Lifecycle.run(one, result) == nil)
        #expect(ScenarioSpec().lifecycle.isOn == false)
        let (two, result2) = Self.setting([Self.household([30], permitDay: 0)], Self.quiet(years: 2))
        #expect(Lifecycle.run(two, result2)?.years.count == 2)
    }

    @Test func extensionsCardsAndFingerprintsFallOnTheirDays() throws {
        var spec = Self.quiet()
        spec.extensions.fingerprintDays = 10...10
        spec.extensions.digitalShare = 1
        let households = [
            // Processed on days 354, 719, 1084: the first in year 1. The 4-year-old gives a fingerprint once.
            Self.household([35, 4], permitDay: 10),
            // Processed on days 544 and 909.
            Self.household([40], permitDay: 200),
            // Processed on days 374 and 739 (1104 is past the horizon); 5 years old gives a fingerprint, 6 does not.
            Self.household([30, 6, 5], permitDay: 30),
        ]
        let (scenario, result) = Self.setting(households, spec)
        let o = try #require(Lifecycle.run(scenario, result))
        Self.expectAddsUp(o)
        #expect(o.years.map(\.permits.granted) == [6, 0, 0])
        #expect(o.years.map(\.permits.end) == [6, 6, 6])
        #expect(o.years.map(\.extensions.processed) == [2, 6, 6])
        #expect(o.years.map(\.extensions.lettersDigital) == [1, 3, 3])
        #expect(o.years.map(\.extensions.meanLetterDays) == [0, 0, 0])
        // After their fingerprint the two children's cards come by post.
        #expect(o.years.map(\.workload.cardsByPost) == [1, 5, 6])
        // Appointments on days 364 (year 1) and 384 (year 2), at the first extensions only.
        #expect(o.years.map(\.workload.fingerprints) == [1, 1, 0])
        #expect(o.years[0].workload.fingerprintsByMonth[11] == 1)
        #expect(o.years[0].workload.cardsByMonth == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
        #expect(o.years[1].workload.fingerprintsByMonth[0] == 1)
        // Adults 35, 40 and 30 join the programme on moving in (days 50, 240, 70) for 365 days.
        #expect(o.years.map(\.programme.started) == [3, 0, 0])
        #expect(o.years.map(\.programme.end) == [3, 0, 0])
        #expect(o.years.map(\.programme.completed) == [0, 3, 0])
    }

    @Test func lettersByPostTakeUpToTwoWeeksAndCardsUpToTwentyDays() throws {
        var spec = Self.quiet()
        spec.extensions.digitalShare = 0
        let (scenario, result) = Self.setting(Self.cohort(300), spec)
        let o = try #require(Lifecycle.run(scenario, result))
        Self.expectAddsUp(o)
        let year2 = o.years[1]
        #expect(year2.extensions.lettersDigital == 0)
        #expect(year2.extensions.lettersByPost == 300)
        #expect(year2.extensions.meanLetterDays > 5 && year2.extensions.meanLetterDays < 10)
        #expect(year2.workload.meanCardDays > 5 && year2.workload.meanCardDays < 40)
        #expect(year2.permits.end == scenario.persons)
    }

    @Test func everyoneReturningLeavesNoPermitBehind() throws {
        var spec = Self.quiet()
        spec.staysAbroad.returnShare = 1
        let (scenario, result) = Self.setting(Self.cohort(200), spec)
        let o = try #require(Lifecycle.run(scenario, result))
        Self.expectAddsUp(o)
        #expect(o.years.reduce(0) { $0 + $1.returns.households } == 200)
        #expect(o.years.reduce(0) { $0 + $1.permits.returned } == scenario.persons)
        #expect(o.years[2].permits.end == 0)
        #expect(o.years.reduce(0) { $0 + $1.programme.left } > 0)
    }

    @Test func aStayBeyondHalfThePermitYearLosesThePermitAndIsReported() throws {
        var spec = Self.quiet()
        spec.staysAbroad.travelShare = 1
        spec.staysAbroad.longStayShare = 1
        spec.staysAbroad.longDays = 200...200
        let (scenario, result) = Self.setting(Self.cohort(100), spec)
        let o = try #require(Lifecycle.run(scenario, result))
        Self.expectAddsUp(o)
        // 200 days abroad is more than the 182 allowed: every household loses its permit on its first trip.
        #expect(o.years.reduce(0) { $0 + $1.staysAbroad.lostPermitHouseholds } == 100)
        #expect(o.years.reduce(0) { $0 + $1.permits.lostAbroad } == scenario.persons)
        #expect(o.years.reduce(0) { $0 + $1.staysAbroad.reportedToTax } == 100)
        #expect(o.years[2].permits.end == 0)

        spec.staysAbroad.longDays = 150...150
        let (kept, keptResult) = Self.setting(Self.cohort(100), spec)
        let k = try #require(Lifecycle.run(kept, keptResult))
        // 150 days: within half, not over six months; the trip repeats each permit year.
        #expect(k.years.allSatisfy { $0.staysAbroad.lostPermitHouseholds == 0 && $0.staysAbroad.reportedToTax == 0 })
        #expect(k.years[2].permits.end == kept.persons)
        #expect(k.years[1].staysAbroad.trips == 100)

        spec.staysAbroad.residenceShare = 2.0 / 3.0
        let (strict, strictResult) = Self.setting(Self.cohort(100), spec)
        let s = try #require(Lifecycle.run(strict, strictResult))
        // Two thirds in Norway allows 121 days: 150 days abroad now loses the permit.
        #expect(s.years.reduce(0) { $0 + $1.staysAbroad.lostPermitHouseholds } == 100)
    }

    @Test func aStricterResidenceRuleLosesMorePermitsWithTheSameDraws() throws {
        var spec = Self.quiet()
        spec.staysAbroad.travelShare = 0.5
        spec.staysAbroad.longStayShare = 0.5
        spec.staysAbroad.returnShare = 0.05
        let (scenario, result) = Self.setting(Self.cohort(400), spec)
        let base = try #require(Lifecycle.run(scenario, result))
        spec.staysAbroad.residenceShare = 2.0 / 3.0
        let (strictScenario, strictResult) = Self.setting(Self.cohort(400), spec)
        let strict = try #require(Lifecycle.run(strictScenario, strictResult))
        Self.expectAddsUp(base)
        Self.expectAddsUp(strict)
        let lost = base.years.reduce(0) { $0 + $1.permits.lostAbroad }
        let lostStrict = strict.years.reduce(0) { $0 + $1.permits.lostAbroad }
        #expect(lost > 0)
        #expect(lostStrict > lost)
        #expect(strict.years[2].permits.end < base.years[2].permits.end)
        // Same trips: the rule changes who keeps the permit, not who travels.
        #expect(strict.years[0].staysAbroad.trips == base.years[0].staysAbroad.trips)
    }

    @Test func refusedExtensionsEndThePermitAtExpiry() throws {
        var spec = Self.quiet()
        spec.extensions.exceptionShare = 1
        let households = [Self.household([35, 4], permitDay: 10), Self.household([40], permitDay: 200)]
        let (scenario, result) = Self.setting(households, spec)
        let o = try #require(Lifecycle.run(scenario, result))
        Self.expectAddsUp(o)
        // Processed on days 354 and 544, ended on days 375 and 565: both in year 2.
        #expect(o.years.map(\.extensions.refused) == [2, 1, 0])
        #expect(o.years.map(\.permits.refusedAtExpiry) == [0, 3, 0])
        #expect(o.years.map(\.permits.end) == [3, 0, 0])
        #expect(o.years.allSatisfy { $0.workload.cards == 0 && $0.workload.fingerprints == 0 })
    }

    @Test(arguments: [
        (ParentSituation.collectiveProtection, ChildRoute.protection),
        (.refugee, .derivedRefugee), (.euEEA, .registration),
        // The mother holds collective protection: the permanent route stays closed.
        (.permanentResidence, .protection),
    ])
    func birthsTakeTheRouteTheParentsOpen(_ situation: ParentSituation, _ route: ChildRoute) throws {
        var spec = Self.quiet()
        spec.births.ratePer1000 = 1000
        spec.births.womenShare = 1
        spec.births.familyImmigrationShare = 0
        spec.births.parents = [situation: 1]
        let (scenario, result) = Self.setting(Self.cohort(60), spec)
        let o = try #require(Lifecycle.run(scenario, result))
        Self.expectAddsUp(o)
        let births = o.years.reduce(0) { $0 + $1.births.total }
        #expect(births > 60)
        #expect(o.years.reduce(0) { $0 + ($1.births.byRoute[route] ?? 0) } == births)
        let permits = o.years.reduce(0) { $0 + $1.permits.childPermits }
        if route == .registration {
            #expect(permits == 0)
            #expect(o.years[2].permits.end == scenario.persons)
        } else {
            #expect(permits + o.years[2].births.pendingEnd == births)
            #expect(o.years[2].permits.end == scenario.persons + permits)
        }
        // Children granted collective protection as newborns give a fingerprint at their first extension;
        // other routes' permits are not extended here, so only the cohort's young children do.
        let fingerprints = o.years.reduce(0) { $0 + $1.workload.fingerprints }
        var none = spec
        none.births.ratePer1000 = 0
        let (cohortOnly, cohortResult) = Self.setting(Self.cohort(60), none)
        let cohortFingerprints = try #require(Lifecycle.run(cohortOnly, cohortResult)).years.reduce(0) {
            $0 + $1.workload.fingerprints
        }
        #expect(cohortFingerprints > 0)
        if route == .protection {
            #expect(fingerprints > cohortFingerprints)
        } else {
            #expect(fingerprints == cohortFingerprints)
        }
    }

    @Test func birthsInReceptionGoThroughTheCentreAndOthersThroughThePolice() throws {
        var spec = Self.quiet()
        spec.births.ratePer1000 = 1000
        spec.births.womenShare = 1
        let (waiting, waitingResult) = Self.setting(Self.cohort(40), path: .waiting, spec)
        let w = try #require(Lifecycle.run(waiting, waitingResult))
        #expect(w.years.allSatisfy { $0.births.atPolice == 0 && $0.births.viaReception > 0 })
        #expect(w.years.allSatisfy { $0.programme.started == 0 })
        let (settled, settledResult) = Self.setting(Self.cohort(40), moveAfter: 0, spec)
        let s = try #require(Lifecycle.run(settled, settledResult))
        #expect(s.years.allSatisfy { $0.births.viaReception == 0 && $0.births.atPolice > 0 })
    }

    // MARK: - Rules changed from UDI's pages (issue 12)

    @Test func aChildWhoHasGivenAFingerprintDoesNotGiveOneAgainAtLaterExtensions() throws {
        var spec = Self.quiet(years: 5)
        spec.extensions.fingerprintDays = 10...10
        // Processed on days 354, 719, 1084, 1449, 1814: the 2-year-old goes to the police after the first only.
        let (scenario, result) = Self.setting([Self.household([35, 2], permitDay: 10)], spec)
        let o = try #require(Lifecycle.run(scenario, result))
        Self.expectAddsUp(o)
        #expect(o.years.map(\.extensions.processed) == [2, 2, 2, 2, 2])
        #expect(o.years.map(\.workload.fingerprints) == [1, 0, 0, 0, 0])
        #expect(o.years.map(\.workload.cardsByPost) == [1, 2, 2, 2, 2])

        // Children born here with collective protection: mothers aged 45 give birth in year 1 only, and
        // each child's permit is extended three times or more by the end of year 5: one fingerprint each.
        var births = Self.quiet(years: 5)
        births.births.ratePer1000 = 1000
        births.births.womenShare = 1
        births.births.familyImmigrationShare = 0
        births.births.parents = [.collectiveProtection: 1]
        let mothers = (0..<40).map { Self.household([45], permitDay: 30 + $0 * 5) }
        let (born, bornResult) = Self.setting(mothers, births)
        let b = try #require(Lifecycle.run(born, bornResult))
        Self.expectAddsUp(b)
        let childPermits = b.years.reduce(0) { $0 + $1.permits.childPermits }
        let fingerprints = b.years.reduce(0) { $0 + $1.workload.fingerprints }
        // The mothers' own permits: four extensions each by day 1825.
        let childExtensions = b.years.reduce(0) { $0 + $1.extensions.processed } - 4 * mothers.count
        #expect(childPermits > 10)
        #expect(childExtensions >= 3 * childPermits)
        #expect(fingerprints == childPermits)
    }

    @Test func theFirstResidenceCardBringsAPoliceAppointmentForAShareOfArrivals() throws {
        var spec = Self.quiet()
        spec.firstCard.policeShare = 1
        spec.firstCard.appointmentDays = 10...10
        spec.extensions.fingerprintDays = 10...10
        let households = [Self.household([35, 4], permitDay: 10), Self.household([40], permitDay: 200)]
        let (scenario, result) = Self.setting(households, spec)
        let o = try #require(Lifecycle.run(scenario, result))
        Self.expectAddsUp(o)
        // Days 20 (M1) and 210 (M7): every member goes, the 4-year-old included.
        #expect(o.years.map(\.workload.firstCardAppointments) == [3, 0, 0])
        #expect(o.years[0].workload.firstCardAppointmentsByMonth == [2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0])
        // The first-card appointment is not the extension's fingerprint: the child still gives it then.
        #expect(o.years.map(\.workload.fingerprints) == [1, 0, 0])

        spec.firstCard.policeShare = 0
        let (none, noneResult) = Self.setting(households, spec)
        #expect(
            try #require(Lifecycle.run(none, noneResult)).years.allSatisfy { $0.workload.firstCardAppointments == 0 })

        // Half the households, drawn from their own stream: nothing else moves.
        spec.firstCard.policeShare = 0.5
        spec.firstCard.appointmentDays = 7...42
        spec.staysAbroad.travelShare = 0.3
        let (cohort, cohortResult) = Self.setting(Self.cohort(400), spec)
        let half = try #require(Lifecycle.run(cohort, cohortResult))
        Self.expectAddsUp(half)
        let called = half.years.reduce(0) { $0 + $1.workload.firstCardAppointments }
        let share = Double(called) / Double(cohort.persons)
        #expect(share > 0.4 && share < 0.6)
        // Permits from day 0 to 299 and appointments 7-42 days later: all inside year 1 or early year 2.
        #expect(half.years[2].workload.firstCardAppointments == 0)
        spec.firstCard.policeShare = 0
        let (off, offResult) = Self.setting(Self.cohort(400), spec)
        var without = try #require(Lifecycle.run(off, offResult))
        for y in without.years.indices {
            without.years[y].workload.firstCardAppointmentsByMonth = half.years[y].workload.firstCardAppointmentsByMonth
        }
        #expect(without == half)
    }

    @Test func aChildsProtectionApplicationGoesThroughTheCentreOnlyWhenTheFamilyLivesInOne() throws {
        var spec = Self.quiet()
        spec.births.ratePer1000 = 1000
        spec.births.womenShare = 1
        // Living privately and still waiting for IMDi: never in reception, so always the police.
        let (privateWaiting, privateWaitingResult) = Self.setting(
            Self.cohort(40), housing: .privately, path: .waiting, spec)
        let p = try #require(Lifecycle.run(privateWaiting, privateWaitingResult))
        Self.expectAddsUp(p)
        #expect(p.years.allSatisfy { $0.births.viaReception == 0 && $0.births.atPolice > 0 })
        // Living privately and settled late: births before the move go to the police too.
        let (privateLate, privateLateResult) = Self.setting(
            Self.cohort(40), housing: .privately, moveAfter: 300, spec)
        let l = try #require(Lifecycle.run(privateLate, privateLateResult))
        #expect(l.years.allSatisfy { $0.births.viaReception == 0 })
        // The same families in reception: births before the move go through the centre.
        let (receptionLate, receptionLateResult) = Self.setting(
            Self.cohort(40), housing: .reception, moveAfter: 300, spec)
        let r = try #require(Lifecycle.run(receptionLate, receptionLateResult))
        #expect(r.years[0].births.viaReception > 0)
        #expect(r.years.map(\.births.total) == l.years.map(\.births.total))
        // A family that declined left reception on its move date: the centre before it, the police after.
        let (declined, declinedResult) = Self.setting(
            Self.cohort(40), housing: .reception, path: .declined, moveAfter: 150, spec)
        let d = try #require(Lifecycle.run(declined, declinedResult))
        #expect(d.years[0].births.viaReception > 0)
        #expect(d.years[0].births.atPolice > 0)
        #expect(d.years[2].births.viaReception == 0)
    }

    @Test func theSimulatedYearAddsUpAndIsReproducible() throws {
        var spec = Fixtures.spec(households: 150, municipalities: 12, counties: 3, seed: 3)
        spec.lifecycle.years = 3
        let scenario = Fixtures.scenario(spec)
        let result = Simulation.run(scenario)
        let a = try #require(Lifecycle.run(scenario, result))
        let b = try #require(Lifecycle.run(scenario, result))
        #expect(a == b)
        Self.expectAddsUp(a)
        #expect(a.years[0].permits.granted == scenario.persons)
        let participants = OutcomeCollector.collect(scenario: scenario, result: result).introductionProgramme
            .participants
        // Some leave before they move in; with nobody leaving, every participant starts.
        #expect(a.years.reduce(0) { $0 + $1.programme.started } < participants)
        var staying = scenario
        staying.spec.lifecycle = Self.quiet()
        let q = try #require(Lifecycle.run(staying, result))
        #expect(q.years.reduce(0) { $0 + $1.programme.started } == participants)
        #expect(q.years[2].permits.end == scenario.persons)
        // The settlement year draws nothing from the lifecycle's streams.
        var off = spec
        off.lifecycle.years = 1
        #expect(Simulation.run(Fixtures.scenario(off)).histories == result.histories)
        var other = spec
        other.seed = 4
        let otherScenario = Fixtures.scenario(other)
        #expect(Lifecycle.run(otherScenario, Simulation.run(otherScenario)) != a)
    }
}
