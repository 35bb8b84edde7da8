// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// The knapsack bound's relaxation solved as a linear program (Dantzig–Wolfe): a master LP over
/// sets of households that one municipality takes, with one row per household (at most one set
/// holds it), per municipality (at most one set) and per dimension and municipality (its
/// capacity), priced by the knapsacks of `KnapsackBound` at the master's duals. Each pricing is a
/// valid bound, L(u, μ) at the duals u of the household rows and μ of the dimension rows, and the
/// master's optimum is what the relaxation can give.
///
/// Why: where places are short the subgradient steps of `KnapsackBound.improve` stalled well above
/// that optimum. On spring-surge day 238 they ended at 1083.78, where this relaxation is 1079.605
/// (column generation with HiGHS as master and exact pricing) and HiGHS' MIP optimum 1079.594; on
/// decisions-below-need day 301 they ended 0.77 % above the optimum 959.886, which the master
/// reaches. The dimension rows are in the master, so their prices move with the household prices.
/// The steps still run first: their sets start the master near its optimum, and their best prices
/// are where its pricing starts (`smoothing`).
enum ColumnGeneration {
    /// LP solves at most: a count, so every machine stops at the same bound.
    static let maximumSolves = 60
    /// The weight of the best prices so far in the prices each pricing uses (Wentges' smoothing):
    /// α · best + (1 − α) · the master's duals. The master's duals jump from solve to solve, and the
    /// knapsacks priced at them made sets the master soon dropped. On decisions-below-need day 98
    /// (306 households, places ample) the master stayed at its first value for 8 solves and was
    /// within 0.01 % of its optimum after 31; smoothed from the knapsack steps' prices, within 0.01 %
    /// after 20, and the round took 0.57 s against 1.06 s. Over thirty years (spring-surge and
    /// decisions-below-need, seeds 2022, 2023, 1–3 and 11–20) 0.8 took 9 % less time and left about
    /// as many rounds above the tolerance (30 and 37 in two builds, against 32); 0.5 left 40, 0.9
    /// was no faster, and smoothing from the first priced point instead of the steps' was slower
    /// than none.
    static let smoothing = 0.8

    /// Household and dimension prices with the bound they priced: where the smoothing starts.
    struct Center {
        var prices: [Double]
        /// Per dimension and municipality (k · M + m); empty for none.
        var mu: [Double]
        var bound: Double
    }

    struct Result {
        /// The best bound priced, `.infinity` if none was.
        var bound: Double
        /// Every column of the master, as `[m] + households` (sorted).
        var sets: Set<[Int]>
        /// The master's last solution: its columns in use and how much of each.
        var solution: [(set: [Int], value: Double)]
        /// Whether the generation ended with the master's optimum priced: the bound is then the
        /// relaxation's own optimum, and no more solves could lower it.
        var reachedTheRelaxation = false

        /// A placement from the master's solution: its sets, most used first, each taken where its
        /// municipality and households are still free, the households the dimensions still hold.
        func placement(_ batch: MatchingBatch, dimensions dims: [CapacityDimension]) -> [Int?] {
            let order = solution.indices.sorted {
                solution[$0].value > solution[$1].value || (solution[$0].value == solution[$1].value && $0 < $1)
            }
            var placement = [Int?](repeating: nil, count: batch.householdCount)
            var taken = [Bool](repeating: false, count: batch.municipalityCount)
            var room = Room(batch, dimensions: dims)
            for j in order {
                let m = solution[j].set[0]
                let households = solution[j].set.dropFirst()
                guard !taken[m], households.allSatisfy({ placement[$0] == nil }) else { continue }
                taken[m] = true
                for h in households where room.fits(h, m) {
                    room.use(h, m)
                    placement[h] = m
                }
            }
            return placement
        }
    }

    /// Starts from the columns `sets` (each `[m] + households`) and stops once a bound reaches
    /// `enough`, the master's optimum is priced (no set is worth more than the master pays), or
    /// after `maximumSolves` solves. With a `center` (a bound and its prices, such as the knapsack
    /// steps' best), pricing leans towards the best prices so far (`smoothing`); where that prices
    /// no column the master would take, the master's own duals are priced too, so the generation
    /// still ends at the master's optimum.
    static func improve(
        _ batch: MatchingBatch, dimensions dims: [CapacityDimension], profit: [Double], sets: Set<[Int]>,
        enough: Double, center: Center? = nil
    ) -> Result {
        let H = batch.householdCount
        let M = batch.municipalityCount
        let K = dims.count
        var model = LinearModel(name: "settle_columns", sense: .maximize)
        for h in 0..<H { model.addConstraint(name: "h\(h)", upper: 1, indices: [], coefficients: []) }
        for m in 0..<M { model.addConstraint(name: "m\(m)", upper: 1, indices: [], coefficients: []) }
        for k in 0..<K {
            for m in 0..<M {
                model.addConstraint(
                    name: "d\(k)_\(m)", upper: Double(dims[k].capacity[m]), indices: [], coefficients: [])
            }
        }
        var columns = Set<[Int]>()
        var ordered: [[Int]] = []
        func column(_ unsorted: [Int]) -> LinearModel.Column? {
            let m = unsorted[0]
            let households = unsorted.dropFirst().sorted()
            let set = [m] + households
            guard !households.isEmpty, households.allSatisfy({ profit[$0 * M + m] > -.infinity }),
                columns.insert(set).inserted
            else { return nil }
            ordered.append(set)
            var rows = households
            var coefficients = [Double](repeating: 1, count: rows.count)
            rows.append(H + m)
            coefficients.append(1)
            for k in 0..<K {
                let demand = households.reduce(0) { $0 + dims[k].demand[$1] }
                if demand > 0 {
                    rows.append(H + M + k * M + m)
                    coefficients.append(Double(demand))
                }
            }
            return LinearModel.Column(
                name: "s\(ordered.count - 1)", upper: nil,
                objective: households.reduce(0.0) { $0 + batch.value($1, m) }, constraints: rows,
                coefficients: coefficients)
        }
        // Sorted: a Set's order changes from run to run, and the model must not.
        let normalised = sets.map { [$0[0]] + $0.dropFirst().sorted() }
        for set in normalised.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            // Rows are in range by construction; were a column refused all the same, `ordered` must
            // still follow the model's columns.
            if let new = column(set), (try? model.addColumn(new)) == nil { ordered.removeLast() }
        }
        var best = center?.bound ?? .infinity
        var reached = false
        // The prices of the best bound so far: what the smoothing leans towards.
        var stable = center.map { (u: $0.prices, mu: $0.mu.isEmpty ? [Double](repeating: 0, count: K * M) : $0.mu) }
        // Priced again at each solve's μ: only the households with a demand change.
        let unpriced = KnapsackBound(batch, dimensions: dims, profit: profit, mu: [])
        let solved = try? GLPKSolver.solveGeneratingColumns(&model, maximumSolves: maximumSolves) { solved in
            guard let duals = solved.rowDuals, let master = solved.objective else { return [] }
            let u = (0..<H).map { max(0, duals[$0]) }
            let mu = (0..<(K * M)).map { max(0, duals[H + M + $0]) }
            /// The knapsacks' sets at prices `u`, `mu`; nil once the bound is enough or the master's
            /// optimum is priced.
            func price(_ u: [Double], _ mu: [Double]) -> [[Int]]? {
                let knapsacks = unpriced.repriced(mu: mu)
                // A helper for this pricing only: between pricings GLPK has the time.
                let paired = knapsacks.wantsHelper ? PairedWork() : nil
                defer { paired?.stop() }
                let pricing = knapsacks.evaluate(u, collecting: true, paired: paired)
                if pricing.bound < best {
                    best = pricing.bound
                    stable = (u, mu)
                }
                reached = best - master <= 1e-9 * abs(best)
                return best <= enough || reached ? nil : pricing.sets
            }
            var columns: [LinearModel.Column] = []
            if let stable {
                let a = smoothing
                guard
                    let smoothed = price(
                        (0..<H).map { a * stable.u[$0] + (1 - a) * u[$0] },
                        (0..<(K * M)).map { a * stable.mu[$0] + (1 - a) * mu[$0] })
                else { return [] }
                columns = smoothed.compactMap(column)
                // Unless a new column is worth more than the master pays for its rows, the smoothed
                // prices mispriced, and the master's own are priced as well.
                let improving = columns.contains { column in
                    var reduced = column.objective
                    for (row, coefficient) in zip(column.constraints, column.coefficients) {
                        reduced -= max(0, duals[row]) * coefficient
                    }
                    return reduced > 1e-9 * max(1, abs(master))
                }
                if improving { return columns }
            }
            // Columns already made are handed over even when the generation ends here: the model
            // must hold every column `ordered` lists.
            guard let plain = price(u, mu) else { return columns }
            return columns + plain.compactMap(column)
        }
        var solution: [(set: [Int], value: Double)] = []
        for (j, value) in (solved?.values ?? []).enumerated() where value > 1e-9 {
            solution.append((ordered[j], value))
        }
        return Result(bound: best, sets: columns, solution: solution, reachedTheRelaxation: reached)
    }
}
