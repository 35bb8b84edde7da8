// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// A better placement for a round still above the tolerance, from sets of households that one
/// municipality can take whole: GLPK's branch and cut chooses at most one set per municipality and
/// at most one municipality per household, over the incumbent's own sets, their neighbours (one
/// household fewer, more or swapped), those the knapsack bound's subgradient steps chose near
/// its best prices (`KnapsackBound.improve(collecting:)`) and the master's of `ColumnGeneration`.
/// It was written for rounds where places are short; since column generation, rounds with places
/// ample get it too.
///
/// Why: where places are short the optimum is mostly a packing of whole households into a few places per
/// municipality, and the placement, not the bound, is what stays off. When this step was added,
/// spring-surge day 133 (1,133 households) had its placement at 1350.04 against a bound of
/// 1351.87, and column generation showed the bound at what this relaxation can give (its master
/// reached 1351.78); packing these sets gave 1350.84 (0.077 %) in about 1 s. With every set, the set model's LP
/// is as tight as the knapsack bound, which is why branch and cut gets somewhere on it; on the pair
/// model (knapsack rows per municipality) it made no progress within a minute. The neighbours
/// came later (2026-11-29): what the worst rounds still lacked were chains of moves through many
/// municipalities, which HiGHS' optima showed, and a set packing over neighbours holds them.
enum SetPacking {
    /// Households up to which a round gets this step.
    static let householdLimit = 2_000
    /// Branch-and-cut nodes: a count, so every machine reaches the same placement. Branching on
    /// the most fractional set made nodes cheap enough for 400 (was 150), which leaves fewer rounds
    /// above the tolerance (Benchmarks/README, "Four hundred nodes, thirty steps").
    static let nodeLimit = 400
    /// Households per municipality that may join or replace one of its incumbent's households: 20
    /// left 64 rounds above the tolerance over those ten years, 8 left 77 (107 without neighbours).
    static let candidates = 20
    /// GLPK's default, Driebeck and Tomlin's, evaluates a row of the simplex table for every
    /// fractional column at every node, and a set packing's LP leaves thousands fractional: in
    /// spring-surge's year those rows were about a tenth of all the time. Branching on the most
    /// fractional column instead, over thirty years (spring-surge and decisions-below-need, seeds
    /// 2022, 2023, 1–3 and 11–20), took 163 s against 190 s and left 28 rounds above the
    /// tolerance against 37 (sum of the year gaps 1.72 % against 1.64 %); the first fractional
    /// took 171 s and left 68.
    static let branching = Branching.mostFractional

    private struct Column {
        let m: Int
        let households: [Int]
        let value: Double
    }

    /// The placement GLPK makes of `sets` (each `[m] + households`), the incumbent's sets and, with
    /// household `prices`, the incumbent's neighbours; nil when it is no better than `objective`.
    /// A set that breaks a dimension is left out. GLPK starts from the incumbent and stops once a
    /// placement reaches `enough`.
    static func improve(
        _ batch: MatchingBatch, dimensions dims: [CapacityDimension], sets: Set<[Int]>, prices: [Double]? = nil,
        placement: [Int?], objective: Double, enough: Double = .infinity, options: MatchingOptions
    ) -> (placement: [Int?], objective: Double)? {
        let H = batch.householdCount
        let M = batch.municipalityCount
        var columns: [Column] = []
        var seen = Set<[Int]>()
        // An empty municipality's room: each set is tried in it and released again.
        var room = Room(batch, dimensions: dims)
        // Sorted, so a set the knapsack listed in another order is not a second column.
        func add(_ m: Int, _ unsorted: [Int]) {
            let households = unsorted.sorted()
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
        let members = placement.householdsByMunicipality(M)
        for m in 0..<M { add(m, members[m]) }
        let incumbent = columns.count
        // The incumbent's neighbours: each municipality's set without one of its households, and
        // with one more, or one other, of the households worth most there at the knapsack bound's
        // prices. Together they hold the chains of moves through many municipalities that the
        // worst rounds lacked (which municipality hosts which household sizes).
        if let prices {
            for m in 0..<M {
                var ranked: [(worth: Double, h: Int)] = []
                for h in 0..<H
                where placement[h] != m && batch.value(h, m) > -.infinity
                    && batch.households[h].size <= batch.capacity[m]
                {
                    ranked.append((batch.value(h, m) - prices[h], h))
                }
                ranked.sort { $0.worth > $1.worth || ($0.worth == $1.worth && $0.h < $1.h) }
                let joining = ranked.prefix(candidates).map(\.h)
                var bases = [members[m]]
                for i in members[m].indices {
                    var base = members[m]
                    base.remove(at: i)
                    bases.append(base)
                }
                for base in bases {
                    add(m, base)
                    for h in joining { add(m, base + [h]) }
                }
            }
        }
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
        // Started from the incumbent, GLPK prunes from its root on; a small relative gap, since
        // the target, not the gap, is what should stop it.
        var start = [Double](repeating: 0, count: columns.count)
        for j in 0..<incumbent { start[j] = 1 }
        let solveOptions = SolveOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.gapTolerance / 100, nodeLimit: nodeLimit,
            branching: branching, start: start, objectiveTarget: enough.isFinite ? enough : nil)
        // The start is the incumbent's own sets, which fit; if GLPK fails all the same, the
        // incumbent stays.
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
