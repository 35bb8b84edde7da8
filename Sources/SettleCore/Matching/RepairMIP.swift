// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// Places the given households on the capacity (persons and dimensions) the others left, by a
/// small GLPK MIP over each household's candidates from the greedy pass; keeps the greedy
/// placement when the MIP finds nothing better.
enum RepairMIP {
    /// Branch-and-bound nodes the repair MIP may use; the LP bound certifies whatever it has by then.
    static let nodeLimit = 2_000

    struct Outcome {
        var placement: [(Int, Int)]
        /// The GLPK limit that stopped the repair MIP, if one did.
        var limit: MatchTermination?
        var note: MatchNote?
    }

    static func solve(
        _ batch: MatchingBatch, households: [Int], room: Room, greedy: GreedyPass, options: MatchingOptions,
        relativeGap: Double
    ) -> Outcome {
        let M = batch.municipalityCount
        let dims = room.dims
        let K = dims.count
        var model = LinearModel(name: "settle_repair", sense: .maximize)
        var variables: [(household: Int, municipality: Int)] = []
        var byMunicipality = [[Int]](repeating: [], count: M)
        for (k, h) in households.enumerated() {
            var row: [Int] = []
            for m in greedy.candidates[k] {
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
        if variables.isEmpty { return Outcome(placement: [], limit: nil, note: nil) }
        // A node limit, not a time limit, so the repair gives the same answer on every machine;
        // the time limit is only a safety net. It runs where places are ample (`LPRepair`), where
        // the MIP is nearly integral and GLPK's default branching spent most of a year's time
        // choosing (norway-2023: 5.1 s, 2.2 s with most-fractional).
        let solveOptions = SolveOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeGap: relativeGap, nodeLimit: nodeLimit,
            branching: .mostFractional)
        let solved = try? GLPKSolver.solve(model, options: solveOptions)
        let limit: MatchTermination? =
            switch solved?.termination {
            case .timeLimit: .timeLimit
            case .iterationOrOtherLimit: .nodeLimit
            default: nil
            }
        if let solved, let values = solved.values, (solved.objective ?? -.infinity) >= greedy.value {
            let chosen = variables.indices.filter { values[$0] > 0.5 }.map {
                (variables[$0].household, variables[$0].municipality)
            }
            return Outcome(
                placement: chosen, limit: limit,
                note: limit == .timeLimit ? .repairMIPTimeLimit : nil)
        }
        return Outcome(
            placement: greedy.placement, limit: limit, note: .repairMIPFoundNothingBetter)
    }
}
