// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import GLPK

/// Chvátal's cutting-stock example: rolls of width 100 cut into widths 45, 36, 31 and 14, with
/// demands 97, 610, 395 and 211. Its LP relaxation over every cutting pattern is 452.25.
private let width = 100
private let widths = [45, 36, 31, 14]
private let demands = [97.0, 610, 395, 211]

/// Every pattern with at least one piece: counts per width within the roll.
private func allPatterns() -> [[Int]] {
    var patterns: [[Int]] = [[]]
    for w in widths {
        patterns = patterns.flatMap { pattern in
            let used = zip(pattern, widths).reduce(0) { $0 + $1.0 * $1.1 }
            return (0...((width - used) / w)).map { pattern + [$0] }
        }
    }
    return patterns.filter { $0.contains { $0 > 0 } }
}

private func column(_ pattern: [Int], _ j: Int) -> LinearModel.Column {
    let rows = pattern.indices.filter { pattern[$0] > 0 }
    return LinearModel.Column(
        name: "p\(j)", objective: 1, constraints: rows, coefficients: rows.map { Double(pattern[$0]) })
}

/// The demand rows and one pattern per width (as many pieces as fit).
private func master() throws -> LinearModel {
    var model = LinearModel(name: "cutting", sense: .minimize)
    for (i, d) in demands.enumerated() { model.addConstraint(name: "w\(i)", lower: d, indices: [], coefficients: []) }
    for (i, w) in widths.enumerated() {
        var pattern = [Int](repeating: 0, count: widths.count)
        pattern[i] = width / w
        try model.addColumn(column(pattern, i))
    }
    return model
}

@Test func columnGenerationReachesTheLPOverEveryColumn() throws {
    // Independent of the generation: the LP with every pattern from the start.
    var full = LinearModel(name: "cutting", sense: .minimize)
    for (i, d) in demands.enumerated() { full.addConstraint(name: "w\(i)", lower: d, indices: [], coefficients: []) }
    for (j, pattern) in allPatterns().enumerated() { try full.addColumn(column(pattern, j)) }
    let everything = try GLPKSolver.solve(full)
    #expect(abs((everything.objective ?? 0) - 452.25) < 1e-9)

    var model = try master()
    var solves = 0
    let result = try GLPKSolver.solveGeneratingColumns(&model, maximumSolves: 50) { solved in
        solves += 1
        let duals = solved.rowDuals ?? []
        // The pattern worth most at these prices; a column only if it is worth more than a roll.
        let best = allPatterns().max { a, b in
            zip(a, duals).reduce(0) { $0 + Double($1.0) * $1.1 } < zip(b, duals).reduce(0) { $0 + Double($1.0) * $1.1 }
        }!
        let worth = zip(best, duals).reduce(0) { $0 + Double($1.0) * $1.1 }
        return worth > 1 + 1e-9 ? [column(best, 100 + solves)] : []
    }
    #expect(result.termination == .optimal)
    #expect(abs((result.objective ?? 0) - 452.25) < 1e-9)
    // The model comes back with the generated columns, and the values cover them all.
    #expect(model.variables.count > widths.count)
    #expect(model.variables.count == widths.count + solves - 1)
    #expect(result.values?.count == model.variables.count)
    #expect(model.constraints.allSatisfy { $0.indices.count == $0.coefficients.count })
}

@Test func columnGenerationStopsAtItsSolveCount() throws {
    var model = try master()
    var calls = 0
    let result = try GLPKSolver.solveGeneratingColumns(&model, maximumSolves: 2) { _ in
        calls += 1
        var pattern = [Int](repeating: 0, count: widths.count)
        pattern[calls % widths.count] = 1
        pattern[(calls + 1) % widths.count] = 1
        return [column(pattern, 100 + calls)]
    }
    // Two solves: one pricing between them.
    #expect(calls == 1)
    #expect(model.variables.count == widths.count + 1)
    #expect(result.termination == .optimal)
}

@Test func anInvalidColumnThrowsAndLeavesTheModel() throws {
    var model = try master()
    let before = model
    #expect(throws: GLPKError.self) {
        try GLPKSolver.solveGeneratingColumns(&model, maximumSolves: 5) { _ in
            [LinearModel.Column(name: "bad", objective: 1, constraints: [7], coefficients: [1])]
        }
    }
    #expect(model == before)
    #expect(throws: GLPKError.self) {
        try GLPKSolver.solveGeneratingColumns(&model, maximumSolves: 5) { _ in
            [LinearModel.Column(name: "nan", objective: .nan, constraints: [0], coefficients: [1])]
        }
    }
    #expect(model == before)
    // Refused in a later round, after a valid column was added to GLPK: the model is still as it was.
    var round = 0
    #expect(throws: GLPKError.self) {
        try GLPKSolver.solveGeneratingColumns(&model, maximumSolves: 5) { _ in
            round += 1
            return round == 1
                ? [column([1, 1, 0, 0], 10)]
                : [LinearModel.Column(name: "nan", objective: 1, constraints: [0], coefficients: [.nan])]
        }
    }
    #expect(round == 2)
    #expect(model == before)
    #expect(throws: GLPKError.self) {
        try model.addColumn(
            LinearModel.Column(name: "twice", objective: 1, constraints: [0, 0], coefficients: [1, 1]))
    }
    #expect(model == before)
}

/// A master may start without columns: its first solve is the empty LP, and the columns come from
/// the pricing.
@Test func columnGenerationCanStartWithoutColumns() throws {
    var model = LinearModel(name: "empty", sense: .maximize)
    model.addConstraint(name: "one", upper: 1, indices: [], coefficients: [])
    var calls = 0
    let result = try GLPKSolver.solveGeneratingColumns(&model, maximumSolves: 5) { solved in
        calls += 1
        #expect(solved.termination == .optimal)
        return calls == 1
            ? [LinearModel.Column(name: "x", upper: nil, objective: 2, constraints: [0], coefficients: [1])] : []
    }
    #expect(result.termination == .optimal)
    #expect(result.objective == 2)
    #expect(model.variables.count == 1)
}
