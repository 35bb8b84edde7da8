/// What happened to one household.
public struct HouseholdFate: Sendable, Equatable {
    public var path: SettlementPath
    /// Where the household lives under the settlement scheme (IMDi or agreement); nil otherwise.
    public var municipality: Int?
    /// The municipality IMDi offered, if it made an offer.
    public var offered: Int?
    /// Why a waiting household got no offer.
    public var reason: String?

    public init(path: SettlementPath, municipality: Int? = nil, offered: Int? = nil, reason: String? = nil) {
        self.path = path
        self.municipality = municipality
        self.offered = offered
        self.reason = reason
    }
}

public struct RoundResult: Sendable {
    public var fates: [HouseholdFate]
    public var match: MatchResult
    /// Persons settled against each municipality's decision (IMDi and agreement).
    public var capacityUsed: [Int]
}

/// One settlement round: agreed self-settlement first, then IMDi's batch match,
/// then each household accepts or declines its single offer.
///
/// Every household draws from its own random stream (by its position in the
/// cohort), so two policies run on the same seed see the same households make
/// the same coin flips: common random numbers for comparisons.
public enum SettlementRound {
    /// The state after agreed self-settlement, before IMDi's batch.
    public struct Queue: Sendable {
        public var fates: [HouseholdFate]
        /// Cohort indices of the households IMDi still has to place, in cohort order.
        public var waiting: [Int]
        /// Places left in each decision.
        public var remaining: [Int]
        /// The batch IMDi matches.
        public var batch: MatchingBatch
    }

    public static func run(_ scenario: Scenario) -> RoundResult {
        let seeds = SeedSequence(seed: scenario.spec.seed)
        let households = scenario.households
        var state = queue(scenario)
        let batch = state.batch
        let match = BatchMatcher.match(batch, options: scenario.spec.matching)
        for (k, h) in state.waiting.enumerated() {
            guard let m = match.placement[k] else {
                let fits = (0..<batch.municipalityCount).contains { batch.isAllowed(k, $0) }
                state.fates[h] = HouseholdFate(
                    path: .waiting,
                    reason: fits
                        ? "capacity taken by other households"
                        : "no municipality has room for \(households[h].size) persons")
                continue
            }
            var rng = seeds.stream("decline", UInt64(h))
            let p = scenario.spec.decline.probability(
                household: households[h], offered: m, municipalities: scenario.municipalities)
            if rng.uniform() < p {
                state.fates[h] = HouseholdFate(path: .declined, offered: m)
            } else {
                state.remaining[m] -= households[h].size
                state.fates[h] = HouseholdFate(path: .settledByIMDi, municipality: m, offered: m)
            }
        }
        let used = zip(scenario.capacity, state.remaining).map { $0 - $1 }
        return RoundResult(fates: state.fates, match: match, capacityUsed: used)
    }

    /// Agreed self-settlement, then the batch of everyone still waiting: only before IMDi
    /// has made an offer, and only where the municipality takes part.
    public static func queue(_ scenario: Scenario) -> Queue {
        let seeds = SeedSequence(seed: scenario.spec.seed)
        let households = scenario.households
        var remaining = scenario.capacity
        var fates = [HouseholdFate](repeating: HouseholdFate(path: .waiting), count: households.count)
        let rule = scenario.spec.selfSettlement
        let weights = households.map { tryWeight($0, rule: rule) }
        let meanWeight = weights.isEmpty ? 1 : max(1e-12, weights.reduce(0, +) / Double(weights.count))
        let populationWeights = scenario.municipalities.map { Double($0.population) }
        var waiting: [Int] = []
        for (h, household) in households.enumerated() {
            var rng = seeds.stream("self-settlement", UInt64(h))
            // Fixed draws per household, whatever the parameters, keep streams aligned across variants.
            let tries = rng.uniform() < rule.householdShare * weights[h] / meanWeight
            let approved = rng.uniform() < rule.approvalProbability
            let target = household.tieMunicipality ?? rng.index(weights: populationWeights)
            if tries && scenario.selfSettlementParticipation[target] && approved && remaining[target] >= household.size
            {
                remaining[target] -= household.size
                fates[h] = HouseholdFate(path: .selfSettled, municipality: target)
            } else {
                waiting.append(h)
            }
        }
        let batch = MatchingBatch(
            households: waiting.map { households[$0] }, municipalities: scenario.municipalities, capacity: remaining,
            model: scenario.spec.scoring)
        return Queue(fates: fates, waiting: waiting, remaining: remaining, batch: batch)
    }

    static func tryWeight(_ household: Household, rule: SelfSettlementRule) -> Double {
        if household.isUnaccompaniedMinor { return 0 }
        return household.isSingleAdult ? rule.singleAdultFactor : 1
    }
}
