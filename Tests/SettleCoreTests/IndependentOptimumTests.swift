// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK
import Testing

@testable import SettleCore

/// The matcher's figures against an independent optimum: GLPK's branch and cut run to gap 0 on the
/// same model, outside the matcher. On every instance, bound ≥ optimum ≥ objective, and the objective
/// is the value of the placement returned. One case at a time: GLPK's gap-0 solves are heavy, and
/// other suites' GLPK solves have a wall-clock safety limit.
@Suite(.serialized) struct IndependentOptimumTests {
    enum Shape: CustomStringConvertible {
        /// Capacity 10 % above the persons: most households fit their best place.
        case random(seed: UInt64)
        /// Capacity for 60 % of the persons: households compete for places.
        case scarce(seed: UInt64)
        /// Scarce large dwellings and health places as extra dimensions.
        case dimensions(seed: UInt64)

        var description: String {
            switch self {
            case .random(let seed): "random, seed \(seed)"
            case .scarce(let seed): "scarce, seed \(seed)"
            case .dimensions(let seed): "scarce dimensions, seed \(seed)"
            }
        }
    }

    static let shapes: [Shape] =
        (1...4).map { .random(seed: $0) } + (1...4).map { .scarce(seed: $0) } + (4...6).map { .dimensions(seed: $0) }

    func batch(_ shape: Shape) -> MatchingBatch {
        let (households, municipalities, seed, factor): (Int, Int, UInt64, Double)
        switch shape {
        case .random(let s): (households, municipalities, seed, factor) = (60, 8, s, 1.1)
        case .scarce(let s): (households, municipalities, seed, factor) = (60, 8, s, 0.6)
        case .dimensions(let s): (households, municipalities, seed, factor) = (50, 6, s, 1.1)
        }
        var spec = Fixtures.spec(households: households, municipalities: municipalities, counties: 3, seed: seed)
        spec.capacity.nationalTotal = Int(Double(Fixtures.scenario(spec).persons) * factor)
        let scenario = Fixtures.scenario(spec)
        var dimensions: [CapacityDimension] = []
        if case .dimensions = shape {
            dimensions = [
                CapacityDimension(
                    name: "large", demand: scenario.households.map { $0.size >= 4 ? 1 : 0 },
                    capacity: scenario.capacity.map { max(1, $0 / 25) }),
                CapacityDimension(
                    name: "health", demand: scenario.households.indices.map { $0 % 10 == 0 ? 1 : 0 },
                    capacity: scenario.capacity.indices.map { $0 % 2 == 0 ? max(1, scenario.capacity[$0] / 10) : 0 }),
            ]
        }
        return MatchingBatch(
            households: scenario.households, municipalities: scenario.municipalities, capacity: scenario.capacity,
            model: IntegrationModel(), dimensions: dimensions)
    }

    /// GLPK's proven optimum of the batch's model (gap 0, no node limit).
    func optimum(_ batch: MatchingBatch) throws -> Double {
        let solved = try GLPKSolver.solve(MatchingModel.build(batch), options: SolveOptions(relativeGap: 0))
        #expect(solved.termination == .optimal)
        return try #require(solved.objective)
    }

    /// The value of a placement, recomputed, and whether it respects every capacity.
    func value(_ placement: [Int?], _ batch: MatchingBatch) -> (value: Double, feasible: Bool) {
        var used = [Int](repeating: 0, count: batch.municipalityCount)
        var load = batch.dimensions.map { _ in [Int](repeating: 0, count: batch.municipalityCount) }
        var total = 0.0
        var feasible = placement.count == batch.householdCount
        for (h, m) in placement.enumerated() {
            guard let m else { continue }
            feasible = feasible && batch.isAllowed(h, m)
            used[m] += batch.households[h].size
            for (k, d) in batch.dimensions.enumerated() { load[k][m] += d.demand[h] }
            total += batch.value(h, m)
        }
        for m in 0..<batch.municipalityCount {
            feasible = feasible && used[m] <= batch.capacity[m]
            for (k, d) in batch.dimensions.enumerated() { feasible = feasible && load[k][m] <= d.capacity[m] }
        }
        return (total, feasible)
    }

    /// lp-repair, whose bound comes from its own LP and Lagrangian prices (auto picks it for large batches).
    @Test(arguments: shapes)
    func boundAboveTheOptimumAboveTheObjective(_ shape: Shape) throws {
        let b = batch(shape)
        var options = MatchingOptions()
        options.method = .lpRepair
        let result = BatchMatcher.match(b, options: options)
        let prepared = BatchMatcher.prepare(b, options: options)
        let optimum = try optimum(prepared)
        let placed = value(result.placement, prepared)
        #expect(placed.feasible)
        #expect(abs(placed.value - result.objective) < 1e-6)
        #expect(result.bound >= optimum - 1e-6, "bound \(result.bound) below the optimum \(optimum)")
        #expect(optimum >= result.objective - 1e-6, "objective \(result.objective) above the optimum \(optimum)")
        // "optimal" is a claim about the true gap, which the optimum measures.
        if result.termination == .optimal {
            #expect((optimum - result.objective) / optimum <= options.gapTolerance + 1e-9)
        }
    }
}
