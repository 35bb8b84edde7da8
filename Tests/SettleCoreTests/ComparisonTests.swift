// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct ComparisonTests {
    @Test func intervalUsesStudentT() throws {
        let i = Interval([1, 2, 3])
        #expect(i.mean == 2)
        // sd = 1, n = 3, t(0.975, 2) = 4.303
        let half = 4.303 / 3.0.squareRoot()
        #expect(abs(try #require(i.low) - (2 - half)) < 1e-12)
        #expect(abs(try #require(i.high) - (2 + half)) < 1e-12)
        #expect(Interval([5]).low == nil)
        #expect(Interval([1, 1, 1]).excludesZero)
        #expect(!Interval([-1, 1]).excludesZero)
        #expect(Interval.t975(degreesOfFreedom: 1_000_000) < 1.961)
        #expect(abs(Interval.t975(degreesOfFreedom: 60) - 2.0) < 1e-9)
    }

    @Test func differencesArePairedByReplication() {
        // Variant 1 is variant 0 plus exactly 10 in every replication: the paired interval has zero width.
        let base: [Double] = [100, 140, 90, 120]
        var records: [ReplicationRecord] = []
        for (k, value) in base.enumerated() {
            for v in 0..<2 {
                var metrics = [Double](repeating: 0, count: ComparisonMetric.allCases.count)
                metrics[0] = value + Double(v * 10)
                records.append(
                    ReplicationRecord(
                        variant: v, replication: k, metrics: metrics, settledByMunicipality: [1], usedByCounty: [1],
                        waitHistogram: Array(repeating: 0, count: ReplicationRecord.waitBins)))
            }
        }
        let summary = ComparisonSummary(variantNames: ["a", "b"], records: records.reversed())
        let row = summary.rows[0]
        #expect(row.values[1].mean == 122.5)
        #expect(row.differences[0] == nil)
        #expect(row.differences[1]?.mean == 10)
        #expect(row.differences[1]?.low == 10)
        #expect(row.differences[1]?.high == 10)
        #expect(summary.replications == 4)
    }

    @Test func replicationsShareSeedsAcrossVariantsAndTheCountryAcrossReplications() throws {
        var a = Fixtures.spec(households: 100)
        var b = a
        a.policy.mechanism = .optimal
        b.policy.mechanism = .random
        let plan = ComparisonPlan(
            name: "t", variantNames: ["a", "b"], specs: [a, b], replications: 3, baseSeed: a.seed)
        #expect(plan.seed(replication: 0) != plan.seed(replication: 1))
        let a0 = try plan.scenario(variant: 0, replication: 0)
        let b0 = try plan.scenario(variant: 1, replication: 0)
        let a1 = try plan.scenario(variant: 0, replication: 1)
        #expect(a0.households == b0.households)
        #expect(a0.households != a1.households)
        #expect(a0.municipalities == a1.municipalities)
        #expect(plan.replications(shard: 2, of: 2) == [1])
    }

    @Test func everyMechanismRespectsTheDecisions() {
        for mechanism in PolicySpec.Mechanism.allCases {
            var spec = Fixtures.spec(households: 300, municipalities: 20)
            spec.policy.mechanism = mechanism
            spec.capacity.nationalTotal = 500
            let scenario = Fixtures.scenario(spec)
            let result = Simulation.run(scenario)
            let o = OutcomeCollector.collect(scenario: scenario, result: result)
            #expect(o.capacity.overCapacityMunicipalities == 0, "\(mechanism)")
            #expect(o.outcomes.total == scenario.persons, "\(mechanism)")
            #expect(o.offers.made > 0, "\(mechanism)")
            if [.statusQuo, .proportional, .random].contains(mechanism) {
                #expect(o.matching.methods == [.ruleBased])
                #expect(o.matching.gap.isNaN)
            }
        }
    }

    @Test func optimalMatchingPredictsMoreEmploymentThanRandom() {
        func predicted(_ mechanism: PolicySpec.Mechanism) -> Double {
            var spec = Fixtures.spec(households: 400, municipalities: 25)
            spec.policy.mechanism = mechanism
            spec.decline.baseRate = 0
            let scenario = Fixtures.scenario(spec)
            return OutcomeCollector.collect(scenario: scenario, result: Simulation.run(scenario)).matching
                .predictedEmployment
        }
        #expect(predicted(.optimal) > predicted(.random))
    }

    @Test func aSecondOfferSettlesSomeWhoDeclinedTheFirst() {
        var spec = Fixtures.spec(households: 400, municipalities: 25)
        spec.decline.baseRate = 0.3
        let one = OutcomeCollector.collect(
            scenario: Fixtures.scenario(spec), result: Simulation.run(Fixtures.scenario(spec)))
        spec.policy.offers = 2
        let two = OutcomeCollector.collect(
            scenario: Fixtures.scenario(spec), result: Simulation.run(Fixtures.scenario(spec)))
        #expect(two.outcomes.declined < one.outcomes.declined)
        #expect(two.offers.made > one.offers.made)
        #expect(two.offers.made == two.offers.accepted + two.offers.declined)
    }

    @Test func aReplicationThatDoesNotResolveIsAnErrorNotADroppedRecord() async throws {
        let a = Fixtures.spec(households: 60)
        var b = a
        b.capacity.overrides = ["nowhere": 5]
        let plan = ComparisonPlan(
            name: "t", variantNames: ["a", "b"], specs: [a, b], replications: 2, baseSeed: a.seed)
        do {
            let records = try await plan.run(replications: [0, 1], jobs: 2)
            Issue.record("variant b cannot resolve, yet \(records.count) records came back")
        } catch {
            #expect(error == .unknownOverrideMunicipality(id: "nowhere"))
        }
    }
}
