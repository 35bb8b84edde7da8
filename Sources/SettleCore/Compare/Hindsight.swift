// SPDX-License-Identifier: GPL-3.0-or-later

/// The hindsight optimum of one replication: the year's households that went through IMDi's
/// matching, placed at once against the year's whole decisions, as if everything were known on
/// day 0 (Ahani et al., Operations Research 2024; Bansak & Paulson, Operations Research 2024).
///
/// The batch holds every household that reached IMDi's waiting pool before a round (it got an
/// offer, or a round left it waiting) in at least one of the runs it is built from: the variants
/// of one replication, which share households, decisions and draws. Capacities are the full
/// decisions in persons, unaccompanied-minor places, large dwellings and health places; places
/// that agreed self-settlement used are not taken off, so every run's IMDi placements fit in it.
/// Values are the rounds' objective terms (`MatchingOptions.objective` on the integration model)
/// without the waiting-time priority, which has no meaning when nobody waits. It is solved once,
/// by `BatchMatcher`, and certified like any batch (bound and gap). A run's share counts its accepted
/// placements and, for households of the batch that settled by agreement in that run, their own place.
public struct Hindsight: Sendable {
    /// Scenario household indices in the batch, ascending.
    public var households: [Int]
    /// The batch as solved: full decisions, the objective's terms in its values.
    public var batch: MatchingBatch
    public var result: MatchResult
    /// Batch row of each scenario household, -1 when outside the batch.
    let row: [Int]
    /// The scenario's matching options, for the offers' own batch.
    let options: MatchingOptions

    public var value: Double { result.objective }
    public var bound: Double { result.bound }
    public var gap: Double { result.gap }

    /// Builds and solves the hindsight batch of `households` (scenario indices) in `scenario`.
    public init(scenario: Scenario, households: [Int]) {
        let members = Array(Set(households)).sorted()
        let batch = Self.batch(scenario, households: members)
        self.households = members
        self.result = BatchMatcher.match(batch, options: scenario.spec.matching)
        self.batch = BatchMatcher.prepare(batch, options: scenario.spec.matching)
        var row = [Int](repeating: -1, count: scenario.households.count)
        for (r, h) in members.enumerated() { row[h] = r }
        self.row = row
        self.options = scenario.spec.matching
    }

    /// The hindsight batch before the objective's terms: `households` against the full decisions.
    public static func batch(_ scenario: Scenario, households: [Int]) -> MatchingBatch {
        let members = households.map { scenario.households[$0] }
        var batch = MatchingBatch(
            households: members, municipalities: scenario.municipalities, capacity: scenario.capacity,
            model: scenario.spec.scoring,
            dimensions: Simulation.dimensions(
                members, minors: scenario.minorCapacity, large: scenario.largeDwellings,
                health: scenario.healthPlaces))
        batch.decision = scenario.capacity
        return batch
    }

    /// Did the household reach IMDi's pool in time for a round: an offer, or a round that left it waiting?
    public static func reachedMatching(_ history: HouseholdHistory) -> Bool {
        if history.offersReceived > 0 { return true }
        switch history.reason {
        case .notReached, .othersMatched, .noRoomThatFits: return true
        default: return false
        }
    }

    /// The households that reached IMDi's matching in any of `results` (runs of one scenario's households).
    public static func households(_ results: [SimulationResult]) -> [Int] {
        guard let count = results.map(\.histories.count).max() else { return [] }
        return (0..<count).filter { h in
            results.contains { h < $0.histories.count && reachedMatching($0.histories[h]) }
        }
    }

    /// Can runs of these two scenarios share one hindsight batch: the same households, decisions,
    /// municipalities, integration model and objective?
    public static func sameWorld(_ a: Scenario, _ b: Scenario) -> Bool {
        a.households == b.households && a.capacity == b.capacity && a.minorCapacity == b.minorCapacity
            && a.largeDwellings == b.largeDwellings && a.healthPlaces == b.healthPlaces
            && a.municipalities == b.municipalities && a.spec.scoring == b.spec.scoring
            && a.spec.matching == b.spec.matching
    }

    /// One share per run: runs are grouped by `sameWorld`, and each group's hindsight is solved once.
    public static func shares(_ runs: [(scenario: Scenario, result: SimulationResult)]) -> [HindsightShare] {
        var groups: [[Int]] = []
        for (i, run) in runs.enumerated() {
            if let g = groups.firstIndex(where: { sameWorld(runs[$0[0]].scenario, run.scenario) }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        var shares = [HindsightShare?](repeating: nil, count: runs.count)
        for group in groups {
            let hindsight = Hindsight(
                scenario: runs[group[0]].scenario, households: households(group.map { runs[$0].result }))
            for i in group { shares[i] = hindsight.share(of: runs[i].result) }
        }
        return shares.map { $0! }
    }

    /// The value of placing scenario household `h` in municipality `m`; nil when the household is
    /// outside the batch or the objective forbids the pair.
    public func value(household h: Int, municipality m: Int) -> Double? {
        guard h >= 0, h < row.count, row[h] >= 0, m >= 0, m < batch.municipalityCount else { return nil }
        return batch.isAllowed(row[h], m) ? batch.value(row[h], m) : nil
    }

    /// Does this run's placement of `h` count: accepted from IMDi, or settled by agreement while in
    /// the batch (it reached IMDi's matching in another run; its place counts against the same decision).
    func placed(_ h: Int, _ history: HouseholdHistory) -> Bool {
        history.path == .settledByIMDi || (history.path == .selfSettled && h < row.count && row[h] >= 0)
    }

    /// A run's accepted placements and first offers against this hindsight.
    public func share(of result: SimulationResult) -> HindsightShare {
        var unvalued = 0
        var accepted = 0.0
        for (h, history) in result.histories.enumerated() where placed(h, history) {
            guard let m = history.municipality, let v = value(household: h, municipality: m) else {
                unvalued += 1
                continue
            }
            accepted += v
        }
        // The first offers as a batch of their own, each household allowed only where it was offered:
        // its optimum is the most the offers are worth within the decisions, had none been declined.
        var rows: [Int] = []
        var offeredAt: [Int] = []
        for (h, history) in result.histories.enumerated() {
            // A household of the batch that settled by agreement here keeps its own place.
            let own = history.path == .selfSettled && placed(h, history)
            guard let m = own ? history.municipality : history.firstOffered else { continue }
            guard value(household: h, municipality: m) != nil else {
                unvalued += 1
                continue
            }
            rows.append(row[h])
            offeredAt.append(m)
        }
        let count = batch.municipalityCount
        var values = [Double](repeating: -.infinity, count: rows.count * count)
        for (k, r) in rows.enumerated() { values[k * count + offeredAt[k]] = batch.value(r, offeredAt[k]) }
        let offers = MatchingBatch(
            households: rows.map { batch.households[$0] }, municipalities: batch.municipalities,
            capacity: batch.capacity, value: values,
            dimensions: batch.dimensions.map { d in
                CapacityDimension(name: d.name, demand: rows.map { d.demand[$0] }, capacity: d.capacity)
            })
        // The values already hold the objective's terms: solve them as they are.
        var plain = options
        plain.objective = MatchingObjective()
        let offered = BatchMatcher.match(offers, options: plain).objective
        return HindsightShare(
            accepted: accepted, offered: offered, hindsight: value, bound: bound, gap: gap, unvalued: unvalued)
    }
}
