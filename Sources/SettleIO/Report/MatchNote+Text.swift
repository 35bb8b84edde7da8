// SPDX-License-Identifier: GPL-3.0-or-later

import SettleCore

extension MatchNote {
    /// The note as reports print it.
    public var text: String {
        switch self {
        case .repairMIPTimeLimit: "repair MIP stopped at its time limit"
        case .repairMIPNodeLimit: "repair MIP stopped at its node limit"
        case .repairMIPFoundNothingBetter: "repair MIP found nothing better than greedy placement"
        case .aboveToleranceAfterRepair: "gap above tolerance after repair"
        case .tooLargeForColumnGeneration(let limit):
            "above \(limit) households, so no column generation or set packing"
        case .columnGenerationStopped(let solves):
            "column generation stopped at its \(solves) solves, above the relaxation's optimum"
        case .relaxationOptimumReached:
            "bound at the knapsack relaxation's optimum (column generation converged), placement the set packing's best"
        case .branchAndCutStopped(let stop, let beforePlacement):
            stop.text + (beforePlacement ? " before a placement; LP repair placed the batch" : "")
        case .failed(let reason): reason
        }
    }
}

extension MatchNote.Stop {
    var text: String {
        switch self {
        case .timeLimit: "branch and cut stopped at its time limit"
        case .nodeLimit: "branch and cut stopped at its node limit"
        case .numericalFailure(let glpk): "branch and cut ended early (GLPK: \(glpk))"
        case .unproven: "branch and cut ended without proving the tolerance"
        }
    }
}
