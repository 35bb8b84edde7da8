// SPDX-License-Identifier: GPL-3.0-or-later

/// The settlement process over a year as a deterministic discrete-event simulation.
///
/// Households get their residence permit on the days the arrival profile gives. Some
/// look for a home themselves (agreed self-settlement); the rest wait in reception
/// until IMDi can match them. IMDi matches the waiting pool at a fixed cadence
/// against what is left of each municipality's decision. Each household gets one
/// offer and may decline it; an accepted offer sets the settlement date a lead time
/// later, when the reception place ends.
///
/// Every household draws from its own labelled random streams, so two variants of a
/// scenario see the same households make the same draws (common random numbers).
public struct Simulation: Sendable {
    enum Event: Sendable {
        case permit(Int)
        case ready(Int)
        case searchEnds(Int)
        case move(Int)
        case round

        var isMove: Bool {
            if case .move = self { return true }
            return false
        }
    }

    // Same-day order: moves free nothing, searches end, permits arrive, then IMDi matches.
    static let movePriority = 0
    static let searchPriority = 1
    static let permitPriority = 2
    static let readyPriority = 3
    static let roundPriority = 4

    public let scenario: Scenario
    let seeds: SeedSequence
    let populationWeights: [Double]
    /// Households looking for a home contact municipalities that take part, where places are.
    let searchWeights: [Double]
    /// Decliners who have no ties move toward the large towns.
    let ownChoiceWeights: [Double]
    let meanTryWeight: Double
    let process: ProcessSpec

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        self.seeds = SeedSequence(seed: scenario.spec.seed)
        self.process = scenario.spec.process
        // Computed once: these are read for every household.
        self.populationWeights = scenario.municipalities.map { Double($0.population) }
        let participating = scenario.capacity.indices.map { m in
            scenario.selfSettlementParticipation[m] ? Double(scenario.capacity[m]) : 0
        }
        self.searchWeights = participating.contains { $0 > 0 } ? participating : populationWeights
        self.ownChoiceWeights = scenario.municipalities.map { _pow(Double($0.population), 1.2) }
        let rule = scenario.spec.selfSettlement
        // Averaged over those who may try, so `household_share` is the share of them that tries.
        let mayTry = scenario.households.filter {
            $0.housing == .privately || !scenario.spec.routes.holds(.receptionSettledByIMDi)
        }
        let weights = mayTry.map { Self.tryWeight($0, rule: rule) }
        self.meanTryWeight = weights.isEmpty ? 1 : max(1e-12, weights.reduce(0, +) / Double(weights.count))
    }

    /// Runs the whole horizon.
    public static func run(_ scenario: Scenario) -> SimulationResult {
        let simulation = Simulation(scenario)
        var state = simulation.makeState()
        simulation.advance(&state)
        return SimulationResult(histories: state.histories, rounds: state.rounds, capacityUsed: state.used)
    }

    /// The batch IMDi matches in its first round with anyone to match: what `export` and `solve` show.
    public static func firstBatch(_ scenario: Scenario) -> MatchingBatch {
        if let found = batch(scenario, fromDay: 0) { return found.batch }
        let simulation = Simulation(scenario)
        return simulation.batch(for: [], day: 0, state: simulation.makeState())
    }

    /// The batch of IMDi's first round on or after `day` with households waiting, as the year
    /// reaches it (earlier rounds matched and their offers answered); nil if no round has one.
    public static func batch(_ scenario: Scenario, fromDay day: Int) -> (day: Int, batch: MatchingBatch)? {
        let simulation = Simulation(scenario)
        var state = simulation.makeState()
        simulation.advance(&state, stopAtBatchFrom: day)
        return state.stoppedAt
    }

    struct State {
        var queue = EventQueue<Event>()
        var histories: [HouseholdHistory]
        var pool: [Int] = []
        var used: [Int]
        var minorsUsed: [Int]
        var largeUsed: [Int]
        var healthUsed: [Int]
        var rounds: [RoundRecord] = []
        var stoppedAt: (day: Int, batch: MatchingBatch)?
        var searchTarget: [Int: Int] = [:]
    }

    func makeState() -> State {
        let m = scenario.municipalities.count
        var state = State(
            histories: Array(repeating: HouseholdHistory(), count: scenario.households.count),
            used: Array(repeating: 0, count: m), minorsUsed: Array(repeating: 0, count: m),
            largeUsed: Array(repeating: 0, count: m), healthUsed: Array(repeating: 0, count: m))
        for (h, household) in scenario.households.enumerated() {
            if household.permitDay < process.horizonDays {
                state.queue.schedule(.permit(h), day: household.permitDay, priority: Self.permitPriority)
            } else {
                state.histories[h].reason = .permitAfterHorizon
            }
        }
        state.queue.schedule(.round, day: 0, priority: Self.roundPriority)
        return state
    }

    /// Runs events in order; with `stopAtBatchFrom`, stops at the first round from that day on
    /// with households waiting and keeps its batch in `stoppedAt` instead of matching it.
    func advance(_ state: inout State, stopAtBatchFrom: Int? = nil) {
        while let entry = state.queue.next() {
            let day = entry.day
            // Past the horizon only moves agreed before it happen; searches and mapping stop where they are.
            if day >= process.horizonDays && !entry.payload.isMove { continue }
            switch entry.payload {
            case .permit(let h): permit(h, day: day, state: &state)
            case .ready(let h):
                state.pool.append(h)
                if state.histories[h].reason != .awaitingNextOffer { state.histories[h].reason = .noRoundSinceReady }
            case .searchEnds(let h): searchEnds(h, day: day, state: &state)
            case .move(let h): move(h, day: day, state: &state)
            case .round:
                if let stopDay = stopAtBatchFrom, day >= stopDay, !state.pool.isEmpty {
                    state.stoppedAt = (
                        day, batch(for: considered(state.pool, day: day, state: state), day: day, state: state)
                    )
                    return
                }
                round(day: day, state: &state)
                let next = day + max(1, process.roundEveryDays)
                if next < process.horizonDays { state.queue.schedule(.round, day: next, priority: Self.roundPriority) }
            }
        }
    }

    // MARK: - Events

    func permit(_ h: Int, day: Int, state: inout State) {
        let household = scenario.households[h]
        let rule = scenario.spec.selfSettlement
        let routes = scenario.spec.routes
        var rng = seeds.stream("self-settlement", UInt64(h))
        // Fixed draws per household, whatever the parameters, keep streams aligned across variants.
        let tryDraw = rng.uniform()
        let searchDays = rng.integer(in: process.searchDays)
        let target = rng.index(weights: searchWeights)
        var application = seeds.stream("application", UInt64(h))
        let applyDraw = application.uniform()
        let applicationDays = application.integer(in: scenario.spec.housing.applicationDays)
        let inReception = household.housing == .reception
        // Agreed self-settlement is for households not living in reception.
        let mayTry = !inReception || !routes.holds(.receptionSettledByIMDi)
        let tries = mayTry && tryDraw < rule.householdShare * Self.tryWeight(household, rule: rule) / meanTryWeight
        if tries {
            state.histories[h].triedSelfSettlement = true
            state.histories[h].reason = .searchingOwnHome
            // Where it has ties, if that municipality takes part; else one that takes part, by its places.
            let tie = household.tieMunicipality.flatMap { scenario.selfSettlementParticipation[$0] ? $0 : nil }
            state.searchTarget[h] = tie ?? target
            state.queue.schedule(.searchEnds(h), day: day + searchDays, priority: Self.searchPriority)
        } else if inReception || household.isUnaccompaniedMinor {
            state.histories[h].reason = .inProcessing
            state.queue.schedule(.ready(h), day: day + process.processingDays, priority: Self.readyPriority)
        } else if applyDraw < scenario.spec.housing.applyShare || !routes.holds(.settlementIsVoluntary) {
            // Living privately, applies to IMDi for help: then waits for the single offer.
            state.histories[h].appliedToIMDi = true
            state.histories[h].reason = .inProcessing
            state.queue.schedule(
                .ready(h), day: day + applicationDays + process.processingDays, priority: Self.readyPriority)
        } else {
            // Settlement is voluntary: the household stays where it lives and asks for nothing.
            state.histories[h].path = .noSettlementAsked
            state.histories[h].municipality = household.receptionMunicipality
            state.histories[h].reason = nil
        }
    }

    func searchEnds(_ h: Int, day: Int, state: inout State) {
        let household = scenario.households[h]
        guard let target = state.searchTarget[h] else { return }
        var rng = seeds.stream("self-settlement-approval", UInt64(h))
        let approved = rng.uniform() < scenario.spec.selfSettlement.approvalProbability
        if approved && scenario.selfSettlementParticipation[target]
            && fits(household, in: target, day: day, state: state)
        {
            use(household, in: target, state: &state)
            state.histories[h].path = .selfSettled
            state.histories[h].municipality = target
            state.histories[h].movedDay = day
            state.histories[h].reason = nil
        } else {
            // The search failed: the household applies to IMDi and waits, once IMDi has mapped it.
            state.histories[h].appliedToIMDi = true
            state.histories[h].reason = .inProcessing
            let ready = max(day, household.permitDay + process.processingDays)
            state.queue.schedule(.ready(h), day: ready, priority: Self.readyPriority)
        }
    }

    func move(_ h: Int, day: Int, state: inout State) {
        state.histories[h].movedDay = day
    }

    func round(day: Int, state: inout State) {
        guard !state.pool.isEmpty else { return }
        let pool = considered(state.pool, day: day, state: state)
        let considered = Set(pool)
        let skipped = state.pool.filter { !considered.contains($0) }
        for h in skipped { state.histories[h].reason = .notReached }
        let batch = batch(for: pool, day: day, state: state)
        let result = assign(batch, pool: pool, day: day, state: state)
        var remaining: [Int] = []
        var offers = 0
        for (k, h) in pool.enumerated() {
            guard let m = result.placement[k] else {
                let fits = (0..<batch.municipalityCount).contains { batch.isAllowed(k, $0) }
                state.histories[h].reason = fits ? .othersMatched : .noRoomThatFits
                remaining.append(h)
                continue
            }
            offers += 1
            offer(h, municipality: m, day: day, state: &state)
        }
        state.pool = skipped + remaining
        state.pool.sort()
        state.rounds.append(
            RoundRecord(
                day: day, households: pool.count, offers: offers, scarcity: BatchScarcity(batch), result: result,
                mechanism: scenario.spec.policy.mechanism))
    }

    /// The households a round considers: longest-waiting first, until their persons reach
    /// `batchLimitFactor` times the places open. Past that nobody more could be offered a place,
    /// and leaving them out keeps rounds with a long queue fast.
    func considered(_ pool: [Int], day: Int, state: State) -> [Int] {
        let factor = process.batchLimitFactor
        guard factor > 0 else { return pool }
        let open = scenario.capacity.indices.reduce(0) { $0 + max(0, released($1, day: day) - state.used[$1]) }
        let limit = Int((factor * Double(open)).rounded(.up))
        let persons = pool.reduce(0) { $0 + scenario.households[$1].size }
        guard persons > limit else { return pool }
        let ordered = pool.sorted {
            let a = scenario.households[$0].permitDay
            let b = scenario.households[$1].permitDay
            return a != b ? a < b : $0 < $1
        }
        var chosen: [Int] = []
        var total = 0
        for h in ordered where total < limit {
            chosen.append(h)
            total += scenario.households[h].size
        }
        return chosen.sorted()
    }

    func offer(_ h: Int, municipality m: Int, day: Int, state: inout State) {
        let household = scenario.households[h]
        let number = state.histories[h].offersReceived + 1
        // One stream per household and offer: the first offer's draws do not depend on the policy.
        var rng = seeds.stream(number == 1 ? "decline" : "decline-\(number)", UInt64(h))
        let declineDraw = rng.uniform()
        let noShowDraw = rng.uniform()
        let destinationDraw = rng.index(weights: ownChoiceWeights)
        // Unaccompanied minors are settled into care: they cannot decline into living alone.
        let minorBound = household.isUnaccompaniedMinor && scenario.spec.routes.holds(.minorsCannotDecline)
        let p =
            minorBound
            ? 0
            : scenario.spec.decline.probability(
                household: household, offered: m, municipalities: scenario.municipalities)
        var history = state.histories[h]
        history.offered = m
        history.offerDay = day
        history.offersReceived = number
        if number == 1 { history.firstOffered = m }
        history.reason = nil
        let date = day + process.leadTimeDays
        if declineDraw < p {
            history.declinedOffers += 1
            if number < scenario.spec.policy.offers {
                // A further offer: back in the pool for the next round.
                history.reason = .awaitingNextOffer
                state.histories[h] = history
                state.queue.schedule(.ready(h), day: day + 1, priority: Self.readyPriority)
                return
            }
            // Declining: leave reception by the agreed date, settle where the household chooses.
            history.path = .declined
            history.municipality = household.tieMunicipality ?? destinationDraw
        } else {
            history.path = .settledByIMDi
            history.municipality = m
            history.forcedMove = noShowDraw < process.noShowShare
            use(household, in: m, state: &state)
        }
        state.histories[h] = history
        state.queue.schedule(.move(h), day: date, priority: Self.movePriority)
    }

    // MARK: - Capacity

    /// Places of a decision open by `day`: all of it up front, or released evenly through the year.
    func released(_ m: Int, day: Int) -> Int {
        let decision = scenario.capacity[m]
        switch process.capacityRelease {
        case .upfront: return decision
        case .even:
            let share = min(1, Double(day + max(1, process.roundEveryDays)) / Double(max(1, process.horizonDays)))
            return Int((Double(decision) * share).rounded(.up))
        }
    }

    func fits(_ household: Household, in m: Int, day: Int, state: State) -> Bool {
        if released(m, day: day) - state.used[m] < household.size { return false }
        if household.isUnaccompaniedMinor && scenario.minorCapacity[m] - state.minorsUsed[m] < household.size {
            return false
        }
        if household.needsLargeDwelling && scenario.largeDwellings[m] - state.largeUsed[m] < 1 { return false }
        if household.healthNeeds && scenario.healthPlaces[m] - state.healthUsed[m] < 1 { return false }
        return true
    }

    func use(_ household: Household, in m: Int, state: inout State) {
        state.used[m] += household.size
        if household.isUnaccompaniedMinor { state.minorsUsed[m] += household.size }
        if household.needsLargeDwelling { state.largeUsed[m] += 1 }
        if household.healthNeeds { state.healthUsed[m] += 1 }
    }

    /// The matching batch for the waiting pool: remaining places in every dimension, values
    /// from the integration model plus a priority for time already waited.
    func batch(for pool: [Int], day: Int, state: State) -> MatchingBatch {
        let households = pool.map { scenario.households[$0] }
        let count = scenario.municipalities.count
        let remaining = (0..<count).map { max(0, released($0, day: day) - state.used[$0]) }
        let dimensions = Self.dimensions(
            households, minors: (0..<count).map { max(0, scenario.minorCapacity[$0] - state.minorsUsed[$0]) },
            large: (0..<count).map { max(0, scenario.largeDwellings[$0] - state.largeUsed[$0]) },
            health: (0..<count).map { max(0, scenario.healthPlaces[$0] - state.healthUsed[$0]) })
        var batch = MatchingBatch(
            households: households, municipalities: scenario.municipalities, capacity: remaining,
            model: scenario.spec.scoring, dimensions: dimensions)
        batch.decision = scenario.capacity
        let priority = process.waitPriority
        if priority != 0 {
            for (k, household) in households.enumerated() {
                let bonus = priority * Double(household.size) * Double(max(0, day - household.permitDay)) / 30
                let rounded = ObjectiveQuantum.quantized(bonus)
                // Quantize the sum too: score plus bonus can land an ulp off the grid.
                for m in 0..<count where batch.isAllowed(k, m) {
                    batch.value[k * count + m] = ObjectiveQuantum.quantized(batch.value[k * count + m] + rounded)
                }
            }
        }
        return batch
    }

    /// The capacities beyond persons, with what is left of each in every municipality.
    static func dimensions(_ households: [Household], minors: [Int], large: [Int], health: [Int])
        -> [CapacityDimension]
    {
        [
            CapacityDimension(
                name: "unaccompanied_minors", demand: households.map { $0.isUnaccompaniedMinor ? $0.size : 0 },
                capacity: minors),
            CapacityDimension(
                name: "large_dwellings", demand: households.map { $0.needsLargeDwelling ? 1 : 0 }, capacity: large),
            CapacityDimension(
                name: "health_places", demand: households.map { $0.healthNeeds ? 1 : 0 }, capacity: health),
        ]
    }

    // MARK: - Draw weights

    static func tryWeight(_ household: Household, rule: SelfSettlementRule) -> Double {
        if household.isUnaccompaniedMinor { return 0 }
        return household.isSingleAdult ? rule.singleAdultFactor : 1
    }
}
