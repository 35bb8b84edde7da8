// SPDX-License-Identifier: GPL-3.0-or-later

/// The years after settlement: automatic extensions, residence cards, stays abroad, returns,
/// children born in Norway and the end of the introduction programme.
///
/// Households do not interact after settlement, so each is played out alone as a small
/// discrete-event simulation and the counts are added up by year and month. Every household
/// draws from its own `lifecycle-*` streams, a fixed number of draws per period, so the
/// settlement year's draws are untouched and variants share random numbers.
public struct Lifecycle: Sendable {
    public let scenario: Scenario
    public let result: SimulationResult
    public let spec: LifecycleSpec
    public let children: ChildPermitTable
    public let entitlements: EntitlementTable
    let seeds: SeedSequence

    public init(
        _ scenario: Scenario, _ result: SimulationResult, children: ChildPermitTable = .standard,
        entitlements: EntitlementTable = .standard
    ) {
        self.scenario = scenario
        self.result = result
        self.spec = scenario.spec.lifecycle
        self.children = children
        self.entitlements = entitlements
        self.seeds = SeedSequence(seed: scenario.spec.seed)
    }

    /// Plays out `lifecycle.years` years; nil when the lifecycle is off.
    public static func run(_ scenario: Scenario, _ result: SimulationResult) -> LifecycleOutcomes? {
        guard scenario.spec.lifecycle.isOn else { return nil }
        return Lifecycle(scenario, result).outcomes()
    }

    /// The outcomes for `spec.years` years (at least one).
    public func outcomes() -> LifecycleOutcomes {
        var tally = Tally(years: max(1, spec.years))
        for h in scenario.households.indices { play(h, into: &tally) }
        return tally.finish()
    }

    // MARK: - Events of one household

    enum Event: Sendable {
        case snapshot(year: Int)
        case returnHome
        case lostAbroad
        case refusedExpiry(group: Int)
        case grant
        case childGrant(child: Int)
        case processing(group: Int, cycle: Int)
        case fingerprint(persons: Int, processed: Int, cardDays: Int)
        case firstCardAppointment(persons: Int)
        case trip(reported: Bool)
        case birth(member: Int, draws: BirthDraws)
        case programmeStart(persons: Int)
        case programmeEnd(persons: Int)
    }

    /// Same day: the year-end count sees the day before; permits are granted before anyone leaves,
    /// and leaving comes before anything else.
    static func priority(_ event: Event) -> Int {
        switch event {
        case .snapshot: 0
        case .grant, .childGrant: 1
        case .returnHome, .lostAbroad, .refusedExpiry: 2
        case .processing: 3
        case .fingerprint, .firstCardAppointment: 4
        case .trip: 5
        case .birth: 6
        case .programmeStart, .programmeEnd: 7
        }
    }

    struct BirthDraws: Sendable {
        var situation: ParentSituation
        var prefersFamilyImmigration: Bool
        var applicationDelay: Int
    }

    /// Persons who share one collective-protection permit: the household's members, or one child born here.
    struct Group {
        var persons: Int
        /// Persons who were five or younger when the permit was granted and have not yet given their
        /// fingerprint: called to the police at the next extension, once.
        var fingerprintsDue: Int
        var grantDay: Int
        /// The child it belongs to; nil for the household's own permit.
        var child: Int?
        var stream: SplitMix64
    }

    struct Child {
        /// Registered children (EU/EEA) live here without a permit.
        enum State { case pending, valid, registered, ended }
        var route: ChildRoute
        var state: State
    }

    enum ExitReason { case returned, lostAbroad, refused }

    // MARK: - Playing one household

    func play(_ h: Int, into tally: inout Tally) {
        let household = scenario.households[h]
        let history = result.histories[h]
        let horizon = spec.horizonDays
        let size = household.size
        let permitDay = household.permitDay
        var queue = EventQueue<Event>()
        func schedule(_ event: Event, _ day: Int) {
            if day >= 0 && day < horizon { queue.schedule(event, day: day, priority: Self.priority(event)) }
        }
        for year in 1..<max(1, spec.years) { schedule(.snapshot(year: year), year * LifecycleCalendar.yearDays) }

        var groups: [Group] = []
        var trips: [Range<Int>] = []
        if permitDay >= 0 && permitDay < horizon {
            schedule(.grant, permitDay)
            let young = household.members.filter { age($0, on: permitDay) <= spec.extensions.fingerprintAgeLimit }.count
            groups.append(
                Group(
                    persons: size, fingerprintsDue: young, grantDay: permitDay, child: nil,
                    stream: seeds.stream("lifecycle-extension", UInt64(h))))
            schedule(.processing(group: 0, cycle: 1), processingDay(grant: permitDay, cycle: 1))
            scheduleFirstCard(h, persons: size, permitDay: permitDay, schedule: schedule)
            trips = scheduleTravelAndReturn(h, permitDay: permitDay, schedule: schedule)
            scheduleProgramme(household, history, schedule: schedule)
        }
        scheduleBirths(h, members: household.members.count, schedule: schedule)
        var sexes = seeds.stream("lifecycle-sex", UInt64(h))
        let women = household.members.map { _ in sexes.uniform() < spec.births.womenShare }

        var present = true
        var granted = false
        var kids: [Child] = []
        var inProgramme = 0
        func validNow() -> Int {
            (granted && present ? size : 0) + kids.reduce(0) { $0 + ($1.state == .valid ? 1 : 0) }
        }
        func pendingNow() -> Int { kids.reduce(0) { $0 + ($1.state == .pending ? 1 : 0) } }
        func leave(_ reason: ExitReason, day: Int) {
            tally.exit(reason, persons: validNow(), day: day)
            tally.at(day) {
                $0.programme.left += inProgramme
                $0.births.withdrawn += pendingNow()
            }
            inProgramme = 0
            present = false
            for c in kids.indices { kids[c].state = .ended }
        }

        while let entry = queue.next() {
            let day = entry.day
            if case .snapshot(let year) = entry.payload {
                tally.snapshot(year: year, valid: validNow(), pending: pendingNow(), programme: inProgramme)
                continue
            }
            guard present else { continue }
            switch entry.payload {
            case .snapshot:
                break
            case .grant:
                granted = true
                tally.at(day) { $0.permits.granted += size }
            case .returnHome:
                tally.at(day) { $0.returns.households += 1 }
                leave(.returned, day: day)
            case .lostAbroad:
                tally.at(day) { $0.staysAbroad.lostPermitHouseholds += 1 }
                leave(.lostAbroad, day: day)
            case .refusedExpiry(let g):
                if let c = groups[g].child {
                    // A child's own permit ends; the rest of the household keeps theirs.
                    if kids[c].state == .valid {
                        kids[c].state = .ended
                        tally.exit(.refused, persons: 1, day: day)
                    }
                } else {
                    leave(.refused, day: day)
                }
            case .childGrant(let c):
                guard kids[c].state == .pending else { break }
                kids[c].state = .valid
                tally.at(day) { $0.permits.childPermits += 1 }
                // Only collective protection is extended here; other routes' renewals fall outside the model.
                if kids[c].route == .protection {
                    groups.append(
                        Group(
                            persons: 1, fingerprintsDue: 1, grantDay: day, child: c,
                            stream: seeds.stream("lifecycle-child-extension", UInt64(h) << 12 | UInt64(c))))
                    schedule(.processing(group: groups.count - 1, cycle: 1), processingDay(grant: day, cycle: 1))
                }
            case .processing(let g, let cycle):
                if let c = groups[g].child, kids[c].state != .valid { break }
                let decision = process(&groups[g], day: day)
                record(decision, group: groups[g], day: day, into: &tally)
                let expiry = groups[g].grantDay + cycle * LifecycleCalendar.yearDays
                if decision.refused {
                    schedule(.refusedExpiry(group: g), expiry)
                } else {
                    schedule(
                        .processing(group: g, cycle: cycle + 1),
                        processingDay(grant: groups[g].grantDay, cycle: cycle + 1))
                    if groups[g].fingerprintsDue > 0 {
                        schedule(
                            .fingerprint(
                                persons: groups[g].fingerprintsDue, processed: day,
                                cardDays: decision.cardAfterFingerprintDays),
                            day + decision.fingerprintDays)
                        // A fingerprint is given once: later extensions send these children's cards by post.
                        groups[g].fingerprintsDue = 0
                    }
                }
            case .fingerprint(let persons, let processed, let cardDays):
                let month = LifecycleCalendar.month(day)
                tally.at(day) {
                    $0.workload.fingerprintsByMonth[month] += persons
                    $0.workload.cardsByMonth[month] += persons
                    $0.workload.cardsAfterFingerprint += persons
                }
                tally.cards(persons, days: day + cardDays - processed, day: day)
            case .firstCardAppointment(let persons):
                tally.at(day) { $0.workload.firstCardAppointmentsByMonth[LifecycleCalendar.month(day)] += persons }
            case .trip(let reported):
                let travellers = size + kids.reduce(0) { $0 + ($1.state == .ended ? 0 : 1) }
                tally.at(day) {
                    $0.staysAbroad.trips += 1
                    $0.staysAbroad.travellers += travellers
                    if reported { $0.staysAbroad.reportedToTax += 1 }
                }
            case .birth(let member, let draws):
                let mother = household.members[member]
                guard granted, women[member], spec.births.motherAges.contains(age(mother, on: day)),
                    !trips.contains(where: { $0.contains(day) })
                else { break }
                let route = children.choose(
                    parents: draws.situation.parents, applicationAge: draws.applicationDelay,
                    prefersFamilyImmigration: draws.prefersFamilyImmigration)
                // Only a household that arrived in reception lives there, until it moves out (settled,
                // or declined and left by the agreed date); one living privately goes to the police.
                let inReception =
                    household.housing == .reception
                    && (history.path == .waiting || day < (history.movedDay ?? Int.max))
                tally.at(day) {
                    $0.births.byRoute[route, default: 0] += 1
                    if inReception { $0.births.viaReception += 1 } else { $0.births.atPolice += 1 }
                }
                let needsPermit = children.rule(route)?.permitNeeded ?? true
                kids.append(Child(route: route, state: needsPermit ? .pending : .registered))
                if needsPermit {
                    schedule(
                        .childGrant(child: kids.count - 1), day + draws.applicationDelay + spec.births.processingDays)
                }
            case .programmeStart(let persons):
                inProgramme += persons
                tally.at(day) { $0.programme.started += persons }
            case .programmeEnd(let persons):
                let ending = min(persons, inProgramme)
                inProgramme -= ending
                tally.at(day) { $0.programme.completed += ending }
            }
        }
        tally.snapshot(year: max(1, spec.years), valid: validNow(), pending: pendingNow(), programme: inProgramme)
    }

    // MARK: - Extensions

    /// One extension: six draws per cycle, whatever the outcome, so the streams stay aligned.
    struct Decision {
        var refused: Bool
        var digital: Bool
        var letterDays: Int
        var cardDays: Int
        var fingerprintDays: Int
        var cardAfterFingerprintDays: Int
    }

    /// UDI processes the extension about three weeks before the permit expires.
    func processingDay(grant: Int, cycle: Int) -> Int {
        grant + cycle * LifecycleCalendar.yearDays - spec.extensions.processingDaysBeforeExpiry
    }

    func process(_ group: inout Group, day: Int) -> Decision {
        let rule = spec.extensions
        let exception = group.stream.uniform()
        let digital = group.stream.uniform() < rule.digitalShare
        let post = group.stream.integer(in: rule.postDays)
        let card = group.stream.integer(in: rule.cardDays)
        let fingerprint = group.stream.integer(in: rule.fingerprintDays)
        let cardAfter = group.stream.integer(in: rule.cardDays)
        return Decision(
            refused: exception < rule.exceptionShare, digital: digital, letterDays: digital ? 0 : post, cardDays: card,
            fingerprintDays: fingerprint, cardAfterFingerprintDays: cardAfter)
    }

    func record(_ decision: Decision, group: Group, day: Int, into tally: inout Tally) {
        let byPost = group.persons - group.fingerprintsDue
        tally.at(day) {
            $0.extensions.processed += group.persons
            if decision.refused {
                $0.extensions.refused += group.persons
            } else {
                $0.extensions.granted += group.persons
                $0.workload.cardsByPost += byPost
                $0.workload.cardsByMonth[LifecycleCalendar.month(day)] += byPost
            }
            if decision.digital { $0.extensions.lettersDigital += 1 } else { $0.extensions.lettersByPost += 1 }
        }
        tally.letter(days: decision.letterDays, day: day)
        if !decision.refused { tally.cards(byPost, days: decision.cardDays, day: day) }
    }

    // MARK: - Scheduling from draws

    /// Trips and returns, permit period by permit period; returns the days spent abroad.
    func scheduleTravelAndReturn(_ h: Int, permitDay: Int, schedule: (Event, Int) -> Void) -> [Range<Int>] {
        let rule = spec.staysAbroad
        let yearDays = LifecycleCalendar.yearDays
        let allowed = rule.allowedAbroad()
        var travel = seeds.stream("lifecycle-travel", UInt64(h))
        var returns = seeds.stream("lifecycle-return", UInt64(h))
        var trips: [Range<Int>] = []
        var start = permitDay
        while start < spec.horizonDays {
            let goes = travel.uniform() < rule.travelShare
            let long = travel.uniform() < rule.longStayShare
            let shortLength = travel.integer(in: rule.shortDays)
            let longLength = travel.integer(in: rule.longDays)
            let offset = travel.uniform()
            let returnsHome = returns.uniform() < rule.returnShare
            let returnDay = start + returns.integer(in: 0...(yearDays - 1))
            if goes {
                let length = min(yearDays, long ? longLength : shortLength)
                // The trip falls inside the permit period, where the residence requirement counts.
                let leaves = start + Int(offset * Double(yearDays - length + 1))
                trips.append(leaves..<(leaves + length))
                schedule(.trip(reported: length > rule.taxReportDays), leaves)
                if length > allowed { schedule(.lostAbroad, leaves + allowed) }
            }
            if returnsHome { schedule(.returnHome, returnDay) }
            start += yearDays
        }
        return trips
    }

    /// A share of households is called to the police for the first card's picture and fingerprints;
    /// two draws per household, used or not.
    func scheduleFirstCard(_ h: Int, persons: Int, permitDay: Int, schedule: (Event, Int) -> Void) {
        let rule = spec.firstCard
        var rng = seeds.stream("lifecycle-first-card", UInt64(h))
        let called = rng.uniform() < rule.policeShare
        let delay = rng.integer(in: rule.appointmentDays)
        if called { schedule(.firstCardAppointment(persons: persons), permitDay + delay) }
    }

    /// Participants start on the settlement day and stay for `programmeMonths`.
    func scheduleProgramme(_ household: Household, _ history: HouseholdHistory, schedule: (Event, Int) -> Void) {
        let participants = household.members.filter {
            entitlements.grants(.introductionProgramme, age: $0.age, path: history.path)
        }.count
        guard participants > 0 else { return }
        let settled = OutcomeCollector.settledDay(history, path: history.path, process: scenario.spec.process)
        let length = Int((Double(spec.programmeMonths) * Double(LifecycleCalendar.yearDays) / 12).rounded())
        schedule(.programmeStart(persons: participants), settled)
        schedule(.programmeEnd(persons: participants), settled + length)
    }

    /// One chance a year for each member to give birth; five draws each, used or not.
    func scheduleBirths(_ h: Int, members: Int, schedule: (Event, Int) -> Void) {
        let rule = spec.births
        let situations = ParentSituation.allCases
        let weights = situations.map { rule.parents[$0] ?? 0 }
        var rng = seeds.stream("lifecycle-birth", UInt64(h))
        for year in 0..<max(1, spec.years) {
            for member in 0..<members {
                let born = rng.uniform() < rule.ratePer1000 / 1000
                let day = year * LifecycleCalendar.yearDays + rng.integer(in: 0...(LifecycleCalendar.yearDays - 1))
                let situation = situations[rng.index(weights: weights)]
                let family = rng.uniform() < rule.familyImmigrationShare
                let delay = rng.integer(in: rule.applicationDays)
                if born {
                    schedule(
                        .birth(
                            member: member,
                            draws: BirthDraws(
                                situation: situation, prefersFamilyImmigration: family, applicationDelay: delay)),
                        day)
                }
            }
        }
    }

    /// Age in whole years on `day`, counting the cohort's ages as of day 0.
    func age(_ person: Person, on day: Int) -> Int { person.age + max(0, day) / LifecycleCalendar.yearDays }
}

/// Counts by year, added up over households.
struct Tally {
    var years: [LifecycleOutcomes.Year]
    var endValid: [Int]
    var endPending: [Int]
    var endProgramme: [Int]
    var letterDays: [Int]
    var letters: [Int]
    var cardDays: [Int]
    var cards: [Int]

    init(years count: Int) {
        years = (1...count).map { LifecycleOutcomes.Year(year: $0) }
        endValid = Array(repeating: 0, count: count)
        endPending = endValid
        endProgramme = endValid
        letterDays = endValid
        letters = endValid
        cardDays = endValid
        cards = endValid
    }

    func index(_ day: Int) -> Int { min(years.count - 1, LifecycleCalendar.year(day) - 1) }

    mutating func at(_ day: Int, _ update: (inout LifecycleOutcomes.Year) -> Void) {
        update(&years[index(day)])
    }

    mutating func exit(_ reason: Lifecycle.ExitReason, persons: Int, day: Int) {
        at(day) {
            switch reason {
            case .returned:
                $0.permits.returned += persons
                $0.returns.persons += persons
            case .lostAbroad: $0.permits.lostAbroad += persons
            case .refused: $0.permits.refusedAtExpiry += persons
            }
        }
    }

    mutating func letter(days: Int, day: Int) {
        letterDays[index(day)] += days
        letters[index(day)] += 1
    }

    mutating func cards(_ count: Int, days: Int, day: Int) {
        cardDays[index(day)] += count * days
        cards[index(day)] += count
    }

    mutating func snapshot(year: Int, valid: Int, pending: Int, programme: Int) {
        endValid[year - 1] += valid
        endPending[year - 1] += pending
        endProgramme[year - 1] += programme
    }

    func finish() -> LifecycleOutcomes {
        var out = years
        for y in out.indices {
            out[y].permits.start = y > 0 ? endValid[y - 1] : 0
            out[y].permits.end = endValid[y]
            out[y].births.pendingStart = y > 0 ? endPending[y - 1] : 0
            out[y].births.pendingEnd = endPending[y]
            out[y].programme.start = y > 0 ? endProgramme[y - 1] : 0
            out[y].programme.end = endProgramme[y]
            out[y].extensions.meanLetterDays = letters[y] > 0 ? Double(letterDays[y]) / Double(letters[y]) : 0
            out[y].workload.meanCardDays = cards[y] > 0 ? Double(cardDays[y]) / Double(cards[y]) : 0
        }
        return LifecycleOutcomes(years: out)
    }
}
