// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import GLPK

/// Hillier & Lieberman's Wyndor Glass LP, plus a variable that must stay at zero:
/// max 3x1 + 5x2 + x3  s.t.  x1 ≤ 4,  2x2 ≤ 12,  3x1 + 2x2 + 3x3 ≤ 18,  x ≥ 0.
/// Optimum x = (2, 6, 0), z = 36, duals (0, 1.5, 1), reduced cost of x3 = 1 − 3·1 = −2.
private func wyndor() -> LinearModel {
    var model = LinearModel(name: "wyndor", sense: .maximize)
    let x1 = model.addVariable(name: "x1", objective: 3)
    let x2 = model.addVariable(name: "x2", objective: 5)
    let x3 = model.addVariable(name: "x3", objective: 1)
    model.addConstraint(name: "plant1", upper: 4, indices: [x1], coefficients: [1])
    model.addConstraint(name: "plant2", upper: 12, indices: [x2], coefficients: [2])
    model.addConstraint(
        name: "plant3", upper: 18, indices: [x1, x2, x3], coefficients: [3, 2, 3])
    return model
}

private func close(_ a: [Double]?, _ b: [Double], tolerance: Double = 1e-9) -> Bool {
    guard let a, a.count == b.count else { return false }
    return zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}

@Test func textbookLPOptimumAndDuals() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try GLPKSolver.solve(wyndor())
    let elapsed = start.duration(to: clock.now).components
    let around = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    #expect(result.termination == .optimal)
    #expect(result.objective == 36)
    #expect(close(result.values, [2, 6, 0]))
    #expect(close(result.rowDuals, [0, 1.5, 1]))
    #expect(close(result.reducedCosts, [0, 0, -2]))
    #expect(result.bound == 36)
    #expect(result.relativeGap == 0)
    // The call's own time: more than nothing, at most the time measured around it.
    #expect(result.seconds > 0)
    #expect(result.seconds <= around)
}

/// min x + y + 10  s.t.  x + y ≥ 2,  x − y = 0,  x, y free: x = y = 1, z = 12,
/// duals u = 1 (from 1 = u + v, 1 = u − v) and v = 0.
@Test func minimisationWithFreeVariablesEqualityAndConstant() throws {
    var model = LinearModel(sense: .minimize)
    model.objectiveConstant = 10
    let x = model.addVariable(name: "x", lower: nil, objective: 1)
    let y = model.addVariable(name: "y", lower: nil, objective: 1)
    model.addConstraint(name: "cover", lower: 2, indices: [x, y], coefficients: [1, 1])
    model.addConstraint(name: "same", lower: 0, upper: 0, indices: [x, y], coefficients: [1, -1])
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .optimal)
    #expect(abs((result.objective ?? 0) - 12) < 1e-9)
    #expect(close(result.values, [1, 1]))
    #expect(close(result.rowDuals, [1, 0]))
    #expect(close(result.reducedCosts, [0, 0]))
}

@Test func fixedVariableUsesEqualBounds() throws {
    var model = LinearModel(sense: .minimize)
    model.addVariable(name: "fixed", lower: 3, upper: 3, objective: 2)
    model.addVariable(name: "free", lower: -1, upper: 5, objective: 1)
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .optimal)
    #expect(close(result.values, [3, -1]))
    #expect(result.objective == 5)
}

@Test func infeasibleLP() throws {
    var model = LinearModel(sense: .minimize)
    let x = model.addVariable(name: "x", objective: 1)
    model.addConstraint(name: "negative", upper: -1, indices: [x], coefficients: [1])
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .infeasible)
    #expect(!result.hasSolution)
    #expect(result.objective == nil)
    #expect(result.rowDuals == nil)
}

@Test func unboundedLP() throws {
    var model = LinearModel(sense: .maximize)
    let x = model.addVariable(name: "x", objective: 1)
    let y = model.addVariable(name: "y")
    model.addConstraint(name: "slack", upper: 1, indices: [x, y], coefficients: [1, -1])
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .unbounded)
    #expect(!result.hasSolution)
}

@Test func emptyModelReturnsTheConstant() throws {
    var model = LinearModel(sense: .maximize)
    model.objectiveConstant = 7
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .optimal)
    #expect(result.values == [])
    #expect(result.objective == 7)
    #expect(result.rowDuals == [])

    // A row without coefficients has activity 0, which cannot reach 1.
    model.addConstraint(name: "impossible", lower: 1, indices: [], coefficients: [])
    #expect(try GLPKSolver.solve(model).termination == .infeasible)
    #expect(try GLPKSolver.solve(model, options: .init()).hasSolution == false)
}

@Test func zeroCoefficientsAreHarmless() throws {
    var model = LinearModel(sense: .maximize)
    let x = model.addVariable(name: "x", objective: 1)
    let y = model.addVariable(name: "y", objective: 1)
    model.addConstraint(name: "cap", upper: 4, indices: [x, y], coefficients: [1, 0])
    model.addConstraint(name: "capy", upper: 2, indices: [y], coefficients: [1])
    let result = try GLPKSolver.solve(model)
    #expect(result.termination == .optimal)
    #expect(result.objective == 6)
}
