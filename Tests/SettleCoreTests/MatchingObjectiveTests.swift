// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct MatchingObjectiveTests {
    func batch() -> MatchingBatch {
        let municipalities = Fixtures.scenario(Fixtures.spec(municipalities: 4, counties: 1)).municipalities
        let tied = Household(id: "tied", members: [Fixtures.person(30), Fixtures.person(40)], tieMunicipality: 2)
        let free = Household(id: "free", members: [Fixtures.person(25)])
        return MatchingBatch(
            households: [tied, free], municipalities: municipalities, capacity: [10, 10, 10, 10],
            model: IntegrationModel())
    }

    @Test func neutralObjectiveLeavesValuesAlone() {
        let b = batch()
        #expect(MatchingObjective().apply(to: b).value == b.value)
    }

    @Test func requiredTiesAllowOnlyTheTieMunicipality() {
        let b = batch()
        var objective = MatchingObjective()
        objective.ties = .required
        let applied = objective.apply(to: b)
        #expect((0..<4).filter { applied.isAllowed(0, $0) } == [2])
        #expect((0..<4).allSatisfy { applied.isAllowed(1, $0) })
        var options = MatchingOptions()
        options.objective = objective
        #expect(BatchMatcher.match(b, options: options).placement[0] == 2)
    }

    @Test func bonusAndDistancePenaltyChangeValuesByTheirWeights() {
        let b = batch()
        var objective = MatchingObjective()
        objective.ties = .bonus
        objective.tiesBonus = 0.75
        objective.distancePenalty = 0.1
        let applied = objective.apply(to: b)
        #expect(abs(applied.value(0, 2) - b.value(0, 2) - 0.75) < 1e-6)
        let m = b.municipalities
        let km = haversineKilometres(
            lat1: m[2].latitude, lon1: m[2].longitude, lat2: m[0].latitude, lon2: m[0].longitude)
        #expect(km > 0)
        #expect(abs(applied.value(0, 0) - (b.value(0, 0) - 0.1 * km / 100)) < 1e-6)
        // No ties, no penalty.
        #expect(applied.value(1, 0) == b.value(1, 0))
    }

    @Test func fillBonusAndBalancingArePricesPerPersonFromTheDecision() {
        var b = batch()
        b.decision = [10, 20, 40, 10]  // used shares 0, 0.5, 0.75, 0
        var objective = MatchingObjective()
        objective.minimumFill = 0.6
        objective.fillBonus = 0.5
        let filled = objective.apply(to: b)
        #expect(abs(filled.value(0, 1) - b.value(0, 1) - 1.0) < 1e-6)  // two persons below the fill share
        #expect(filled.value(0, 2) == b.value(0, 2))  // already past it
        objective = MatchingObjective()
        objective.balancing = 1
        let balanced = objective.apply(to: b)
        // Shares left 1, 0.5, 0.25, 1 (mean 0.6875): behind schedule gains, ahead loses.
        #expect(abs(balanced.value(1, 0) - b.value(1, 0) - 0.3125) < 1e-6)
        #expect(abs(balanced.value(1, 2) - b.value(1, 2) + 0.4375) < 1e-6)
        b.decision = nil
        b.personPrice = [0, 0, 0, 2]
        let priced = MatchingObjective().apply(to: b)
        #expect(abs(priced.value(0, 3) - b.value(0, 3) - 4) < 1e-6)
    }

    @Test func scoresTableReplacesScoresForListedHouseholds() {
        let b = batch()
        var objective = MatchingObjective()
        let ids = b.municipalities.map(\.id)
        objective.scoresTable = ScoresTable(scores: ["free": [ids[1]: 0.9, ids[3]: 0.2]])
        let applied = objective.apply(to: b)
        #expect(applied.value(1, 1) == 1.9)  // placement value 1 per person + the table's score
        #expect(applied.value(1, 3) == 1.2)
        #expect(!applied.isAllowed(1, 0))
        #expect(applied.value(0, 0) == b.value(0, 0))  // not in the table: built-in scores
    }
}
