// SPDX-License-Identifier: GPL-3.0-or-later

/// Turns household histories into outcomes: the metrics live here, apart from the model logic.
public enum OutcomeCollector {
    public static func collect(
        scenario: Scenario, result: SimulationResult, entitlements: EntitlementTable = .standard
    ) -> Outcomes {
        let spec = scenario.spec
        let process = spec.process
        var persons = Outcomes.PathCounts()
        var householdCounts = Outcomes.PathCounts()
        var offers = Outcomes.Offers()
        var programme = Outcomes.Programme()
        var benefit = Outcomes.Benefit()
        var tuition = Outcomes.Tuition()
        var school = Outcomes.School()
        var forcedMoves = 0
        var housing = Outcomes.Housing()
        var losses = Outcomes.DeclineLosses()
        var reception = Outcomes.Reception()
        var grant = Outcomes.Grant()
        var waitingReasons: [WaitingReason: Outcomes.Waiting] = [:]
        var expectedEmployed = 0.0
        var waits: [Int] = []
        var withinTarget = 0
        var targetCounted = 0
        var areas = scenario.municipalities.enumerated().map { i, m in
            Outcomes.Area(
                id: m.id, name: m.name, county: m.county, population: m.population, decided: scenario.capacity[i],
                takesPartInSelfSettlement: scenario.selfSettlementParticipation[i], centralityClass: m.centralityClass)
        }

        for (h, household) in scenario.households.enumerated() {
            let history = result.histories[h]
            let path = history.path
            persons[path] += household.size
            householdCounts[path] += 1
            offers.made += history.offersReceived
            offers.declined += history.declinedOffers
            if path == .settledByIMDi { offers.accepted += 1 }
            if let offered = history.offered, history.declinedOffers > 0 {
                areas[offered].declinedOffers += history.declinedOffers
            }
            if history.forcedMove { forcedMoves += household.size }
            let inReception = household.housing == .reception
            if inReception {
                housing.reception.households += 1
                housing.reception.persons += household.size
                // In reception from the permit (or day 0) until the agreed date, or the horizon.
                let leaves = history.offerDay.map { $0 + process.leadTimeDays } ?? process.horizonDays
                let days = max(0, min(leaves, process.horizonDays) - max(0, household.permitDay))
                reception.personDays += days * household.size
                if household.permitDay < 0 && leaves > 0 { reception.personsAtStart += household.size }
            } else {
                housing.privately.households += 1
                housing.privately.persons += household.size
                if history.appliedToIMDi {
                    housing.appliedToIMDi.households += 1
                    housing.appliedToIMDi.persons += household.size
                }
                if history.triedSelfSettlement {
                    housing.triedSelfSettlement.households += 1
                    housing.triedSelfSettlement.persons += household.size
                }
            }
            if path == .declined {
                if inReception { losses.receptionPlace += household.size }
                losses.municipalSupport += household.size
                losses.movingHelp += household.size
            }
            let target = household.isUnaccompaniedMinor ? process.minorTargetDays : process.targetDays
            var startDay: Int? = nil
            switch path {
            case .settledByIMDi, .selfSettled:
                let settledDay = Self.settledDay(history, path: path, process: process)
                startDay = settledDay
                let wait = max(0, settledDay - household.permitDay)
                waits.append(wait)
                targetCounted += 1
                if wait <= target { withinTarget += 1 }
            case .waiting:
                // Still waiting at the horizon: counted against the target once it has been missed.
                if process.horizonDays - household.permitDay > target { targetCounted += 1 }
                if let reason = history.reason {
                    waitingReasons[reason, default: .init()].households += 1
                    waitingReasons[reason, default: .init()].persons += household.size
                }
            case .declined, .noSettlementAsked:
                break
            }
            if let m = history.municipality {
                switch path {
                case .selfSettled: areas[m].selfSettled += household.size
                case .settledByIMDi: areas[m].settledByIMDi += household.size
                case .declined: areas[m].declinedArrivals += household.size
                case .waiting, .noSettlementAsked: break
                }
                if path != .declined && household.isUnaccompaniedMinor {
                    areas[m].unaccompaniedMinors += household.size
                }
            }
            if path == .settledByIMDi || path == .selfSettled {
                grant.persons += household.size
            }
            for (index, person) in household.members.enumerated() {
                let age = person.age
                if path == .settledByIMDi || path == .selfSettled {
                    grant.firstYearNOK += spec.grant.firstYear(person, in: household)
                }
                let participates = entitlements.grants(.introductionProgramme, age: age, path: path)
                if participates {
                    programme.participants += 1
                } else if path == .declined
                    && entitlements.grants(.introductionProgramme, age: age, path: .settledByIMDi)
                {
                    programme.lostByDecline += 1
                    losses.introductionProgramme += 1
                }
                let rate = spec.benefit.annualBenefit(
                    age: age, livesWithParent: BenefitRates.livesWithParent(index, in: household))
                if entitlements.grants(.introductionBenefit, age: age, path: path) {
                    benefit.annualCostNOK += rate
                    if let start = startDay {
                        let days = max(0, process.horizonDays - max(0, start))
                        benefit.withinYearNOK += rate * Double(days) / 365
                    }
                } else if path == .declined && entitlements.grants(.introductionBenefit, age: age, path: .settledByIMDi)
                {
                    benefit.forgoneByDeclineNOK += rate
                    losses.introductionBenefit += 1
                }
                if entitlements.grants(.norwegianTuition, age: age, path: path) {
                    tuition.entitled += 1
                    if path == .declined { tuition.keptByDecliners += 1 }
                }
                if entitlements.grants(.compulsorySchool, age: age, path: path) { school.childrenInSchool += 1 }
                if entitlements.grants(.upperSecondary, age: age, path: path) { school.youthUpperSecondaryRight += 1 }
                if let m = history.municipality, path != .waiting {
                    // Settled, declined and moved on, or living privately: each where it lives.
                    let uplift = participates ? spec.scoring.programmeUplift : 0
                    expectedEmployed += spec.scoring.employmentProbability(
                        person, in: scenario.municipalities[m], uplift: uplift)
                }
            }
        }

        reception.costNOK = Double(reception.personDays) * spec.reception.costPerPersonDayNOK
        var capacity = Outcomes.Capacity()
        capacity.decided = scenario.capacity.reduce(0, +)
        capacity.used = result.capacityUsed.reduce(0, +)
        capacity.overCapacityMunicipalities = zip(result.capacityUsed, scenario.capacity).filter { $0 > $1 }.count

        return Outcomes(
            scenario: spec.name, seed: spec.seed, households: scenario.households.count, persons: scenario.persons,
            outcomes: persons, householdOutcomes: householdCounts, waitingReasons: waitingReasons, offers: offers,
            forcedMoves: forcedMoves,
            waitDays: waitStatistics(waits, within: withinTarget, counted: targetCounted),
            housing: housing, declineLosses: losses, reception: reception, grant: grant,
            introductionProgramme: programme, introductionBenefit: benefit, norwegianTuition: tuition, school: school,
            expectedEmployed: expectedEmployed, capacity: capacity, matching: matching(scenario, result),
            municipalities: areas, counties: countyRows(areas),
            centralityClasses: centralityRows(scenario, areas: areas))
    }

    /// The day a settled household moved in: its agreed date with IMDi, or the day its own home was approved.
    public static func settledDay(_ history: HouseholdHistory, path: SettlementPath, process: ProcessSpec) -> Int {
        path == .selfSettled ? (history.movedDay ?? 0) : (history.offerDay ?? 0) + process.leadTimeDays
    }

    static func centralityRows(_ scenario: Scenario, areas: [Outcomes.Area]) -> [Outcomes.CentralityRow] {
        var rows: [Int: Outcomes.CentralityRow] = [:]
        for (m, municipality) in scenario.municipalities.enumerated() {
            guard let c = municipality.centralityClass else { continue }
            var row = rows[c] ?? Outcomes.CentralityRow(centralityClass: c)
            row.municipalities += 1
            row.decided += areas[m].decided
            row.settledByIMDi += areas[m].settledByIMDi
            row.selfSettled += areas[m].selfSettled
            rows[c] = row
        }
        return rows.keys.sorted().map { rows[$0]! }
    }

    static func waitStatistics(_ waits: [Int], within: Int, counted: Int) -> Outcomes.WaitDays {
        var stats = Outcomes.WaitDays()
        guard !waits.isEmpty else { return stats }
        let sorted = waits.sorted()
        stats.mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
        stats.median = quantile(sorted, 0.5)
        stats.p90 = quantile(sorted, 0.9)
        stats.withinTargetShare = counted > 0 ? Double(within) / Double(counted) : 0
        return stats
    }

    /// Linear interpolation between order statistics (type 7, as R and NumPy default).
    static func quantile(_ sorted: [Int], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(sorted.count - 1, lower + 1)
        let fraction = position - Double(lower)
        return Double(sorted[lower]) + fraction * Double(sorted[upper] - sorted[lower])
    }

    static func matching(_ scenario: Scenario, _ result: SimulationResult) -> Outcomes.Matching {
        let rounds = result.rounds
        let used = Set(rounds.map(\.result.method))
        let methods = SolveMethod.allCases.filter(used.contains)
        // A rule places without optimising: no bound, so no gap.
        let optimising = !used.contains(.ruleBased)
        let termination = rounds.map(\.result.termination).max() ?? .optimal
        let objective = rounds.reduce(0) { $0 + $1.result.objective }
        let bound = rounds.reduce(0) { $0 + $1.result.bound }
        let notes = rounds.compactMap { round in round.result.note.map { RoundNote(day: round.day, note: $0) } }
        let tolerance = scenario.spec.matching.gapTolerance
        let uncertified = rounds.filter { $0.result.method != .ruleBased && $0.result.gap > tolerance }.map {
            UncertifiedRound(
                day: $0.day, households: $0.households, scarcity: $0.scarcity, objective: $0.result.objective,
                bound: $0.result.bound, gap: $0.result.gap, termination: $0.result.termination, note: $0.result.note,
                seconds: $0.result.seconds)
        }
        return Outcomes.Matching(
            methods: methods,
            termination: termination, rounds: rounds.count, households: rounds.reduce(0) { $0 + $1.households },
            objective: objective, bound: optimising ? bound : .nan,
            gap: optimising ? MatchResult.gap(objective: objective, bound: bound) : .nan,
            worstGap: optimising ? (rounds.map(\.result.gap).max() ?? 0) : .nan,
            predictedEmployment: predictedEmployment(scenario, result),
            splitHouseholds: rounds.reduce(0) { $0 + $1.result.splitHouseholds },
            repairedHouseholds: rounds.reduce(0) { $0 + $1.result.repairedHouseholds },
            seconds: rounds.reduce(0) { $0 + $1.result.seconds }, note: notes.first, uncertified: uncertified)
    }

    /// Expected employed adults at the offered municipalities, as the optimiser saw them.
    static func predictedEmployment(_ scenario: Scenario, _ result: SimulationResult) -> Double {
        var total = 0.0
        for (h, history) in result.histories.enumerated() {
            if let m = history.offered {
                total += scenario.spec.scoring.score(scenario.households[h], in: scenario.municipalities[m])
            }
        }
        return total
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
                row.declinedArrivals += area.declinedArrivals
                row.unaccompaniedMinors += area.unaccompaniedMinors
                row.takesPartInSelfSettlement = row.takesPartInSelfSettlement || area.takesPartInSelfSettlement
                rows[area.county] = row
            } else {
                order.append(area.county)
                var row = area
                row.centralityClass = nil
                row.id = area.county
                row.name = area.county
                rows[area.county] = row
            }
        }
        return order.map { rows[$0]! }
    }
}
