// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// Matches one batch of waiting households to municipalities.
///
/// Small batches go to GLPK's branch and cut whole. Large ones use structure:
/// with capacities in persons, the LP relaxation is a transportation problem in
/// person-flows, solved exactly by a network simplex; its basic solution splits
/// at most one household per municipality, and a small GLPK MIP over the split
/// households (on the capacity they left) repairs those. The LP duals give a
/// bound that certifies the gap of the final placement.
public enum BatchMatcher {
    /// Candidate municipalities per split household in the repair MIP, by reduced value.
    static let repairCandidates = 25

    public static func match(_ batch: MatchingBatch, options: MatchingOptions) -> MatchResult {
        let clock = ContinuousClock()
        let start = clock.now
        let batch = prepare(batch, options: options)
        var result: MatchResult
        if batch.householdCount == 0 || batch.municipalityCount == 0 {
            result = MatchResult(
                placement: Array(repeating: nil, count: batch.householdCount), termination: .optimal,
                method: options.method == .auto ? .exact : options.method, objective: 0, bound: 0, gap: 0,
                splitHouseholds: 0, repairedHouseholds: 0, seconds: 0, note: nil)
        } else {
            let method: MatchingMethod
            switch options.method {
            case .auto: method = batch.allowedPairs <= options.exactPairLimit ? .exact : .lpRepair
            case .exact, .lpRepair: method = options.method
            }
            result = method == .exact ? exact(batch, options: options) : lpRepair(batch, options: options)
        }
        let elapsed = clock.now - start
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return result
    }

    /// The batch as every method sees it: values and allowed pairs with the objective's terms.
    public static func prepare(_ batch: MatchingBatch, options: MatchingOptions) -> MatchingBatch {
        options.objective.apply(to: batch)
    }

    static func exact(_ batch: MatchingBatch, options: MatchingOptions) -> MatchResult {
        let model = MatchingModel.build(batch)
        var placement = [Int?](repeating: nil, count: batch.householdCount)
        let solveOptions = SolveOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.gapTolerance, nodeLimit: options.nodeLimit)
        let solved: SolveResult
        do {
            solved = try GLPKSolver.solve(model, options: solveOptions)
        } catch {
            return failed(batch, method: .exact, note: error.description)
        }
        guard let values = solved.values else {
            // An empty placement is always feasible, so no solution means branch and cut stopped before
            // its first incumbent: LP repair always finds one, and GLPK's bound may still tighten its own.
            var result = lpRepair(batch, options: options)
            if let bound = solved.bound, bound.isFinite, bound < result.bound {
                result.bound = max(result.objective, bound)
                result.gap = MatchResult.gap(objective: result.objective, bound: result.bound)
                if result.gap <= options.gapTolerance { result.termination = .optimal }
            }
            if result.termination != .optimal {
                let stop = stopped(solved.termination)
                result.termination = stop.termination
                result.note = "\(stop.why) before a placement; LP repair placed the batch"
            }
            return result
        }
        var column = 0
        var objective = 0.0
        for h in 0..<batch.householdCount {
            for m in 0..<batch.municipalityCount where batch.isAllowed(h, m) {
                if values[column] > 0.5 {
                    placement[h] = m
                    objective += batch.value(h, m)
                }
                column += 1
            }
        }
        let bound = max(objective, solved.bound ?? objective)
        let gap = MatchResult.gap(objective: objective, bound: bound)
        // Stopped at a limit but within tolerance is still a certified answer.
        let certified = solved.termination == .optimal || gap <= options.gapTolerance
        let stop = stopped(solved.termination)
        return MatchResult(
            placement: placement, termination: certified ? .optimal : stop.termination, method: .exact,
            objective: objective, bound: bound, gap: gap, splitHouseholds: 0, repairedHouseholds: 0, seconds: 0,
            note: certified ? nil : stop.why)
    }

    /// How GLPK's branch and cut ended short of a proof, as a termination and a note.
    static func stopped(_ termination: Termination) -> (termination: MatchTermination, why: String) {
        switch termination {
        case .timeLimit: (.timeLimit, "branch and cut stopped at its time limit")
        case .iterationOrOtherLimit: (.nodeLimit, "branch and cut stopped at its node limit")
        case .numericalFailure(let text): (.gapAboveTolerance, "branch and cut ended early (GLPK: \(text))")
        default: (.gapAboveTolerance, "branch and cut ended without proving the tolerance")
        }
    }

    /// Dive rounds before the remaining split households go to the repair MIP.
    static let maximumDives = 60
    /// Split households few enough for GLPK to repair at once.
    static let repairSize = 100
    /// Branch-and-bound nodes the repair MIP may use; the LP bound certifies whatever it has by then.
    static let repairNodeLimit = 2_000
    /// Households the LP left unassigned that the repair MIP may also place.
    static let repairFillers = 60
    /// Households up to which a batch left above the gap tolerance gets a local search.
    static let localSearchLimit = 3_000
    /// Subgradient steps on the dimension prices at most.
    static let maximumLagrangianSteps = 40

    /// LP relaxation, LP diving and a small repair MIP, certified by an LP (or Lagrangian) bound.
    ///
    /// Persons capacities stay in the transportation LP, which the network simplex solves
    /// exactly. Extra dimensions (minors, large dwellings, health places) would break that
    /// structure. Their rows are handled in two ways:
    /// - the integer side: diving places households with a demand first, each where the LP sent
    ///   most of it if the dimensions still hold it there, else at its best place that does;
    ///   the warm-started LP then refills persons around them;
    /// - the bound: the transportation LP without dimension rows is itself a valid bound, and
    ///   it is usually within the tolerance because dimensions bind locally, not in total. Only
    ///   when it is not are the rows priced (Lagrangian relaxation, `priceDimensions`): for
    ///   every μ ≥ 0, Σ μ·capacity + (dual bound of the priced LP) bounds the batch, and the
    ///   dive is repeated on the priced LP.
    /// Why not GLPK on the whole LP with side rows: its simplex needs 25 s at 1,000 households.
    static func lpRepair(_ batch: MatchingBatch, options: MatchingOptions) -> MatchResult {
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
        let lp = WarmTransportation(supply: sizes, capacity: batch.capacity, profit: profit)
        lp.solve()
        var bound = lp.dualBound()
        var mu = [Double](repeating: 0, count: K * M)
        var attempt = dive(batch, dims: dims, lp: lp, mu: mu, profit: profit, bound: bound, options: options)
        var steps = 0
        if K > 0 && MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance {
            let priced = WarmTransportation(supply: sizes, capacity: batch.capacity, profit: profit)
            priced.solve()
            let specials = (0..<H).filter { h in dims.contains { $0.demand[h] > 0 } }
            let lagrangian: Double
            (lagrangian, steps) = priceDimensions(
                batch, dims: dims, specials: specials, lp: priced, mu: &mu, bound: bound, options: options)
            bound = min(bound, lagrangian)
            if MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance {
                let second = dive(batch, dims: dims, lp: priced, mu: mu, profit: profit, bound: bound, options: options)
                if second.objective > attempt.objective { attempt = second }
            }
        }
        if MatchResult.gap(objective: attempt.objective, bound: bound) > options.gapTolerance && H <= localSearchLimit {
            var search = LocalSearch(batch, dimensions: dims, placement: attempt.placement)
            search.run(passes: 20)
            let polished = search.objective
            if polished > attempt.objective {
                attempt.placement = search.placement
                attempt.objective = polished
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
            note =
                note
                ?? (attempt.limit == .nodeLimit
                    ? "repair MIP stopped at its node limit" : "gap above tolerance after repair")
        }
        var result = MatchResult(
            placement: attempt.placement, termination: termination, method: .lpRepair, objective: objective,
            bound: certified, gap: gap, splitHouseholds: attempt.firstSplit, repairedHouseholds: attempt.repaired,
            seconds: 0, note: note)
        result.lagrangianSteps = steps
        return result
    }

    struct Attempt {
        var placement: [Int?]
        var objective: Double
        var firstSplit: Int
        var repaired: Int
        var limit: MatchTermination?
        var note: String?
    }

    /// LP diving from the solved `lp` (profits priced by `mu`), then the repair MIP.
    /// Changes `lp` (fixed households get a large bonus, exhausted pairs a large penalty).
    static func dive(
        _ batch: MatchingBatch, dims: [CapacityDimension], lp: WarmTransportation, mu: [Double], profit: [Double],
        bound: Double, options: MatchingOptions
    ) -> Attempt {
        let H = batch.householdCount
        let M = batch.municipalityCount
        let K = dims.count
        let sizes = batch.households.map(\.size)
        var isSpecial = [Bool](repeating: false, count: H)
        var specials: [Int] = []
        for h in 0..<H where dims.contains(where: { $0.demand[h] > 0 }) {
            isSpecial[h] = true
            specials.append(h)
        }
        var fixedAt = [Int](repeating: -1, count: H)
        var room = Room(batch, dimensions: dims)
        var price = lp.sinkPrices()
        func reduced(_ h: Int, _ m: Int) -> Double {
            var v = batch.value(h, m) - Double(sizes[h]) * min(price[m], 1e300)
            for k in 0..<K where dims[k].demand[h] > 0 { v -= Double(dims[k].demand[h]) * mu[k * M + m] }
            return v
        }
        let scale = profit.reduce(0.0) { $1.isFinite ? max($0, abs($1)) : $0 }
        // Large enough to dominate any per-person profit difference, small enough for doubles.
        let lock = 1_000 * (scale + 1)
        func fix(_ h: Int, _ m: Int) {
            fixedAt[h] = m
            room.use(h, m)
            lp.setProfit(h, m, lp.profit(h, m) + lock)
            lp.rowChanged(h)
        }
        // Pairs whose dimension room is gone are priced out (finite, so tree arcs stay finite).
        func banExhausted(all: Bool = false, only: Int? = nil) -> Int {
            var rows = 0
            for h in only.map({ [$0] }) ?? specials where fixedAt[h] < 0 {
                var changed = false
                for m in 0..<M where lp.profit(h, m) > -lock / 2 && lp.profit(h, m) > -.infinity {
                    if all || !room.dimensionsHold(h, m) {
                        lp.setProfit(h, m, -lock)
                        changed = true
                    }
                }
                if changed {
                    lp.rowChanged(h)
                    rows += 1
                }
            }
            return rows
        }
        var firstSplit = -1
        var placed = [Int](repeating: -1, count: H)  // sink of a whole flow, -1 none, -2 split
        var splitFlows: [(h: Int, m: Int, amount: Int)] = []
        // Assemble: fixed households, then whole LP placements that still fit (households
        // without a demand first: the LP kept their persons within capacity), rest to repair.
        // With `greedyOnly`, nil unless the greedy repair alone certifies the batch.
        func assemble(greedyOnly: Bool) -> Attempt? {
            var room = room
            var placement = [Int?](repeating: nil, count: H)
            var repaired = 0
            for h in 0..<H where fixedAt[h] >= 0 {
                placement[h] = fixedAt[h]
                repaired += 1
            }
            var whole: [Int] = []
            var toRepair: [Int] = []
            var unassigned: [Int] = []
            for h in 0..<H where fixedAt[h] < 0 {
                if placed[h] >= 0 {
                    whole.append(h)
                } else if placed[h] == -2 {
                    toRepair.append(h)
                } else if (0..<M).contains(where: { profit[h * M + $0] > 0 }) {
                    unassigned.append(h)
                }
            }
            whole.sort {
                if isSpecial[$0] != isSpecial[$1] { return !isSpecial[$0] }
                let a = batch.value($0, placed[$0])
                let b = batch.value($1, placed[$1])
                return a != b ? a > b : $0 < $1
            }
            for h in whole {
                if room.fits(h, placed[h]) {
                    placement[h] = placed[h]
                    room.use(h, placed[h])
                } else {
                    toRepair.append(h)
                }
            }
            price = lp.sinkPrices()
            var limit: MatchTermination? = nil
            var note: String? = nil
            if !toRepair.isEmpty {
                // Households the LP left out may fill the places that split households leave.
                var ranked: [(h: Int, value: Double)] = []
                for h in unassigned {
                    var best = -Double.infinity
                    for m in 0..<M where profit[h * M + m] > -.infinity && room.fits(h, m) {
                        best = max(best, reduced(h, m))
                    }
                    if best > -.infinity { ranked.append((h, best)) }
                }
                ranked.sort { $0.value != $1.value ? $0.value > $1.value : $0.h < $1.h }
                toRepair += ranked.prefix(repairFillers).map(\.h)
                // The repair may use half the gap budget: stopping there is enough to certify the batch.
                let repairValue = toRepair.reduce(0.0) { total, h in
                    total + (0..<M).reduce(0.0) { max($0, profit[h * M + $1] * Double(sizes[h])) }
                }
                let repairGap = max(1e-6, 0.5 * options.gapTolerance * bound / max(1, repairValue))
                var placedValue = 0.0
                for h in 0..<H { if let m = placement[h] { placedValue += batch.value(h, m) } }
                guard
                    let outcome = repair(
                        batch, households: toRepair, room: room, reduced: reduced, options: options,
                        relativeGap: repairGap,
                        enough: (1 - options.gapTolerance) * bound - placedValue, greedyOnly: greedyOnly)
                else { return nil }
                for (h, m) in outcome.placement {
                    placement[h] = m
                    repaired += 1
                }
                limit = outcome.limit
                note = outcome.note
            }
            var objective = 0.0
            for h in 0..<H { if let m = placement[h] { objective += batch.value(h, m) } }
            if greedyOnly && MatchResult.gap(objective: objective, bound: bound) > options.gapTolerance { return nil }
            return Attempt(
                placement: placement, objective: objective, firstSplit: max(0, firstSplit), repaired: repaired,
                limit: limit, note: note)
        }
        for round in 0..<maximumDives {
            for h in 0..<H { placed[h] = -1 }
            splitFlows.removeAll(keepingCapacity: true)
            var pending: [Int] = []
            lp.forEachFlow { h, m, amount in
                if fixedAt[h] >= 0 { return }
                if isSpecial[h] && placed[h] == -1 { pending.append(h) }
                if amount == sizes[h] {
                    placed[h] = m
                } else {
                    placed[h] = -2
                    splitFlows.append((h, m, amount))
                }
            }
            var splitAmounts: [Int: [(m: Int, amount: Int)]] = [:]
            for f in splitFlows { splitAmounts[f.h, default: []].append((f.m, f.amount)) }
            let split = splitAmounts.keys.sorted()
            if firstSplit < 0 { firstSplit = split.count }
            if (pending.isEmpty && split.count <= repairSize) || round == maximumDives - 1 { break }
            // Fixing split households splits others (a basic solution splits about one household per
            // full municipality), so the count may hover above repairSize: stop once a greedy repair
            // of what is split already certifies the batch.
            if pending.isEmpty && split.count <= 2 * repairSize, let early = assemble(greedyOnly: true) {
                return early
            }
            price = lp.sinkPrices()
            var changed = 0
            // Households with a dimension demand first: where most of each went if the dimensions
            // still hold it there, else its best place by reduced value that does.
            for h in pending.sorted() {
                let flows =
                    placed[h] >= 0
                    ? [(m: placed[h], amount: sizes[h])]
                    : splitAmounts[h]!.sorted { $0.amount != $1.amount ? $0.amount > $1.amount : $0.m < $1.m }
                var target = flows.first(where: { room.fits(h, $0.m) })?.m
                if target == nil {
                    var best = -Double.infinity
                    for m in 0..<M where profit[h * M + m] > -.infinity && room.fits(h, m) {
                        let value = reduced(h, m)
                        if value > best {
                            best = value
                            target = m
                        }
                    }
                }
                if let target {
                    fix(h, target)
                } else {
                    _ = banExhausted(all: true, only: h)  // fits nowhere any more: unplaced
                }
                changed += 1
            }
            if !pending.isEmpty { changed += banExhausted() }
            if split.count > repairSize {
                for h in split where fixedAt[h] < 0 && !isSpecial[h] {
                    let flows = splitAmounts[h]!.sorted {
                        $0.amount != $1.amount ? $0.amount > $1.amount : $0.m < $1.m
                    }
                    guard let best = flows.first(where: { room.fits(h, $0.m) }) else { continue }
                    fix(h, best.m)
                    changed += 1
                }
            }
            if changed == 0 { break }
            lp.solve()
        }

        return assemble(greedyOnly: false)!
    }

    /// Minimises the Lagrangian bound φ(μ) = Σ μ·capacity + T(μ) over the dimension prices μ
    /// (row-major dimension × municipality), where T(μ) is the priced transportation LP, from the
    /// LP already solved at μ = 0. A box-step cutting-plane (bundle) method: each evaluation gives
    /// a cut φ(μ) ≥ φ(μᵢ) + gᵢ·(μ − μᵢ) with gᵢ = capacity − load; GLPK minimises the cuts' maximum
    /// within a box around the best point so far. Plain subgradient steps needed hundreds of
    /// evaluations for a 0.1 % bound on the default scenario (measured); this needs tens.
    /// Returns the best certified bound and the evaluations; leaves `lp` and `mu` at the best point.
    static func priceDimensions(
        _ batch: MatchingBatch, dims: [CapacityDimension], specials: [Int], lp: WarmTransportation,
        mu: inout [Double], bound start: Double, options: MatchingOptions
    ) -> (bound: Double, steps: Int) {
        let M = batch.municipalityCount
        let K = dims.count
        let N = K * M
        let sizes = batch.households.map(\.size)
        var capacity = [Double](repeating: 0, count: N)
        for k in 0..<K { for m in 0..<M { capacity[k * M + m] = Double(dims[k].capacity[m]) } }

        /// φ from the current flows (primal value, consistent with the subgradient) and g.
        func evaluate() -> (value: Double, gradient: [Double]) {
            var load = [Double](repeating: 0, count: N)
            var value = 0.0
            lp.forEachFlow { h, m, amount in
                value += lp.profit(h, m) * Double(amount)
                let share = Double(amount) / Double(sizes[h])
                for k in 0..<K {
                    let d = dims[k].demand[h]
                    if d > 0 { load[k * M + m] += Double(d) * share }
                }
            }
            var gradient = [Double](repeating: 0, count: N)
            for i in 0..<N {
                value += mu[i] * capacity[i]
                gradient[i] = capacity[i] - load[i]
            }
            return (value, gradient)
        }
        func setPrices(_ prices: [Double]) {
            mu = prices
            for h in specials {
                for m in 0..<M where lp.profit(h, m) > -.infinity {
                    var v = batch.value(h, m)
                    for k in 0..<K where dims[k].demand[h] > 0 { v -= Double(dims[k].demand[h]) * mu[k * M + m] }
                    lp.setProfit(h, m, v / Double(sizes[h]))
                }
                lp.rowChanged(h)
            }
            lp.solve()
        }
        func certified() -> Double {
            var priced = 0.0
            for i in 0..<N { priced += mu[i] * capacity[i] }
            return priced + lp.dualBound()
        }

        var best = start
        var center = mu
        var (centerValue, gradient) = evaluate()
        var cuts: [(point: [Double], value: Double, gradient: [Double])] = [(mu, centerValue, gradient)]
        // Rows that were ever overloaded or priced: the only prices the master moves.
        var active = Set((0..<N).filter { gradient[$0] < -1e-9 })
        let valueScale = (0..<batch.householdCount).reduce(0.0) { total, h in
            max(total, (0..<M).reduce(0.0) { max($0, batch.value(h, $1)) })
        }
        var box = max(1, valueScale / 4)
        var steps = 0
        var nullSteps = 0
        while steps < maximumLagrangianSteps && !active.isEmpty {
            let rows = active.sorted()
            var model = LinearModel(name: "settle_prices", sense: .minimize)
            let z = model.addVariable(name: "z", lower: nil, upper: nil, objective: 1)
            var variable: [Int] = []
            for i in rows {
                variable.append(
                    model.addVariable(name: "mu\(i)", lower: max(0, center[i] - box), upper: center[i] + box))
            }
            for (c, cut) in cuts.enumerated() {
                // z − Σ gᵢ μᵢ ≥ φⱼ − Σ gᵢ μⱼᵢ (prices outside `rows` stay 0 at every point).
                var constant = cut.value
                for i in 0..<N where cut.point[i] != 0 { constant -= cut.gradient[i] * cut.point[i] }
                model.addConstraint(
                    name: "cut\(c)", lower: constant, indices: [z] + variable,
                    coefficients: [1] + rows.map { -cut.gradient[$0] })
            }
            guard let solved = try? GLPKSolver.solve(model), let values = solved.values,
                let predicted = solved.objective
            else { break }
            steps += 1
            if centerValue - predicted <= 0.05 * options.gapTolerance * abs(centerValue) { break }
            var trial = [Double](repeating: 0, count: N)
            for (j, i) in rows.enumerated() { trial[i] = max(0, values[variable[j]]) }
            setPrices(trial)
            let evaluated = evaluate()
            best = min(best, certified())
            cuts.append((trial, evaluated.value, evaluated.gradient))
            for i in 0..<N where evaluated.gradient[i] < -1e-9 { active.insert(i) }
            if evaluated.value <= centerValue - 0.1 * (centerValue - predicted) {
                center = trial
                centerValue = evaluated.value
                nullSteps = 0
                box *= 1.5
            } else {
                nullSteps += 1
                if nullSteps >= 2 {
                    box /= 2
                    nullSteps = 0
                }
            }
        }
        if mu != center {
            setPrices(center)
            best = min(best, certified())
        }
        return (best, steps)
    }

    struct RepairOutcome {
        var placement: [(Int, Int)]
        /// The GLPK limit that stopped the repair MIP, if one did.
        var limit: MatchTermination?
        var note: String?
    }

    /// Places the given households on the capacity (persons and dimensions) the others left,
    /// by a small GLPK MIP over each household's best candidates by reduced value.
    static func repair(
        _ batch: MatchingBatch, households: [Int], room: Room, reduced: (Int, Int) -> Double,
        options: MatchingOptions, relativeGap: Double,
        enough: Double, greedyOnly: Bool = false
    ) -> RepairOutcome? {
        let M = batch.municipalityCount
        let dims = room.dims
        let K = dims.count
        var candidates: [[Int]] = []
        for h in households {
            let fitting = (0..<M).filter { m in batch.isAllowed(h, m) && room.fits(h, m) }
            let value = fitting.map { reduced(h, $0) }
            let order = fitting.indices.sorted { value[$0] != value[$1] ? value[$0] > value[$1] : $0 < $1 }
            candidates.append(order.prefix(repairCandidates).map { fitting[$0] })
        }
        // Greedy first, households with the best reduced value first: when it already brings the
        // batch within the gap tolerance, GLPK is not needed (its branch and cut can take seconds).
        var left = room
        var greedy: [(Int, Int)] = []
        var unplaced: [Int] = []
        var greedyValue = 0.0
        let order = households.indices.sorted { a, b in
            let x = candidates[a].first.map { reduced(households[a], $0) } ?? -.infinity
            let y = candidates[b].first.map { reduced(households[b], $0) } ?? -.infinity
            return x != y ? x > y : a < b
        }
        for i in order {
            let h = households[i]
            if let m = candidates[i].first(where: { left.fits(h, $0) }) {
                left.use(h, m)
                greedy.append((h, m))
                greedyValue += batch.value(h, m)
            } else {
                unplaced.append(h)
            }
        }
        // Nobody waits while a place that fits is free: past the candidates, any municipality will do.
        for h in unplaced {
            var best = -Double.infinity
            var target: Int? = nil
            for m in 0..<M where batch.isAllowed(h, m) && left.fits(h, m) {
                let value = reduced(h, m)
                if value > best {
                    best = value
                    target = m
                }
            }
            guard let m = target, batch.value(h, m) > 0 else { continue }
            left.use(h, m)
            greedy.append((h, m))
            greedyValue += batch.value(h, m)
        }
        if greedyValue >= enough { return RepairOutcome(placement: greedy, limit: nil, note: nil) }
        if greedyOnly { return nil }
        var model = LinearModel(name: "settle_repair", sense: .maximize)
        var variables: [(household: Int, municipality: Int)] = []
        var byMunicipality = [[Int]](repeating: [], count: M)
        for (k, h) in households.enumerated() {
            var row: [Int] = []
            for m in candidates[k] {
                let v = model.addVariable(
                    name: "x\(variables.count)", lower: 0, upper: 1, kind: .binary, objective: batch.value(h, m))
                variables.append((h, m))
                byMunicipality[m].append(v)
                row.append(v)
            }
            if !row.isEmpty {
                model.addConstraint(
                    name: "offer\(k)", upper: 1, indices: row, coefficients: Array(repeating: 1, count: row.count))
            }
        }
        for m in 0..<M where !byMunicipality[m].isEmpty {
            let sizes = byMunicipality[m].map { Double(batch.households[variables[$0].household].size) }
            model.addConstraint(
                name: "cap\(m)", upper: Double(room.persons[m]), indices: byMunicipality[m], coefficients: sizes)
            for k in 0..<K {
                let using = byMunicipality[m].filter { dims[k].demand[variables[$0].household] > 0 }
                if using.isEmpty { continue }
                model.addConstraint(
                    name: "dim\(k)_\(m)", upper: Double(room.dimension[k][m]), indices: using,
                    coefficients: using.map { Double(dims[k].demand[variables[$0].household]) })
            }
        }
        if variables.isEmpty { return RepairOutcome(placement: [], limit: nil, note: nil) }
        // A node limit, not a time limit, so the repair gives the same answer on every machine;
        // the time limit is only a safety net.
        let solveOptions = SolveOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeGap: relativeGap, nodeLimit: repairNodeLimit)
        let solved = try? GLPKSolver.solve(model, options: solveOptions)
        let limit: MatchTermination? =
            switch solved?.termination {
            case .timeLimit: .timeLimit
            case .iterationOrOtherLimit: .nodeLimit
            default: nil
            }
        if let solved, let values = solved.values, (solved.objective ?? -.infinity) >= greedyValue {
            let chosen = variables.indices.filter { values[$0] > 0.5 }.map {
                (variables[$0].household, variables[$0].municipality)
            }
            return RepairOutcome(
                placement: chosen, limit: limit,
                note: limit == .timeLimit ? "repair MIP stopped at its time limit" : nil)
        }
        return RepairOutcome(
            placement: greedy, limit: limit, note: "repair MIP found nothing better than greedy placement")
    }

    static func failed(_ batch: MatchingBatch, method: MatchingMethod, note: String) -> MatchResult {
        MatchResult(
            placement: Array(repeating: nil, count: batch.householdCount), termination: .failed, method: method,
            objective: 0, bound: .infinity, gap: 1, splitHouseholds: 0, repairedHouseholds: 0, seconds: 0, note: note)
    }
}
