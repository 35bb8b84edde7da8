// SPDX-License-Identifier: GPL-3.0-or-later

import GLPK

/// The whole batch as one GLPK MIP (`MatchingModel`), solved by branch and cut to the gap
/// tolerance or its node limit; for batches small enough that this is fast.
enum ExactMIP {
    static func solve(_ batch: MatchingBatch, options: MatchingOptions) -> MatchResult {
        let model = MatchingModel.build(batch)
        var placement = [Int?](repeating: nil, count: batch.householdCount)
        let solveOptions = SolveOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.gapTolerance, nodeLimit: options.nodeLimit)
        let solved: SolveResult
        do {
            solved = try GLPKSolver.solve(model, options: solveOptions)
        } catch {
            return MatchResult.failed(
                householdCount: batch.householdCount, method: .exact, note: .failed(error.description))
        }
        guard let values = solved.values else {
            // An empty placement is always feasible, so no solution means branch and cut stopped before
            // its first incumbent: LP repair always finds one, and GLPK's bound may still tighten its own.
            var result = LPRepair.solve(batch, options: options)
            if let bound = solved.bound, bound.isFinite, bound < result.bound {
                result.bound = max(result.objective, bound)
                result.gap = MatchResult.gap(objective: result.objective, bound: result.bound)
                if result.gap <= options.gapTolerance { result.termination = .optimal }
            }
            if result.termination != .optimal {
                let stop = stopped(solved.termination)
                result.termination = stop.termination
                result.note = .branchAndCutStopped(stop.why, beforePlacement: true)
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
            note: certified ? nil : .branchAndCutStopped(stop.why, beforePlacement: false))
    }

    /// How GLPK's branch and cut ended short of a proof, as a termination and why.
    static func stopped(_ termination: Termination) -> (termination: MatchTermination, why: MatchNote.Stop) {
        switch termination {
        case .timeLimit: (.timeLimit, .timeLimit)
        case .iterationOrOtherLimit: (.nodeLimit, .nodeLimit)
        case .numericalFailure(let text): (.gapAboveTolerance, .numericalFailure(text))
        default: (.gapAboveTolerance, .unproven)
        }
    }
}
