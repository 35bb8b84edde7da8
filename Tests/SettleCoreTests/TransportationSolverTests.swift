// SPDX-License-Identifier: GPL-3.0-or-later

import Testing

@testable import SettleCore

// MARK: - Helpers

/// SplitMix64, kept local so these tests depend on nothing else in the package.
private struct SolverTestRNG {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

private struct Shape: Sendable, CustomTestStringConvertible {
    var sources: Int
    var sinks: Int
    var seed: UInt64
    var testDescription: String { "\(sources)×\(sinks) seed \(seed)" }
}

/// Household-like instance: supply mostly 1–4, skewed capacities summing to ~1.07 × supply,
/// per-person scores 0.1…0.9 from features plus noise; optionally forbidden pairs,
/// zero-capacity sinks and negative profits.
private func randomProblem(
    _ shape: Shape, forbidden: Double = 0, zeroCapacityEvery: Int = 0, negativeShare: Double = 0
) -> TransportationProblem {
    var rng = SolverTestRNG(state: shape.seed)
    let supply = (0..<shape.sources).map { _ -> Int in
        let r = rng.unit()
        if r < 0.45 { return 1 }
        if r < 0.70 { return 2 }
        if r < 0.85 { return 3 }
        if r < 0.95 { return 4 }
        return 5 + rng.below(11)
    }
    let total = Double(supply.reduce(0, +))
    let weight = (0..<shape.sinks).map { m in (0.5 + rng.unit()) / Double(m + 1) }
    let weightSum = weight.reduce(0, +)
    var capacity = weight.map { Int((1.07 * total * $0 / weightSum).rounded()) }
    if zeroCapacityEvery > 0 {
        for m in stride(from: 0, to: shape.sinks, by: zeroCapacityEvery) { capacity[m] = 0 }
    }
    let householdFeature = (0..<shape.sources * 3).map { _ in rng.unit() * 2 - 1 }
    let sinkFeature = (0..<shape.sinks * 3).map { _ in rng.unit() * 2 - 1 }
    var profit = [Double](repeating: 0, count: shape.sources * shape.sinks)
    for h in 0..<shape.sources {
        for m in 0..<shape.sinks {
            var dot = 0.0
            for f in 0..<3 { dot += householdFeature[h * 3 + f] * sinkFeature[m * 3 + f] }
            var score = Swift.min(0.9, Swift.max(0.1, 0.5 + 0.2 * dot + 0.1 * (rng.unit() - 0.5)))
            if rng.unit() < negativeShare { score -= 1 }
            if rng.unit() < forbidden { score = -.infinity }
            profit[h * shape.sinks + m] = score
        }
    }
    return TransportationProblem(supply: supply, capacity: capacity, profit: profit)
}

private func rowSums(_ problem: TransportationProblem, _ solution: TransportationSolution) -> [Int] {
    var sums = [Int](repeating: 0, count: problem.sourceCount)
    for f in solution.flows { sums[f.source] += f.amount }
    return sums
}

private func columnSums(_ problem: TransportationProblem, _ solution: TransportationSolution) -> [Int] {
    var sums = [Int](repeating: 0, count: problem.sinkCount)
    for f in solution.flows { sums[f.sink] += f.amount }
    return sums
}

/// Full optimality certificate: primal and dual feasibility, complementary slackness,
/// and a zero duality gap, checked from the problem data alone.
private func expectCertifiedOptimal(
    _ problem: TransportationProblem, _ solution: TransportationSolution,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let sinks = problem.sinkCount
    let slack = 1e-7
    #expect(solution.isOptimal, sourceLocation: sourceLocation)
    // Primal: positive flows on allowed pairs, sorted, within supply and capacity.
    var previous: (Int, Int)? = nil
    var objective = 0.0
    for f in solution.flows {
        #expect(f.amount > 0, sourceLocation: sourceLocation)
        #expect(problem.profit(source: f.source, sink: f.sink) > -.infinity, sourceLocation: sourceLocation)
        if let previous { #expect(previous < (f.source, f.sink), sourceLocation: sourceLocation) }
        previous = (f.source, f.sink)
        objective += problem.profit(source: f.source, sink: f.sink) * Double(f.amount)
    }
    let rows = rowSums(problem, solution)
    let columns = columnSums(problem, solution)
    #expect(zip(rows, problem.supply).allSatisfy { $0 <= $1 }, sourceLocation: sourceLocation)
    #expect(zip(columns, problem.capacity).allSatisfy { $0 <= $1 }, sourceLocation: sourceLocation)
    #expect(abs(objective - solution.objective) <= 1e-9 * max(1, abs(objective)), sourceLocation: sourceLocation)
    // Dual feasibility, exact by construction.
    let u = solution.sourcePotential
    let lambda = solution.sinkPrice
    #expect(u.count == problem.sourceCount && lambda.count == sinks, sourceLocation: sourceLocation)
    #expect(u.allSatisfy { $0 >= 0 && $0.isFinite }, sourceLocation: sourceLocation)
    #expect(lambda.allSatisfy { $0 >= 0 && $0.isFinite }, sourceLocation: sourceLocation)
    var dualViolations = 0
    for h in 0..<problem.sourceCount {
        for m in 0..<sinks where u[h] + lambda[m] < problem.profit(source: h, sink: m) - 1e-9 {
            dualViolations += 1
        }
    }
    #expect(dualViolations == 0, sourceLocation: sourceLocation)
    // Complementary slackness.
    for f in solution.flows {
        let reduced = u[f.source] + lambda[f.sink] - problem.profit(source: f.source, sink: f.sink)
        #expect(abs(reduced) <= slack, sourceLocation: sourceLocation)
    }
    for h in 0..<problem.sourceCount where u[h] > slack {
        #expect(rows[h] == problem.supply[h], sourceLocation: sourceLocation)
    }
    for m in 0..<sinks where lambda[m] > slack {
        #expect(columns[m] == problem.capacity[m], sourceLocation: sourceLocation)
    }
    // Zero gap, and the stand-alone Lagrangian bound agrees.
    #expect(
        abs(solution.dualBound - solution.objective) <= 1e-7 * max(1, abs(solution.objective)),
        sourceLocation: sourceLocation)
    let lagrangian = dualBound(problem: problem, sinkPrice: lambda)
    #expect(abs(lagrangian - solution.dualBound) <= 1e-9 * max(1, abs(lagrangian)), sourceLocation: sourceLocation)
}

/// Best integral objective by enumerating every integral flow (tiny instances only).
private func bruteForceOptimum(_ problem: TransportationProblem) -> Double {
    let sinks = problem.sinkCount
    var best = 0.0
    var remaining = problem.capacity
    func assign(source h: Int, sink m: Int, left: Int, value: Double) {
        if h == problem.sourceCount {
            best = max(best, value)
            return
        }
        if m == sinks {
            assign(source: h + 1, sink: 0, left: h + 1 < problem.sourceCount ? problem.supply[h + 1] : 0, value: value)
            return
        }
        let p = problem.profit(source: h, sink: m)
        let most = p == -.infinity ? 0 : min(left, remaining[m])
        for amount in 0...most {
            remaining[m] -= amount
            assign(source: h, sink: m + 1, left: left - amount, value: value + (amount > 0 ? p * Double(amount) : 0))
            remaining[m] += amount
        }
    }
    assign(source: 0, sink: 0, left: problem.supply.first ?? 0, value: 0)
    return best
}

// MARK: - Hand instances

@Test func tinyAssignmentPicksTheBetterPairing() {
    // 3 + 1 beats 1 + 2.
    let problem = TransportationProblem(supply: [1, 1], capacity: [1, 1], profit: [3, 1, 2, 1])
    let solution = TransportationSolver.solve(problem)
    #expect(
        solution.flows == [.init(source: 0, sink: 0, amount: 1), .init(source: 1, sink: 1, amount: 1)])
    #expect(solution.objective == 4)
    #expect(abs(solution.dualBound - 4) < 1e-12)
    expectCertifiedOptimal(problem, solution)
}

@Test func householdSplitsBetweenTwoSinks() {
    // Household 0 (3 persons) fills sink 0 (2 places) and shares sink 1 with household 1.
    let problem = TransportationProblem(supply: [3, 1], capacity: [2, 2], profit: [5, 4, 1, 3])
    let solution = TransportationSolver.solve(problem)
    #expect(
        solution.flows == [
            .init(source: 0, sink: 0, amount: 2), .init(source: 0, sink: 1, amount: 1),
            .init(source: 1, sink: 1, amount: 1),
        ])
    #expect(solution.objective == 17)
    expectCertifiedOptimal(problem, solution)
}

@Test func scarceCapacityPricesTheMarginalHousehold() {
    // 3 places for 4 persons: household 1 (profit 2) gets both, household 0 one of two.
    // The marginal household sets the price: λ = 1, u = (0, 1), bound 3·1 + 2·1 = 5.
    let problem = TransportationProblem(supply: [2, 2], capacity: [3], profit: [1, 2])
    let solution = TransportationSolver.solve(problem)
    #expect(solution.flows == [.init(source: 0, sink: 0, amount: 1), .init(source: 1, sink: 0, amount: 2)])
    #expect(solution.objective == 5)
    #expect(abs(solution.sinkPrice[0] - 1) < 1e-12)
    #expect(abs(solution.sourcePotential[0]) < 1e-12)
    #expect(abs(solution.sourcePotential[1] - 1) < 1e-12)
    #expect(abs(solution.dualBound - 5) < 1e-12)
    expectCertifiedOptimal(problem, solution)
}

@Test func lagrangianBoundFormula() {
    let problem = TransportationProblem(supply: [2, 3], capacity: [4, 1], profit: [0.5, 0.9, 0.2, -.infinity])
    // λ = (0.1, 0.3): 4·0.1 + 1·0.3 + 2·max(0.4, 0.6) + 3·max(0.1) = 0.7 + 1.2 + 0.3.
    #expect(abs(dualBound(problem: problem, sinkPrice: [0.1, 0.3]) - 2.2) < 1e-12)
    // Negative prices count as 0, so the bound stays valid: 2·0.9 + 3·0.2.
    #expect(abs(dualBound(problem: problem, sinkPrice: [-1, 0]) - 2.4) < 1e-12)
}

@Test func emptyProblems() {
    let noSinks = TransportationSolver.solve(TransportationProblem(supply: [2, 1], capacity: [], profit: []))
    #expect(noSinks.flows.isEmpty && noSinks.objective == 0 && noSinks.sourcePotential == [0, 0])
    let noSources = TransportationSolver.solve(TransportationProblem(supply: [], capacity: [5], profit: []))
    #expect(noSources.flows.isEmpty && noSources.sinkPrice == [0] && noSources.dualBound == 0)
}

@Test func validationRejectsMalformedProblems() {
    #expect(throws: TransportationProblemError.profitCountMismatch(expected: 2, actual: 3)) {
        try TransportationProblem.validated(supply: [1], capacity: [1, 1], profit: [1, 2, 3])
    }
    #expect(throws: TransportationProblemError.negativeSupply(source: 1)) {
        try TransportationProblem.validated(supply: [1, -1], capacity: [1], profit: [1, 1])
    }
    #expect(throws: TransportationProblemError.negativeCapacity(sink: 0)) {
        try TransportationProblem.validated(supply: [1], capacity: [-2], profit: [1])
    }
    #expect(throws: TransportationProblemError.invalidProfit(source: 1, sink: 0)) {
        try TransportationProblem.validated(supply: [1, 1], capacity: [1, 1], profit: [1, 1, .nan, 1])
    }
    #expect(throws: TransportationProblemError.invalidProfit(source: 0, sink: 1)) {
        try TransportationProblem.validated(supply: [1], capacity: [1, 1], profit: [1, .infinity])
    }
    var resized = TransportationProblem(supply: [1], capacity: [1], profit: [1])
    resized.supply.append(2)
    #expect(throws: TransportationProblemError.countMismatch) { try resized.validate() }
    let fine = try? TransportationProblem.validated(supply: [1], capacity: [1, 0], profit: [0.3, -.infinity])
    #expect(fine != nil)
}

// MARK: - Random instances

@Test(arguments: [
    Shape(sources: 50, sinks: 7, seed: 1), Shape(sources: 50, sinks: 7, seed: 2),
    Shape(sources: 50, sinks: 7, seed: 3), Shape(sources: 300, sinks: 20, seed: 4),
    Shape(sources: 300, sinks: 20, seed: 5), Shape(sources: 2000, sinks: 357, seed: 6),
])
private func optimalityCertificateOnRandomInstances(_ shape: Shape) {
    let problem = randomProblem(shape)
    let solution = TransportationSolver.solve(problem)
    expectCertifiedOptimal(problem, solution)
    #expect(solution.objective > 0)
    #expect(solution.pivots > 0)
}

@Test(arguments: [Shape(sources: 300, sinks: 20, seed: 7), Shape(sources: 400, sinks: 40, seed: 8)])
private func certificateWithForbiddenPairsZeroCapacitiesAndNegativeProfits(_ shape: Shape) {
    let problem = randomProblem(shape, forbidden: 0.3, zeroCapacityEvery: 4, negativeShare: 0.2)
    let solution = TransportationSolver.solve(problem)
    expectCertifiedOptimal(problem, solution)
    for f in solution.flows {
        #expect(problem.profit(source: f.source, sink: f.sink) > 0)
        #expect(problem.capacity[f.sink] > 0)
    }
}

/// Pricing on two threads must change nothing: the same pivots, flows and prices as on one,
/// also with forbidden pairs and zero capacities, and on problems that end in few rows per pass.
@Test(arguments: [
    Shape(sources: 3000, sinks: 357, seed: 11), Shape(sources: 1200, sinks: 40, seed: 12),
    Shape(sources: 5, sinks: 3, seed: 13),
])
private func pairedScanGivesTheSameSolutionAsOneThread(_ shape: Shape) {
    let problem = randomProblem(shape, forbidden: 0.1, zeroCapacityEvery: 9)
    // 700 rows per pass cuts the serial (4,096) and paired (2 × 512) blocks at different rows.
    for passRows in [TransportationNetwork.passRows, 700, 1] {
        let serial = TransportationSolver.solve(problem, pairedScanFrom: .max, passRows: passRows)
        let paired = TransportationSolver.solve(problem, pairedScanFrom: 0, passRows: passRows)
        #expect(serial.pivots > 0)
        #expect(paired.pivots == serial.pivots, "passRows \(passRows)")
        let identical = paired == serial  // flows, prices and bound; a Bool keeps a failure short
        #expect(identical, "passRows \(passRows)")
        expectCertifiedOptimal(problem, paired)
    }
}

@Test func agreesWithBruteForceOnTinyInstances() {
    var rng = SolverTestRNG(state: 42)
    for _ in 0..<40 {
        let sources = 4
        let sinks = 3
        let supply = (0..<sources).map { _ in rng.below(3) }
        let capacity = (0..<sinks).map { _ in rng.below(4) }
        let profit = (0..<sources * sinks).map { _ -> Double in
            let r = rng.unit()
            if r < 0.15 { return -.infinity }
            if r < 0.25 { return -rng.unit() }
            return (rng.unit() * 8).rounded() / 8  // ties on purpose: degenerate pivots
        }
        let problem = TransportationProblem(supply: supply, capacity: capacity, profit: profit)
        let solution = TransportationSolver.solve(problem)
        #expect(abs(solution.objective - bruteForceOptimum(problem)) < 1e-9)
        expectCertifiedOptimal(problem, solution)
    }
}

// MARK: - Special pairs and sinks

@Test func disallowedPairsNeverCarryFlow() {
    // Household 0 would love sink 0 but may not go there.
    let problem = TransportationProblem(
        supply: [2, 1], capacity: [3, 3], profit: [-.infinity, 0.2, 0.5, 0.4])
    let solution = TransportationSolver.solve(problem)
    #expect(solution.flows == [.init(source: 0, sink: 1, amount: 2), .init(source: 1, sink: 0, amount: 1)])
    #expect(abs(solution.objective - 0.9) < 1e-12)
    expectCertifiedOptimal(problem, solution)
}

@Test func householdWithNoAllowedPairStaysUnassigned() {
    let problem = TransportationProblem(
        supply: [3, 2], capacity: [10, 10], profit: [-.infinity, -.infinity, 0.7, 0.1])
    let solution = TransportationSolver.solve(problem)
    #expect(solution.flows == [.init(source: 1, sink: 0, amount: 2)])
    #expect(solution.sourcePotential[0] == 0)
    expectCertifiedOptimal(problem, solution)
}

@Test func zeroCapacitySinksGetNothingButAFeasiblePrice() {
    // Sink 1 would be everyone's favourite but has no places.
    let problem = TransportationProblem(
        supply: [1, 2, 1], capacity: [2, 0, 5], profit: [0.6, 0.9, 0.1, 0.5, 0.95, 0.3, 0.2, 0.8, 0.4])
    let solution = TransportationSolver.solve(problem)
    #expect(!solution.flows.contains { $0.sink == 1 })
    // Sink 0's two places go to household 0 and half of household 1 (its other person
    // goes to sink 2): 0.6 + 0.5 + 0.3 + 0.4.
    #expect(abs(solution.objective - 1.8) < 1e-12)
    #expect(solution.flows.filter { $0.source == 1 }.count == 2)
    #expect(abs(solution.objective - bruteForceOptimum(problem)) < 1e-12)
    expectCertifiedOptimal(problem, solution)
}

@Test func negativeProfitsAreNeverUsed() {
    let problem = TransportationProblem(
        supply: [2, 2], capacity: [4, 4], profit: [-0.3, -0.1, 0.4, -0.2])
    let solution = TransportationSolver.solve(problem)
    #expect(solution.flows == [.init(source: 1, sink: 0, amount: 2)])
    #expect(abs(solution.objective - 0.8) < 1e-12)
    #expect(solution.sourcePotential[0] == 0)
    expectCertifiedOptimal(problem, solution)
}

// MARK: - Structure

@Test func solvingTwiceGivesIdenticalResults() {
    let problem = randomProblem(Shape(sources: 500, sinks: 30, seed: 9), forbidden: 0.1)
    let first = TransportationSolver.solve(problem)
    let second = TransportationSolver.solve(problem)
    #expect(first == second)
    #expect(first.flows == second.flows)
}

@Test func basicSolutionSplitsFewHouseholds() {
    let problem = randomProblem(Shape(sources: 1500, sinks: 25, seed: 10))
    let solution = TransportationSolver.solve(problem)
    var sinksPerSource = [Int](repeating: 0, count: problem.sourceCount)
    for f in solution.flows { sinksPerSource[f.source] += 1 }
    let split = sinksPerSource.filter { $0 > 1 }.count
    #expect(split <= problem.sinkCount)
    // Capacity (1.07 × supply) leaves room: almost everyone is placed whole.
    #expect(solution.flows.count <= problem.sourceCount + problem.sinkCount)
    expectCertifiedOptimal(problem, solution)
}
