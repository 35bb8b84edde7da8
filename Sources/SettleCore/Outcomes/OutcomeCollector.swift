/// Turns fates into outcomes: the metrics live here, apart from the model logic.
public enum OutcomeCollector {
    public static func collect(
        scenario: Scenario, round: RoundResult, entitlements: EntitlementTable = .standard
    ) -> Outcomes {
        let spec = scenario.spec
        var persons = Outcomes.PathCounts()
        var householdCounts = Outcomes.PathCounts()
        var offers = Outcomes.Offers()
        var programme = Outcomes.Programme()
        var benefit = Outcomes.Benefit()
        var tuition = Outcomes.Tuition()
        var school = Outcomes.School()
        var expectedEmployed = 0.0
        var areas = scenario.municipalities.enumerated().map { i, m in
            Outcomes.Area(
                id: m.id, name: m.name, county: m.county, population: m.population, decided: scenario.capacity[i],
                takesPartInSelfSettlement: scenario.selfSettlementParticipation[i])
        }

        for (h, household) in scenario.households.enumerated() {
            let fate = round.fates[h]
            persons[fate.path] += household.size
            householdCounts[fate.path] += 1
            if let offered = fate.offered {
                offers.made += 1
                if fate.path == .declined {
                    offers.declined += 1
                    areas[offered].declinedOffers += 1
                } else {
                    offers.accepted += 1
                }
            }
            if let m = fate.municipality {
                if fate.path == .selfSettled {
                    areas[m].selfSettled += household.size
                } else {
                    areas[m].settledByIMDi += household.size
                }
                expectedEmployed += spec.scoring.score(household, in: scenario.municipalities[m])
            }
            for person in household.members {
                let age = person.age
                if entitlements.grants(.introductionProgramme, age: age, path: fate.path) {
                    programme.participants += 1
                } else if fate.path == .declined
                    && entitlements.grants(.introductionProgramme, age: age, path: .settledByIMDi)
                {
                    programme.lostByDecline += 1
                }
                if entitlements.grants(.introductionBenefit, age: age, path: fate.path) {
                    benefit.annualCostNOK += spec.benefit.annualBenefit(age: age)
                } else if fate.path == .declined
                    && entitlements.grants(.introductionBenefit, age: age, path: .settledByIMDi)
                {
                    benefit.forgoneByDeclineNOK += spec.benefit.annualBenefit(age: age)
                }
                if entitlements.grants(.norwegianTuition, age: age, path: fate.path) {
                    tuition.entitled += 1
                    if fate.path == .declined { tuition.keptByDecliners += 1 }
                }
                if entitlements.grants(.compulsorySchool, age: age, path: fate.path) { school.childrenInSchool += 1 }
                if entitlements.grants(.upperSecondary, age: age, path: fate.path) {
                    school.youthUpperSecondaryRight += 1
                }
            }
        }

        var capacity = Outcomes.Capacity()
        capacity.decided = scenario.capacity.reduce(0, +)
        capacity.used = round.capacityUsed.reduce(0, +)
        capacity.overCapacityMunicipalities = zip(round.capacityUsed, scenario.capacity).filter { $0 > $1 }.count

        var predicted = 0.0
        var queueIndex = 0
        for (h, fate) in round.fates.enumerated() where fate.path != .selfSettled {
            if let m = round.match.placement[queueIndex] {
                predicted += spec.scoring.score(scenario.households[h], in: scenario.municipalities[m])
            }
            queueIndex += 1
        }
        let match = round.match
        let matching = Outcomes.Matching(
            method: match.method, termination: match.termination, households: match.placement.count,
            objective: match.objective, bound: match.bound, gap: match.gap, predictedEmployment: predicted,
            splitHouseholds: match.splitHouseholds, repairedHouseholds: match.repairedHouseholds,
            seconds: match.seconds, note: match.note)

        return Outcomes(
            scenario: spec.name, seed: spec.seed, households: scenario.households.count, persons: scenario.persons,
            outcomes: persons, householdOutcomes: householdCounts, offers: offers, introductionProgramme: programme,
            introductionBenefit: benefit, norwegianTuition: tuition, school: school,
            expectedEmployed: expectedEmployed, capacity: capacity, matching: matching, municipalities: areas,
            counties: countyRows(areas))
    }

    static func countyRows(_ areas: [Outcomes.Area]) -> [Outcomes.Area] {
        var order: [String] = []
        var rows: [String: Outcomes.Area] = [:]
        for area in areas {
            if var row = rows[area.county] {
                row.population += area.population
                row.decided += area.decided
                row.settledByIMDi += area.settledByIMDi
                row.selfSettled += area.selfSettled
                row.declinedOffers += area.declinedOffers
                row.takesPartInSelfSettlement = row.takesPartInSelfSettlement || area.takesPartInSelfSettlement
                rows[area.county] = row
            } else {
                order.append(area.county)
                var row = area
                row.id = area.county
                row.name = area.county
                rows[area.county] = row
            }
        }
        return order.map { rows[$0]! }
    }
}
