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

    static func exact(_ batch: MatchingBatch, options: MatchingOptions) -> MatchResult {
        let model = MatchingModel.build(batch)
        var placement = [Int?](repeating: nil, count: batch.householdCount)
        let solveOptions = SolveOptions(timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.gapTolerance)
        let solved: SolveResult
        do {
            solved = try GLPKSolver.solve(model, options: solveOptions)
        } catch {
            return failed(batch, method: .exact, note: error.description)
        }
        guard let values = solved.values else {
            // An empty placement is always feasible here, so no solution means the solver stopped early.
            var result = failed(batch, method: .exact, note: "GLPK found no placement: \(solved.termination)")
            if solved.termination == .timeLimit { result.termination = .timeLimit }
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
        return MatchResult(
            placement: placement, termination: solved.termination == .optimal ? .optimal : .timeLimit, method: .exact,
            objective: objective, bound: bound, gap: MatchResult.gap(objective: objective, bound: bound),
            splitHouseholds: 0, repairedHouseholds: 0, seconds: 0, note: nil)
    }

    /// Dive rounds before the remaining split households go to the repair MIP.
    static let maximumDives = 60
    /// Split households few enough for GLPK to repair at once.
    static let repairSize = 40
    /// Seconds the repair MIP may take; the LP bound certifies whatever it has by then.
    static let repairTimeLimit = 5.0
    /// Households the LP left unassigned that the repair MIP may also place.
    static let repairFillers = 60

    static func lpRepair(_ batch: MatchingBatch, options: MatchingOptions) -> MatchResult {
        let H = batch.householdCount
        var placement = [Int?](repeating: nil, count: H)
        var capacity = batch.capacity
        var active = Array(0..<H)
        var bound = Double.infinity
        var firstSplit = 0
        var repaired = 0
        var timedOut = false
        var note: String? = nil

        // LP diving: solve the relaxation, fix each split household where most of it went,
        // and solve again so that the others (many of them single persons) fill around it.
        for dive in 0..<maximumDives {
            let lp = solveRelaxation(batch, households: active, capacity: capacity)
            if dive == 0 {
                bound = dualBound(problem: lp.problem, sinkPrice: lp.solution.sinkPrice)
            }
            var flows = [[TransportationSolution.Flow]](repeating: [], count: active.count)
            for flow in lp.solution.flows { flows[flow.source].append(flow) }
            var split: [Int] = []
            var whole: [(Int, Int)] = []
            var unassigned: [Int] = []
            for (k, h) in active.enumerated() {
                if flows[k].isEmpty {
                    unassigned.append(k)
                } else if flows[k].count == 1 && flows[k][0].amount == batch.households[h].size {
                    whole.append((h, flows[k][0].sink))
                } else {
                    split.append(k)
                }
            }
            if dive == 0 { firstSplit = split.count }
            if split.isEmpty || split.count <= repairSize || dive == maximumDives - 1 {
                var residual = capacity
                for (h, m) in whole {
                    placement[h] = m
                    residual[m] -= batch.households[h].size
                }
                if !split.isEmpty {
                    // Households the LP left out may fill the places split households leave.
                    let reducedBest = { (k: Int) -> Double in
                        let h = active[k]
                        return (0..<batch.municipalityCount).reduce(-Double.infinity) {
                            max($0, batch.value(h, $1) - Double(batch.households[h].size) * lp.solution.sinkPrice[$1])
                        }
                    }
                    var ranked: [(k: Int, reduced: Double)] = []
                    for k in unassigned {
                        let reduced = reducedBest(k)
                        if reduced > -.infinity { ranked.append((k, reduced)) }
                    }
                    ranked.sort { $0.reduced != $1.reduced ? $0.reduced > $1.reduced : $0.k < $1.k }
                    split += ranked.prefix(repairFillers).map(\.k)
                    // The repair may use half the gap budget: stopping there is enough to certify the batch.
                    let splitHouseholds = split.map { active[$0] }
                    let splitValue = splitHouseholds.reduce(0.0) { total, h in
                        total + (0..<batch.municipalityCount).reduce(0.0) { max($0, batch.value(h, $1)) }
                    }
                    let repairGap = max(1e-6, 0.5 * options.gapTolerance * bound / max(1, splitValue))
                    let outcome = repair(
                        batch, split: splitHouseholds, residual: residual,
                        sinkPrice: lp.solution.sinkPrice, options: options, relativeGap: repairGap)
                    for (h, m) in outcome.placement {
                        placement[h] = m
                        repaired += 1
                    }
                    timedOut = outcome.timedOut
                    note = outcome.note
                }
                break
            }
            // Fix split households where most of each went, largest share first, while they fit.
            var fixed = Set<Int>()
            for k in split {
                let h = active[k]
                let size = batch.households[h].size
                let ranked = flows[k].sorted { $0.amount != $1.amount ? $0.amount > $1.amount : $0.sink < $1.sink }
                if let best = ranked.first(where: { capacity[$0.sink] >= size }) {
                    placement[h] = best.sink
                    capacity[best.sink] -= size
                    fixed.insert(h)
                    repaired += 1
                }
            }
            if fixed.isEmpty { break }
            active.removeAll { fixed.contains($0) }
        }
        var objective = 0.0
        for h in 0..<H { if let m = placement[h] { objective += batch.value(h, m) } }
        let certified = max(bound, objective)
        let gap = MatchResult.gap(objective: objective, bound: certified)
        // Certified by the LP bound: a repair that stopped early is still optimal within tolerance.
        var termination = MatchTermination.optimal
        if gap > options.gapTolerance {
            termination = .timeLimit
            note = note ?? (timedOut ? "repair MIP stopped at its time limit" : "gap above tolerance after repair")
        }
        return MatchResult(
            placement: placement, termination: termination, method: .lpRepair, objective: objective,
            bound: certified, gap: gap, splitHouseholds: firstSplit, repairedHouseholds: repaired, seconds: 0,
            note: note)
    }

    /// The transportation LP in person-flows for a subset of households.
    static func solveRelaxation(
        _ batch: MatchingBatch, households: [Int], capacity: [Int]
    ) -> (problem: TransportationProblem, solution: TransportationSolution) {
        let M = batch.municipalityCount
        var profit = [Double](repeating: -.infinity, count: households.count * M)
        var supply = [Int](repeating: 0, count: households.count)
        for (k, h) in households.enumerated() {
            let size = batch.households[h].size
            supply[k] = size
            let scale = 1 / Double(size)
            for m in 0..<M where batch.isAllowed(h, m) && capacity[m] >= size {
                profit[k * M + m] = batch.value(h, m) * scale
            }
        }
        let problem = TransportationProblem(supply: supply, capacity: capacity, profit: profit)
        return (problem, TransportationSolver.solve(problem))
    }

    struct RepairOutcome {
        var placement: [(Int, Int)]
        var timedOut: Bool
        var note: String?
    }

    /// Places the split households on the capacity the others left, by a small GLPK MIP.
    static func repair(
        _ batch: MatchingBatch, split: [Int], residual: [Int], sinkPrice: [Double], options: MatchingOptions,
        relativeGap: Double
    ) -> RepairOutcome {
        let M = batch.municipalityCount
        var candidates: [[Int]] = []
        for h in split {
            let size = batch.households[h].size
            let fitting = (0..<M).filter { batch.isAllowed(h, $0) && residual[$0] >= size }
            let reduced = { (m: Int) in batch.value(h, m) - Double(size) * sinkPrice[m] }
            let ranked = fitting.sorted { reduced($0) != reduced($1) ? reduced($0) > reduced($1) : $0 < $1 }
            candidates.append(Array(ranked.prefix(repairCandidates)))
        }
        var model = LinearModel(name: "settle_repair", sense: .maximize)
        var variables: [(household: Int, municipality: Int)] = []
        var byMunicipality = [[Int]](repeating: [], count: M)
        for (k, h) in split.enumerated() {
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
                name: "cap\(m)", upper: Double(residual[m]), indices: byMunicipality[m], coefficients: sizes)
        }
        if variables.isEmpty { return RepairOutcome(placement: [], timedOut: false, note: nil) }
        let solveOptions = SolveOptions(
            timeLimitSeconds: min(options.timeLimitSeconds, repairTimeLimit), relativeGap: relativeGap)
        if let solved = try? GLPKSolver.solve(model, options: solveOptions), let values = solved.values {
            let chosen = variables.indices.filter { values[$0] > 0.5 }.map {
                (variables[$0].household, variables[$0].municipality)
            }
            return RepairOutcome(placement: chosen, timedOut: solved.termination == .timeLimit, note: nil)
        }
        // No MIP answer in time: place greedily by value so nobody is dropped for the solver's sake.
        var left = residual
        var chosen: [(Int, Int)] = []
        for (k, h) in split.enumerated() {
            let size = batch.households[h].size
            if let m = candidates[k].first(where: { left[$0] >= size }) {
                left[m] -= size
                chosen.append((h, m))
            }
        }
        return RepairOutcome(
            placement: chosen, timedOut: true, note: "repair MIP gave no answer; split households placed greedily")
    }

    static func failed(_ batch: MatchingBatch, method: MatchingMethod, note: String) -> MatchResult {
        MatchResult(
            placement: Array(repeating: nil, count: batch.householdCount), termination: .failed, method: method,
            objective: 0, bound: .infinity, gap: 1, splitHouseholds: 0, repairedHouseholds: 0, seconds: 0, note: note)
    }
}
