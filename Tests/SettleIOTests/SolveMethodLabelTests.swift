// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

@Suite struct SolveMethodLabelTests {
    func report(_ mechanism: String) throws -> (json: [String: Any], text: String) {
        let scenario = try ScenarioLoader.load(
            .file(Paths.scenario("small.yaml")), overrides: [try Override(parsing: "policy.mechanism=\(mechanism)")])
        let o = OutcomeCollector.collect(scenario: scenario, result: Simulation.run(scenario))
        let text = JSONReport.value(o).serialized(indent: 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return (json, TerminalReport.render(o, scenario: scenario, showTimings: false))
    }

    /// A rule-based year says `rule-based` as its method in JSON and text, never `auto` or the mechanism's name.
    @Test(arguments: ["status-quo", "proportional", "random"])
    func ruleBasedYearsSayRuleBased(_ mechanism: String) throws {
        let (json, text) = try report(mechanism)
        let matching = try #require(json["matching"] as? [String: Any])
        #expect(matching["method"] as? String == "rule-based")
        #expect(matching["termination"] as? String == "rule_based")
        #expect(text.contains("Matching                rule-based, rule based: "))
    }

    @Test func optimisedYearsNameTheSolver() throws {
        let matching = try #require(try report("optimal").json["matching"] as? [String: Any])
        #expect(matching["method"] as? String == "exact")
    }

    @Test func aYearOfSeveralMethodsIsMixed() {
        #expect(SolveMethod.label(of: []) == "none")
        #expect(SolveMethod.label(of: [.lpRepair]) == "lp-repair")
        #expect(SolveMethod.label(of: [.exact, .lpRepair]) == "mixed")
        #expect(Set(SolveMethod.allCases.map(\.label)).count == SolveMethod.allCases.count)
    }
}
