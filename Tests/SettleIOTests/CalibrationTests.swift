// SPDX-License-Identifier: GPL-3.0-or-later

import Foundation
import Testing

@testable import SettleCore
@testable import SettleIO

/// The baseline against IMDi's published 2024 figures, within the tolerances the README's
/// calibration section states. Figures a parameter was set to hit are checked too, so that a
/// change of the model that moves them away is noticed.
@Suite struct CalibrationTests {
    static let published = (
        settled: 22_572.0, selfSettledShare: 0.11, inReceptionAtStart: 9_148.0,
        fill: [0.81, 0.82, 0.83, 0.79, 0.79, 0.67], ownShare: [0.12, 0.13, 0.12, 0.13, 0.13, 0.11]
    )

    @Test func norway2024BaselineIsWithinTheStatedTolerances() throws {
        let scenario = try ScenarioLoader.load(.file(Paths.scenario("norway-2024.yaml")))
        #expect(scenario.spec.policy.mechanism == .statusQuo)
        let o = OutcomeCollector.collect(scenario: scenario, result: Simulation.run(scenario))
        let settled = Double(o.outcomes.settledByIMDi + o.outcomes.selfSettled)
        #expect(abs(settled / Self.published.settled - 1) <= 0.03, "persons settled \(settled)")
        let own = Double(o.outcomes.selfSettled) / settled
        #expect(abs(own - Self.published.selfSettledShare) <= 0.02, "self-settled share \(own)")
        let start = Double(o.reception.personsAtStart)
        #expect(abs(start / Self.published.inReceptionAtStart - 1) <= 0.05, "in reception at the start \(start)")
        #expect(o.capacity.decided == 28_436)
        #expect(o.centralityClasses.map(\.centralityClass) == [1, 2, 3, 4, 5, 6])
        for (row, (fill, share)) in zip(o.centralityClasses, zip(Self.published.fill, Self.published.ownShare)) {
            let ours = Double(row.settled) / Double(row.decided)
            #expect(abs(ours - fill) <= 0.12, "fill of class \(row.centralityClass): \(ours)")
            let ownShare = Double(row.selfSettled) / Double(row.settled)
            #expect(abs(ownShare - share) <= 0.1, "self-settled share of class \(row.centralityClass): \(ownShare)")
        }
        // Remote municipalities fill less than central ones, as IMDi reported.
        let fills = o.centralityClasses.map { Double($0.settled) / Double($0.decided) }
        #expect(fills[5] < fills[0] - 0.1)
    }
}
