// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import GLPK

@Test(arguments: [(LinearModel.Sense.maximize, 336.0), (.minimize, 261.0)])
func generalizedAssignmentOptimum(sense: LinearModel.Sense, optimum: Double) throws {
    let model = GAPInstance.model(sense: sense)
    #expect(model.variables.count == 75)
    #expect(model.constraints.count == 20)
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .optimal)
    #expect(result.objective == optimum)
    #expect(result.bound == optimum)
    #expect(result.relativeGap == 0)

    let values = try #require(result.values)
    let assignment = try #require(GAPInstance.assignment(values))
    for agent in 0..<GAPInstance.agents {
        let used = (0..<GAPInstance.jobs).filter { assignment[$0] == agent }
            .reduce(0.0) { $0 + GAPInstance.resource[agent][$1] }
        #expect(used <= GAPInstance.capacity[agent])
    }
    let recomputed = assignment.enumerated().reduce(0.0) { $0 + GAPInstance.cost[$1.1][$1.0] }
    #expect(recomputed == optimum)
}

@Test func generalizedAssignmentRelaxationBoundsTheOptimum() throws {
    let maximum = try #require(
        try GLPKSolver.solveRelaxation(GAPInstance.model(sense: .maximize)).objective)
    let minimum = try #require(
        try GLPKSolver.solveRelaxation(GAPInstance.model(sense: .minimize)).objective)
    #expect(maximum >= 336)
    #expect(maximum < 350)
    #expect(minimum <= 261)
    #expect(minimum > 250)
}
