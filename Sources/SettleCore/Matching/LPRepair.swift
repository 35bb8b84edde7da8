// SPDX-License-Identifier: GPL-3.0-or-later

/// LP relaxation, LP diving and a small repair MIP, certified by an LP (or Lagrangian) bound.
///
/// Persons capacities stay in the transportation LP, which the network simplex solves
/// exactly. Extra dimensions (minors, large dwellings, health places) would break that
/// structure. Their rows are handled in two ways:
/// - the integer side: diving (`LPDive`) places households with a demand first, each where the
///   LP sent most of it if the dimensions still hold it there, else at its best place that does;
///   the warm-started LP then refills persons around them;
/// - the bound: the transportation LP without dimension rows is itself a valid bound, and
///   it is usually within the tolerance because dimensions bind locally, not in total. Only
///   when it is not are the rows priced (Lagrangian relaxation, `DimensionPricing`): for
///   every μ ≥ 0, Σ μ·capacity + (dual bound of the priced LP) bounds the batch, and the
///   dive is repeated on the priced LP.
/// Why not GLPK on the whole LP with side rows: its simplex needs 25 s at 1,000 households.
enum LPRepair {
    /// Households up to which a batch left above the gap tolerance gets the whole local search
    /// (above it, only single moves and unplaced households' pairs: `polishAboveTheLimit`).
    static let localSearchLimit = 3_000

    static func solve(_ batch: MatchingBatch, options: MatchingOptions) -> MatchResult {
        let H = batch.householdCount
        let M = batch.municipalityCount
        let sizes = batch.households.map(\.size)
        let dims = batch.dimensions.filter { $0.demand.contains { $0 > 0 } }
        let K = dims.count
        // A pair the persons or a dimension cannot hold even in an empty municipality is left
        // out: that restricts the integer problem to what it could do anyway, so bounds stay valid.
        // Row by row over raw buffers: at 100k × 357 this loop is a noticeable share of a solve.
        var profit = [Double](repeating: -.infinity, count: H * M)
        profit.withUnsafeMutableBufferPointer { profit in
            batch.value.withUnsafeBufferPointer { value in
                for h in 0..<H {
                    let size = sizes[h]
                    let scale = 1 / Double(size)
                    let demanding = dims.filter { $0.demand[h] > 0 }
                    let row = h * M
                    for m in 0..<M where value[row + m] > -.infinity && batch.capacity[m] >= size {
                        if !demanding.isEmpty && demanding.contains(where: { $0.demand[h] > $0.capacity[m] }) {
                            continue
                        }
                        profit[row + m] = value[row + m] * scale
                    }
                }
            }
        }
        // Where places are short the repair MIP hit its node limit in most rounds (1–2 s each) and
        // the searches below found better placements without it: on the same 101 rounds of
        // spring-surge and decisions-below-need, skipping it took 59 s to 26 s and raised the sum
        // of objectives, with as many rounds certified.
        let placesShort = BatchScarcity.placesShort(batch)
        let lp = WarmTransportation(supply: sizes, capacity: batch.capacity, profit: profit)
        lp.solve()
        var bound = lp.dualBound()
        // The duals the knapsack bound starts from, taken before diving changes the LP.
        var duals = (price: lp.sinkPrices(), mu: [Double]())
        var first = LPDive(
            batch, dimensions: dims, lp: lp, mu: [Double](repeating: 0, count: K * M), profit: profit, bound: bound,
            options: options, repairByMIP: !placesShort)
        var attempt = first.run()
        /// The local search from `placement` (the attempt's own by default), kept if it beats it.
        func polish(_ attempt: inout LPDive.Attempt, from placement: [Int?]? = nil, pairs: LocalSearch.Pairs = .every) {
            var search = LocalSearch(batch, dimensions: dims, placement: placement ?? attempt.placement)
            search.run(passes: 20, pairs: pairs)
            let objective = search.objective
            if objective > attempt.objective {
                attempt.placement = search.placement
                attempt.objective = objective
            }
        }
        // Above the local search's limit a dive can still leave households out where they fit, or
        // in a worse municipality than one with room. On a 15,000-household batch on the real
        // municipalities with places for 0.97 × the persons, single moves took 0.02 s and the gap
        // from 0.33 % to 0.09 %, where the dimension pricing, a second dive and the knapsack bound
        // had taken 22 s for 0.013 %. Unplaced households' pairs (1.9 s there, before the values
        // were read by column) add what the synthetic batch of that kind needs; every household's
        // pairs took 15 s a pass.
        func polishAboveTheLimit(_ attempt: inout LPDive.Attempt) {
            let gap = MatchResult.gap(objective: attempt.objective, bound: bound)
            guard H > localSearchLimit && gap > options.gapTolerance else { return }
            polish(&attempt, pairs: .unplaced)
        }
        polishAboveTheLimit(&attempt)
        var steps = 0
        // How far column generation got: the note of a round left above the tolerance.
        var generation = MatchNote.aboveToleranceAfterRepair
        if K > 0 && MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance {
            let pricing = DimensionPricing.price(
                batch, dimensions: dims, profit: profit, bound: bound, gapTolerance: options.gapTolerance,
                enough: attempt.objective / (1 - options.gapTolerance))
            steps = pricing.steps
            if pricing.bound < bound { duals = (pricing.lp.sinkPrices(), pricing.mu) }
            bound = min(bound, pricing.bound)
            // Without a pricing step the priced LP is the first one: a second dive would repeat the first.
            if pricing.steps > 0 && MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance {
                var again = LPDive(
                    batch, dimensions: dims, lp: pricing.lp, mu: pricing.mu, profit: profit, bound: bound,
                    options: options, repairByMIP: !placesShort)
                var second = again.run()
                polishAboveTheLimit(&second)
                if second.objective > attempt.objective { attempt = second }
            }
        }
        if MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance && H <= localSearchLimit {
            polish(&attempt)
        }
        if MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance && H <= localSearchLimit {
            var repack = RepackSearch(batch, dimensions: dims, placement: attempt.placement)
            if repack.run(passes: 10) > 0 { polish(&attempt, from: repack.placement) }
        }
        // The dive fixes households one by one and can paint itself into a corner where a dimension
        // binds locally: three-years day 168 (55 households) ends 0.152 % below its bound, and an
        // earlier version of spring-surge day 245 (large dwellings binding) 0.82 % below HiGHS'
        // optimum. A greedy pass over every household at the first LP's prices, polished by the
        // local search, certifies both (0.037 % and 0.086 %).
        if !placesShort && MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance
            && H <= localSearchLimit
        {
            let mu = duals.mu.isEmpty ? [Double](repeating: 0, count: K * M) : duals.mu
            let reduced = ReducedValue(batch: batch, dims: dims, sizes: sizes, price: duals.price, mu: mu)
            let greedy = GreedyPass(
                batch, households: Array(0..<H), room: Room(batch, dimensions: dims), reduced: reduced)
            var fresh = [Int?](repeating: nil, count: H)
            for (h, m) in greedy.placement { fresh[h] = m }
            polish(&attempt, from: fresh)
        }
        if MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance {
            let knapsack = KnapsackBound(batch, dimensions: dims, profit: profit, mu: duals.mu)
            // Where places are ample too: on decisions-below-need day 98 (places ample, the bound
            // 0.016 % above HiGHS' optimum, the placement 0.79 % below it) the master's placement
            // and the set packing reach 880.868 against an optimum of 880.872.
            let packing = H <= SetPacking.householdLimit
            if !packing { generation = .tooLargeForColumnGeneration(householdLimit: SetPacking.householdLimit) }
            let improved = knapsack.improve(
                from: knapsack.householdPrices(sinkPrice: duals.price), target: attempt.objective,
                enough: attempt.objective / (1 - options.gapTolerance), collecting: packing)
            bound = min(bound, improved.bound)
            var sets = improved.sets
            // The knapsack bound's relaxation solved exactly, from the steps' sets and the
            // placement's own (whole and one household each); a placement from its solution when
            // that does not certify.
            if packing && MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance {
                let members = attempt.placement.householdsByMunicipality(M)
                for m in 0..<M where !members[m].isEmpty {
                    sets.insert([m] + members[m])
                    for h in members[m] { sets.insert([m, h]) }
                }
                let generated = ColumnGeneration.improve(
                    batch, dimensions: dims, profit: profit, sets: sets,
                    enough: attempt.objective / (1 - options.gapTolerance),
                    center: ColumnGeneration.Center(prices: improved.prices, mu: duals.mu, bound: improved.bound))
                bound = min(bound, generated.bound)
                sets = generated.sets
                generation =
                    generated.reachedTheRelaxation
                    ? .relaxationOptimumReached : .columnGenerationStopped(solves: ColumnGeneration.maximumSolves)
                if MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance {
                    polish(&attempt, from: generated.placement(batch, dimensions: dims))
                }
            }
            if packing && MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance,
                let packed = SetPacking.improve(
                    batch, dimensions: dims, sets: sets, prices: improved.prices,
                    placement: attempt.placement, objective: attempt.objective,
                    // A hair above the certifying value: GLPK's objective and the placement's own sum
                    // can differ in the last bits.
                    enough: bound * (1 - options.gapTolerance) + 1e-9 * abs(bound), options: options)
            {
                attempt.placement = packed.placement
                attempt.objective = packed.objective
            }
        }
        let objective = attempt.objective
        let certified = max(bound, objective)
        let gap = MatchResult.gap(objective: objective, bound: certified)
        // Certified by the bound: a repair that stopped early is still optimal within tolerance.
        var termination = MatchTermination.optimal
        var note = attempt.note
        if gap > options.gapTolerance {
            termination = attempt.limit ?? .gapAboveTolerance
            note = note ?? (attempt.limit == .nodeLimit ? .repairMIPNodeLimit : generation)
        }
        var result = MatchResult(
            placement: attempt.placement, termination: termination, method: .lpRepair, objective: objective,
            bound: certified, gap: gap, splitHouseholds: attempt.firstSplit, repairedHouseholds: attempt.repaired,
            seconds: 0, note: note)
        result.lagrangianSteps = steps
        return result
    }
}
