// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// A better placement for a round where places are short, from sets of households that one
/// municipality can take whole: GLPK's branch and cut chooses at most one set per municipality and
/// at most one municipality per household, over the incumbent's own sets and those the knapsack
/// bound's subgradient steps chose near its best prices (`KnapsackBound.improve(collecting:)`).
///
/// Why: there the optimum is mostly a packing of whole households into a few places per
/// municipality, and the placement, not the bound, is what stays off. When this step was added,
/// spring-surge day 133 (1,133 households) had its placement at 1350.04 against a bound of
/// 1351.87, and column generation showed the bound at what this relaxation can give (its master
/// reached 1351.78); packing these sets gave 1350.84 (0.077 %) in about 1 s. With every set, the set model's LP
/// is as tight as the knapsack bound, which is why branch and cut gets somewhere on it; on the pair
/// model (knapsack rows per municipality) it made no progress within a minute.
enum SetPacking {
    /// Households up to which a round gets this step.
    static let householdLimit = 2_000
    /// Branch-and-cut nodes: a count, so every machine reaches the same placement.
    static let nodeLimit = 2_000

    private struct Column {
        let m: Int
        let households: [Int]
        let value: Double
    }

    /// The placement GLPK makes of `sets` (each `[m] + households`) and the incumbent's sets, or nil
    /// when it is no better than `objective`. A set that breaks a dimension is left out.
    static func improve(
        _ batch: MatchingBatch, dimensions dims: [CapacityDimension], sets: Set<[Int]>, placement: [Int?],
        objective: Double, options: MatchingOptions
    ) -> (placement: [Int?], objective: Double)? {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var columns: [Column] = []
        var seen = Set<[Int]>()
        // An empty municipality's room: each set is tried in it and released again.
        var room = Room(batch, dimensions: dims)
        func add(_ m: Int, _ households: [Int]) {
            guard !households.isEmpty, seen.insert([m] + households).inserted else { return }
            var used = 0
            for h in households {
                guard room.fits(h, m) else { break }
                room.use(h, m)
                used += 1
            }
            for h in households.prefix(used) { room.release(h, m) }
            guard used == households.count else { return }
            columns.append(
                Column(m: m, households: households, value: households.reduce(0.0) { $0 + batch.value($1, m) }))
        }
        // The incumbent's sets first, so GLPK's optimum over the columns is never below it.
        var members = [[Int]](repeating: [], count: M)
        for (h, m) in placement.enumerated() { if let m { members[m].append(h) } }
        for m in 0..<M { add(m, members[m]) }
        // Sorted: a Set's order changes from run to run, and the model must not.
        for set in sets.sorted(by: { $0.lexicographicallyPrecedes($1) }) { add(set[0], Array(set.dropFirst())) }

        var model = LinearModel(name: "settle_sets", sense: .maximize)
        var byHousehold = [[Int]](repeating: [], count: H)
        var byMunicipality = [[Int]](repeating: [], count: M)
        for (j, column) in columns.enumerated() {
            model.addVariable(name: "s\(j)", kind: .binary, objective: column.value)
            byMunicipality[column.m].append(j)
            for h in column.households { byHousehold[h].append(j) }
        }
        for (h, row) in byHousehold.enumerated() where row.count > 1 {
            model.addConstraint(
                name: "h\(h)", upper: 1, indices: row, coefficients: Array(repeating: 1, count: row.count))
        }
        for (m, row) in byMunicipality.enumerated() where row.count > 1 {
            model.addConstraint(
                name: "m\(m)", upper: 1, indices: row, coefficients: Array(repeating: 1, count: row.count))
        }
        let solveOptions = SolveOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.gapTolerance / 2, nodeLimit: nodeLimit)
        guard let solved = try? GLPKSolver.solve(model, options: solveOptions), let values = solved.values else {
            return nil
        }
        var improved = [Int?](repeating: nil, count: H)
        var value = 0.0
        for (j, column) in columns.enumerated() where values[j] > 0.5 {
            for h in column.households { improved[h] = column.m }
            value += column.value
        }
        return value > objective ? (improved, value) : nil
    }
}
