// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import GLPK

/// Knapsack P01 (J. Burkardt's test set): capacity 165, optimum 309 with items 1–4 and 6.
private let weights: [Double] = [23, 31, 29, 44, 53, 38, 63, 85, 89, 82]
private let profits: [Double] = [92, 57, 49, 68, 60, 43, 67, 84, 87, 72]
private let optimalItems: [Double] = [1, 1, 1, 1, 0, 1, 0, 0, 0, 0]

private func knapsack(constant: Double = 0) -> LinearModel {
    var model = LinearModel(name: "knapsack_p01", sense: .maximize)
    model.objectiveConstant = constant
    for (item, profit) in profits.enumerated() {
        model.addVariable(name: "take_\(item + 1)", kind: .binary, objective: profit)
    }
    model.addConstraint(
        name: "capacity", upper: 165, indices: Array(weights.indices), coefficients: weights)
    return model
}

@Test func knapsackBruteForceAgrees() {
    var best = 0.0
    for subset in 0..<(1 << weights.count) {
        let items = weights.indices.filter { subset & (1 << $0) != 0 }
        if items.reduce(0.0, { $0 + weights[$1] }) <= 165 {
            best = max(best, items.reduce(0.0) { $0 + profits[$1] })
        }
    }
    #expect(best == 309)
}

@Test(arguments: [true, false])
func knapsackOptimum(presolve: Bool) throws {
    let model = knapsack()
    #expect(model.isMixedInteger)
    let result = try GLPKSolver.solve(model, options: .init(presolve: presolve))
    #expect(result.termination == .optimal)
    #expect(result.objective == 309)
    #expect(result.values == optimalItems)
    #expect(result.bound == 309)
    #expect(result.relativeGap == 0)
    // Duals belong to LPs only.
    #expect(result.rowDuals == nil)
    #expect(result.reducedCosts == nil)
}

@Test func knapsackConstantIsIncluded() throws {
    let result = try GLPKSolver.solve(knapsack(constant: 100))
    #expect(result.objective == 409)
    #expect(result.bound == 409)
}

/// Greedy by profit/weight fills items 1–4 (weight 127) and 38/53 of item 5.
@Test func knapsackRelaxation() throws {
    let result = try GLPKSolver.solveRelaxation(knapsack())
    #expect(result.termination == .optimal)
    let expected = 266 + 60 * 38 / 53.0
    #expect(abs((result.objective ?? 0) - expected) < 1e-9)
    #expect(abs((result.values?[4] ?? 0) - 38 / 53.0) < 1e-9)
    #expect(result.rowDuals?.count == 1)
}

@Test func binaryBoundsAreIntersectedWithZeroOne() {
    var model = LinearModel(sense: .minimize)
    model.addVariable(name: "plain", kind: .binary)
    model.addVariable(name: "forced", lower: 1, kind: .binary)
    model.addVariable(name: "wide", lower: -5, upper: 9, kind: .binary)
    #expect(model.variables.map(\.lower) == [0, 1, 0])
    #expect(model.variables.map(\.upper) == [1, 1, 1])
}

@Test func fractionalIntegerBoundsAreRoundedInwards() throws {
    var model = LinearModel(sense: .maximize)
    model.addVariable(name: "n", lower: 0.5, upper: 3.7, kind: .integer, objective: 1)
    model.addVariable(name: "m", lower: -2.5, upper: 4, kind: .integer, objective: -1)
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .optimal)
    #expect(result.values == [3, -2])
    #expect(result.objective == 5)
}

@Test func integerVariableWithoutIntegerValueIsInfeasible() throws {
    var model = LinearModel(sense: .minimize)
    model.addVariable(name: "n", lower: 0.2, upper: 0.8, kind: .integer)
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .infeasible)
    #expect(!result.hasSolution)
    // The relaxation keeps the fractional interval.
    #expect(try GLPKSolver.solveRelaxation(model).termination == .optimal)
}

@Test(arguments: [true, false])
func integerInfeasibleMIP(presolve: Bool) throws {
    // 2n = 1 has the relaxed solution 0.5 but no integer one.
    var model = LinearModel(sense: .minimize)
    let n = model.addVariable(name: "n", upper: 10, kind: .integer, objective: 1)
    model.addConstraint(name: "odd", lower: 1, upper: 1, indices: [n], coefficients: [2])
    let result = try GLPKSolver.solve(model, options: .init(presolve: presolve))
    #expect(result.termination == .infeasible)
    #expect(!result.hasSolution)
    #expect(result.bound == nil)
}

@Test(arguments: [true, false])
func relaxationInfeasibleMIP(presolve: Bool) throws {
    var model = LinearModel(sense: .maximize)
    let a = model.addVariable(name: "a", kind: .binary, objective: 1)
    let b = model.addVariable(name: "b", kind: .binary, objective: 1)
    model.addConstraint(name: "three", lower: 3, indices: [a, b], coefficients: [1, 1])
    let result = try GLPKSolver.solve(model, options: .init(presolve: presolve))
    #expect(result.termination == .infeasible)
    #expect(!result.hasSolution)
}

@Test(arguments: [true, false])
func unboundedMIP(presolve: Bool) throws {
    var model = LinearModel(sense: .maximize)
    let n = model.addVariable(name: "n", kind: .integer, objective: 1)
    let m = model.addVariable(name: "m", kind: .integer)
    model.addConstraint(name: "gap", upper: 1.5, indices: [n, m], coefficients: [1, -1])
    let result = try GLPKSolver.solve(model, options: .init(presolve: presolve))
    #expect(result.termination == .unbounded)
    #expect(!result.hasSolution)
}

@Test func gapToleranceStopsEarlyWithValidBound() throws {
    // With a 30 % tolerance GLPK may stop before proving 261; the bound must still hold.
    let result = try GLPKSolver.solve(
        GAPInstance.model(sense: .minimize), options: .init(relativeGap: 0.3))
    #expect(result.termination == .optimal)
    let objective = try #require(result.objective)
    let bound = try #require(result.bound)
    let gap = try #require(result.relativeGap)
    #expect(objective >= 261)
    #expect(bound <= 261)
    #expect(gap <= 0.3 + 1e-9)
    #expect(abs(gap - (objective - bound) / objective) < 1e-12)
}

@Test func tinyTimeLimitOnEasyModelIsConsistent() throws {
    for seconds in [0, 0.001] {
        let result = try GLPKSolver.solve(
            GAPInstance.model(sense: .maximize), options: .init(timeLimitSeconds: seconds))
        #expect(result.termination == .optimal || result.termination == .timeLimit)
        #expect(result.hasSolution == (result.objective != nil))
        if result.termination == .optimal {
            #expect(result.objective == 336)
        }
        if let values = result.values, let objective = result.objective {
            #expect(GAPInstance.assignment(values) != nil)
            #expect(objective <= 336)
            #expect((result.bound ?? .infinity) >= objective)
        }
    }
}

@Test func timeLimitKeepsIncumbentAndBound() throws {
    let model = randomGAP(agents: 10, jobs: 60, seed: 7, sense: .minimize)
    let relaxation = try #require(try GLPKSolver.solveRelaxation(model).objective)
    let result = try GLPKSolver.solve(model, options: .init(timeLimitSeconds: 0.5))
    // Seconds are needed on this machine; a much faster one might finish.
    #expect(result.termination == .timeLimit || result.termination == .optimal)
    #expect(result.seconds < 10)
    let bound = try #require(result.bound)
    #expect(bound >= relaxation - 1e-6)
    if let objective = result.objective {
        #expect(bound <= objective)
        let gap = try #require(result.relativeGap)
        #expect(abs(gap - (objective - bound) / objective) < 1e-12)
        #expect(result.values?.count == 600)
    } else {
        #expect(result.termination == .timeLimit)
        #expect(result.relativeGap == nil)
    }
}

@Test func nodeLimitStopsTheSearchDeterministically() throws {
    // A knapsack needing some branching; a one-node limit must still answer consistently, twice the same.
    var model = LinearModel(name: "knap", sense: .maximize)
    let weights: [Double] = [23, 31, 29, 44, 53, 38, 63, 85, 89, 82]
    let values: [Double] = [92, 57, 49, 68, 60, 43, 67, 84, 87, 72]
    let indices = weights.indices.map {
        model.addVariable(name: "x\($0)", upper: 1, kind: .binary, objective: values[$0])
    }
    model.addConstraint(name: "cap", upper: 165, indices: indices, coefficients: weights)
    let options = SolveOptions(relativeGap: 0, presolve: false, nodeLimit: 1)
    let first = try GLPKSolver.solve(model, options: options)
    let second = try GLPKSolver.solve(model, options: options)
    #expect([Termination.optimal, .iterationOrOtherLimit].contains(first.termination))
    #expect(first.termination == second.termination)
    #expect(first.values == second.values)
    #expect(throws: GLPKError.self) { try GLPKSolver.solve(model, options: SolveOptions(nodeLimit: 0)) }
}

@Test(arguments: Branching.allCases)
func everyBranchingRuleReachesTheOptimum(_ branching: Branching) throws {
    for (sense, optimum) in [(LinearModel.Sense.maximize, 336.0), (.minimize, 261.0)] {
        let result = try GLPKSolver.solve(
            GAPInstance.model(sense: sense), options: SolveOptions(relativeGap: 0, branching: branching))
        #expect(result.termination == .optimal)
        #expect(result.objective == optimum)
        #expect(try SolveOptions(branching: branching).validated().branching == branching)
    }
}

@Test func branchingRulesReallyDiffer() throws {
    // Stopped after the same number of nodes, the rules leave different trees and so different
    // bounds: if GLPK got one rule for all, every bound here would be the same.
    let model = randomGAP(agents: 5, jobs: 30, seed: 3, sense: .minimize)
    var bounds: [Branching: Double] = [:]
    for branching in Branching.allCases {
        let result = try GLPKSolver.solve(
            model, options: SolveOptions(relativeGap: 0, presolve: false, nodeLimit: 50, branching: branching))
        bounds[branching] = result.bound
    }
    #expect(Set(bounds.values).count > 1, "\(bounds)")
}

/// A MIP start is the incumbent from the first node: with the target at its own value, the
/// search stops on it at once instead of reaching the optimum 309.
@Test func aStartIsTheIncumbentFromTheFirstNode() throws {
    let start: [Double] = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]  // items 1–3: weight 83, profit 198
    let options = SolveOptions(start: start, objectiveTarget: 198)
    let result = try GLPKSolver.solve(knapsack(), options: options)
    #expect(result.termination == .targetReached)
    #expect(result.objective == 198)
    #expect(result.values == start)
    // Without a target the start only prunes: the optimum is still found.
    let full = try GLPKSolver.solve(knapsack(), options: SolveOptions(start: start))
    #expect(full.termination == .optimal)
    #expect(full.objective == 309)
}

/// The target stops the search at the first incumbent that reaches it, before the tree is
/// exhausted; the bound stays valid.
@Test func anObjectiveTargetStopsTheSearch() throws {
    let result = try GLPKSolver.solve(knapsack(), options: SolveOptions(presolve: false, objectiveTarget: 250))
    #expect(result.termination == .targetReached)
    let objective = try #require(result.objective)
    #expect(objective >= 250)
    let bound = try #require(result.bound)
    #expect(bound >= 309)
}

/// Minimising, the target is reached from above.
@Test func anObjectiveTargetStopsAMinimisation() throws {
    var model = LinearModel(name: "knapsack_min", sense: .minimize)
    for (item, profit) in profits.enumerated() {
        model.addVariable(name: "take_\(item + 1)", kind: .binary, objective: -profit)
    }
    model.addConstraint(name: "capacity", upper: 165, indices: Array(weights.indices), coefficients: weights)
    let result = try GLPKSolver.solve(model, options: SolveOptions(presolve: false, objectiveTarget: -250))
    #expect(result.termination == .targetReached)
    let objective = try #require(result.objective)
    #expect(objective <= -250)
}

/// GLPK takes a start's rows on trust, so a start that breaks one is refused before solving.
@Test(arguments: [
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as [Double],  // weight 537 > 165
    [0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0],  // not integral
    [2, 0, 0, 0, 0, 0, 0, 0, 0, 0],  // above a binary's bound
    [1, 1, 1],  // too few values
])
func aStartThatIsNotFeasibleIsRefused(start: [Double]) {
    #expect(throws: GLPKError.self) { try GLPKSolver.solve(knapsack(), options: SolveOptions(start: start)) }
}
