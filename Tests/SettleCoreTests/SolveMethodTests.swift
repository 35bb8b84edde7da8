// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

@Suite struct SolveMethodTests {
    static let ruleBased: [PolicySpec.Mechanism] = [.statusQuo, .proportional, .random]

    func run(_ mechanism: PolicySpec.Mechanism) -> (SimulationResult, Outcomes) {
        var spec = Fixtures.spec(households: 150, municipalities: 12)
        spec.policy.mechanism = mechanism
        let scenario = Fixtures.scenario(spec)
        let result = Simulation.run(scenario)
        return (result, OutcomeCollector.collect(scenario: scenario, result: result))
    }

    /// Each round of a rule says so itself (method and termination); the year reports what its rounds did.
    @Test(arguments: ruleBased)
    func aRuleReportsRuleBased(_ mechanism: PolicySpec.Mechanism) {
        let (result, o) = run(mechanism)
        #expect(!result.rounds.isEmpty)
        for round in result.rounds {
            #expect(round.result.method == .ruleBased, "day \(round.day)")
            #expect(round.result.termination == .ruleBased, "day \(round.day)")
        }
        #expect(o.matching.methods == [.ruleBased])
        #expect(o.matching.termination == .ruleBased)
        #expect(o.matching.bound.isNaN && o.matching.gap.isNaN)
    }

    /// Optimising mechanisms report the solver that ran, never a rule.
    @Test(arguments: PolicySpec.Mechanism.allCases.filter { !ruleBased.contains($0) })
    func anOptimiserReportsItsSolver(_ mechanism: PolicySpec.Mechanism) {
        let (result, o) = run(mechanism)
        #expect(!result.rounds.isEmpty)
        #expect(result.rounds.allSatisfy { [.exact, .lpRepair].contains($0.result.method) })
        #expect(!o.matching.methods.isEmpty && !o.matching.methods.contains(.ruleBased))
        #expect(!o.matching.bound.isNaN)
    }
}
