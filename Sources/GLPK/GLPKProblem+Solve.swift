// SPDX-License-Identifier: GPL-3.0-or-later

import CGLPK

extension GLPKProblem {
    // MARK: LP

    /// Primal simplex without the LP presolver, so duals exist and infeasible
    /// or unbounded LPs come back as statuses rather than presolver codes.
    func solveLP(_ settings: GLPKSettings) -> SolveResult {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = settings.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.tm_lim = settings.timeLimit
        parameters.presolve = GLP_OFF
        let code = glp_simplex(handle, &parameters)

        let termination: Termination
        switch code {
        case 0:
            let status = glp_get_status(handle)
            switch status {
            case GLP_OPT: termination = .optimal
            case GLP_NOFEAS: termination = .infeasible
            case GLP_UNBND: termination = .unbounded
            default: termination = .numericalFailure("simplex ended with status \(status)")
            }
        case GLP_ETMLIM: termination = .timeLimit
        case GLP_EITLIM, GLP_EOBJLL, GLP_EOBJUL: termination = .iterationOrOtherLimit
        default: termination = .numericalFailure(Self.describe(code))
        }

        var result = SolveResult(termination: termination)
        // An unbounded LP has feasible points but no optimum to report.
        guard glp_get_prim_stat(handle) == GLP_FEAS,
            termination != .infeasible, termination != .unbounded
        else { return result }
        result.values = (0..<columnCount).map { glp_get_col_prim(handle, Int32($0 + 1)) }
        result.objective = glp_get_obj_val(handle)
        if termination == .optimal {
            result.bound = result.objective
            result.relativeGap = 0
            result.rowDuals = (0..<rowCount).map { glp_get_row_dual(handle, Int32($0 + 1)) }
            result.reducedCosts = (0..<columnCount).map { glp_get_col_dual(handle, Int32($0 + 1)) }
        }
        return result
    }

    // MARK: MIP

    /// Branch-and-cut. With the MIP presolver no prior simplex is needed;
    /// without it glp_intopt wants an optimal root LP, so that is solved first.
    func solveMIP(_ settings: GLPKSettings) -> SolveResult {
        if hasEmptyIntegerDomain { return SolveResult(termination: .infeasible) }
        var timeLimit = settings.timeLimit
        let tracker = BoundTracker(minimizing: glp_get_obj_dir(handle) == GLP_MIN)
        tracker.nodeLimit = settings.nodeLimit
        tracker.start = settings.start
        tracker.target = settings.objectiveTarget
        // GLPK offers a start to the problem as given, not to a presolved one.
        let presolve = settings.presolve && settings.start == nil
        if !presolve {
            let clock = ContinuousClock()
            let start = clock.now
            let root = solveLP(settings)
            // A relaxation's point is not integral, so only the verdict carries over.
            guard root.termination == .optimal else {
                return SolveResult(termination: root.termination)
            }
            // The root relaxation bounds the MIP even if the search finds nothing better.
            if let objective = root.objective { tracker.record(objective) }
            if timeLimit != Int32.max {
                let used = start.duration(to: clock.now).components
                let milliseconds = used.seconds * 1000 + used.attoseconds / 1_000_000_000_000_000
                timeLimit = Int32(max(0, Int64(timeLimit) - milliseconds))
            }
        }

        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = settings.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        parameters.tm_lim = timeLimit
        parameters.mip_gap = settings.relativeGap
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.br_tech =
            switch settings.branching {
            case .firstFractional: GLP_BR_FFV
            case .lastFractional: GLP_BR_LFV
            case .mostFractional: GLP_BR_MFV
            case .driebeckTomlin: GLP_BR_DTH
            case .pseudocost: GLP_BR_PCH
            }
        parameters.cb_func = onTreeEvent
        parameters.cb_info = Unmanaged.passUnretained(tracker).toOpaque()
        let code = withExtendedLifetime(tracker) { glp_intopt(handle, &parameters) }
        let status = glp_mip_status(handle)

        let termination: Termination
        switch code {
        case 0:
            switch status {
            case GLP_OPT: termination = .optimal
            case GLP_NOFEAS: termination = .infeasible
            default: termination = .numericalFailure("branch-and-cut ended with status \(status)")
            }
        // The search stopped because the incumbent is within mip_gap of the bound.
        case GLP_EMIPGAP: termination = .optimal
        case GLP_ETMLIM: termination = .timeLimit
        case GLP_ESTOP: termination = tracker.reachedTarget ? .targetReached : .iterationOrOtherLimit
        // The presolver proved the LP relaxation primal infeasible.
        case GLP_ENOPFS: termination = .infeasible
        // The presolver proved the relaxation dual infeasible: unbounded or
        // infeasible. A plain simplex on the relaxation tells which.
        case GLP_ENODFS: termination = relaxationIsInfeasible(settings) ? .infeasible : .unbounded
        default: termination = .numericalFailure(Self.describe(code))
        }

        var result = SolveResult(termination: termination)
        // Neither values nor a bound mean anything for an infeasible or unbounded MIP.
        if termination == .infeasible || termination == .unbounded { return result }
        if status == GLP_OPT || status == GLP_FEAS {
            result.values = (0..<columnCount).map { glp_mip_col_val(handle, Int32($0 + 1)) }
            result.objective = glp_mip_obj_val(handle)
        }
        if code == 0, termination == .optimal {
            // The tree was exhausted: the incumbent is its own proof.
            result.bound = result.objective
        } else if let bound = tracker.best {
            // A node bound can lag an incumbent that already beats it.
            if let objective = result.objective {
                result.bound = tracker.minimizing ? min(bound, objective) : max(bound, objective)
            } else {
                result.bound = bound
            }
        }
        if let bound = result.bound, let objective = result.objective {
            result.relativeGap = abs(bound - objective) / max(1e-9, abs(objective))
        }
        return result
    }

    private func relaxationIsInfeasible(_ settings: GLPKSettings) -> Bool {
        glp_std_basis(handle)
        _ = solveLP(settings)
        return glp_get_prim_stat(handle) == GLP_NOFEAS
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: "invalid initial basis (GLP_EBADB)"
        case GLP_ESING: "singular basis matrix (GLP_ESING)"
        case GLP_ECOND: "ill-conditioned basis matrix (GLP_ECOND)"
        case GLP_EBOUND: "incorrect bounds (GLP_EBOUND)"
        case GLP_EFAIL: "solver failure (GLP_EFAIL)"
        case GLP_EROOT: "root LP optimum not provided (GLP_EROOT)"
        default: "code \(code)"
        }
    }
}

/// The best proven bound seen during branch-and-cut, filled in by `onTreeEvent`.
final class BoundTracker {
    let minimizing: Bool
    var best: Double?
    var nodeLimit: Int32?
    /// The MIP start, until it has been offered.
    var start: [Double]?
    var target: Double?
    var reachedTarget = false

    init(minimizing: Bool) {
        self.minimizing = minimizing
    }

    func record(_ bound: Double) {
        // GLPK marks a node whose LP is not solved yet with ±DBL_MAX.
        guard bound.isFinite, abs(bound) < 1e300 else { return }
        // Bounds only tighten, so the tightest seen is still valid.
        if let best {
            self.best = minimizing ? max(best, bound) : min(best, bound)
        } else {
            best = bound
        }
    }
}

@available(*, unavailable)
extension BoundTracker: Sendable {}

/// glp_iocp.cb_func: called by glp_intopt on the solving thread; `info` is the `BoundTracker`. Offers
/// the MIP start, stops at the objective target and records node bounds.
private func onTreeEvent(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    let tracker = Unmanaged<BoundTracker>.fromOpaque(info).takeUnretainedValue()
    let reason = glp_ios_reason(tree)
    // The first heuristic call comes at the root, after its LP and before any branching.
    if reason == GLP_IHEUR, let start = tracker.start {
        tracker.start = nil
        let point = [0.0] + start  // GLPK counts columns from 1
        _ = point.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) }
    }
    // GLPK's own rounding heuristic stores incumbents without a GLP_IBINGO call, so the target is
    // checked at every call.
    stopAtTarget(tree, tracker)
    switch reason {
    case GLP_ISELECT, GLP_IBINGO, GLP_IPREPRO, GLP_IBRANCH:
        recordNodeBound(tree, tracker)
    default:
        return
    }
}

/// Ends the search once the incumbent reaches `objectiveTarget`.
private func stopAtTarget(_ tree: OpaquePointer, _ tracker: BoundTracker) {
    guard let target = tracker.target, !tracker.reachedTarget else { return }
    let problem = glp_ios_get_prob(tree)
    guard glp_mip_status(problem) == GLP_FEAS else { return }
    let incumbent = glp_mip_obj_val(problem)
    if tracker.minimizing ? incumbent <= target : incumbent >= target {
        tracker.reachedTarget = true
        glp_ios_terminate(tree)
    }
}

/// Records the best node's bound and applies the node limit.
private func recordNodeBound(_ tree: OpaquePointer, _ tracker: BoundTracker) {
    let node = glp_ios_best_node(tree)
    guard node != 0 else { return }
    tracker.record(glp_ios_node_bound(tree, node))
    if let limit = tracker.nodeLimit {
        var active: Int32 = 0
        var current: Int32 = 0
        var total: Int32 = 0
        glp_ios_tree_size(tree, &active, &current, &total)
        if total >= limit { glp_ios_terminate(tree) }
    }
}
