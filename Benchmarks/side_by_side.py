"""Peers on the instance that `settle export --format instance` wrote; compares with `settle solve`.

OR-tools: SimpleMinCostFlow on person-flows (households -> municipalities -> sink), the LP
relaxation with persons capacities only; integer costs are per-person values x 1e6, rounded.
HiGHS: the LP relaxation of the whole model (every capacity dimension), with a time limit.
With --mip (a scarce round exported with `--day`): HiGHS' MIP on the whole model instead, with a
time limit, and both solvers' objectives and bounds side by side.
"""

import csv
import sys
import time

import highspy
import numpy as np
from ortools.graph.python import min_cost_flow


def read(folder):
    with open(f"{folder}/households.csv") as f:
        rows = list(csv.reader(f))
    dims = rows[0][2:]
    sizes = np.array([int(r[1]) for r in rows[1:]])
    demand = np.array([[int(x) for x in r[2:]] for r in rows[1:]]).reshape(len(sizes), len(dims))
    with open(f"{folder}/municipalities.csv") as f:
        rows = list(csv.reader(f))
    capacity = np.array([int(r[1]) for r in rows[1:]])
    dim_capacity = np.array([[int(x) for x in r[2:]] for r in rows[1:]]).reshape(len(capacity), len(dims))
    with open(f"{folder}/scores.csv") as f:
        reader = csv.reader(f)
        next(reader)
        value = np.array([[float(x) if x else np.nan for x in r[1:]] for r in reader])
    return sizes, demand, capacity, dim_capacity, value, dims


def ortools_lp(sizes, capacity, value):
    H, M = value.shape
    allowed = ~np.isnan(value)
    h_idx, m_idx = np.nonzero(allowed & (value > 0))
    per_person = value[h_idx, m_idx] / sizes[h_idx]
    sink = H + M
    tails = np.concatenate([h_idx, np.arange(H), H + np.arange(M)])
    heads = np.concatenate([H + m_idx, np.full(H, sink), np.full(M, sink)])
    caps = np.concatenate([sizes[h_idx], sizes, capacity])
    costs = np.concatenate([-np.round(per_person * 1e6), np.zeros(H), np.zeros(M)]).astype(np.int64)
    start = time.perf_counter()
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    flow.set_nodes_supplies(np.arange(H), sizes)
    flow.set_node_supply(sink, -int(sizes.sum()))
    built = time.perf_counter()
    status = flow.solve()
    solved = time.perf_counter()
    assert status == flow.OPTIMAL, status
    return -flow.optimal_cost() / 1e6, solved - built, built - start


def highs_lp(sizes, demand, capacity, dim_capacity, value, seconds, mip=False):
    H, M = value.shape
    h_idx, m_idx = np.nonzero(~np.isnan(value))
    n = len(h_idx)
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(seconds))
    start = time.perf_counter()
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = H + M + M * demand.shape[1]
    lp.col_cost_ = value[h_idx, m_idx]
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.ones(n)
    lp.sense_ = highspy.ObjSense.kMaximize
    rows, coefs = [h_idx], [np.ones(n)]
    rows.append(H + m_idx)
    coefs.append(sizes[h_idx].astype(float))
    upper = [np.ones(H), capacity.astype(float)]
    for k in range(demand.shape[1]):
        rows.append(H + M * (k + 1) + m_idx)
        coefs.append(demand[h_idx, k].astype(float))
        upper.append(dim_capacity[:, k].astype(float))
    # Column-wise sparse matrix: each column has one entry per row block.
    blocks = len(rows)
    index = np.stack(rows, axis=1).reshape(-1)
    coef = np.stack(coefs, axis=1).reshape(-1)
    keep = coef != 0
    counts = keep.reshape(n, blocks).sum(axis=1)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.concatenate([[0], np.cumsum(counts)])
    lp.a_matrix_.index_ = index[keep]
    lp.a_matrix_.value_ = coef[keep]
    lp.row_lower_ = np.full(lp.num_row_, -highspy.kHighsInf)
    lp.row_upper_ = np.concatenate(upper)
    if mip:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n
        highs.setOptionValue("threads", 1)
    highs.passModel(lp)
    built = time.perf_counter()
    highs.run()
    solved = time.perf_counter()
    status = highs.modelStatusToString(highs.getModelStatus())
    info = highs.getInfo()
    if mip:
        return info.objective_function_value, info.mip_dual_bound, status, solved - built
    return info.objective_function_value, status, solved - built


def mip_side_by_side(folder, fields, highs_seconds):
    """A scarce round: settle's placement and bound against HiGHS' MIP (incumbent and bound)."""
    sizes, demand, capacity, dim_capacity, value, dims = read(folder)
    print(f"instance: {value.shape[0]} households x {value.shape[1]} municipalities, "
          f"{sizes.sum()} persons for {capacity.sum()} places, dimensions: {', '.join(dims)}")
    for k, name in enumerate(dims):
        print(f"  {name}: demand {demand[:, k].sum()}, capacity {dim_capacity[:, k].sum()}")
    objective, bound = float(fields["objective"]), float(fields["bound"])
    print(f"settle solve: objective {objective:.3f}, bound {bound:.3f}, gap {fields['gap']}, "
          f"{float(fields['seconds']):.3f} s")
    best, highs_bound, status, seconds = highs_lp(
        sizes, demand, capacity, dim_capacity, value, highs_seconds, mip=True)
    print(f"HiGHS MIP (one thread): {status}, objective {best:.3f}, bound {highs_bound:.3f} after {seconds:.1f} s")
    if not np.isfinite(best):
        print("HiGHS found no placement within its time limit: nothing to compare")
        return
    print(f"settle objective vs HiGHS objective: {100 * (objective - best) / abs(best):+.3f} %")
    print(f"settle bound - HiGHS objective: {bound - best:+.4f} (must be >= 0)")
    print(f"true gap of settle's placement, at most: {100 * (min(bound, highs_bound) - objective) / abs(objective):.3f} %")


def main():
    mip = "--mip" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--mip"]
    folder, solve_txt, highs_seconds = args[0], args[1], float(args[2])
    fields = {}
    for line in open(solve_txt):
        key, _, rest = line.strip().partition(" ")
        fields[key] = rest.strip()
    if mip:
        mip_side_by_side(folder, fields, highs_seconds)
        return
    settle_seconds = float(fields["seconds"])
    settle_bound = float(fields["bound"])
    settle_objective = float(fields["objective"])
    sizes, demand, capacity, dim_capacity, value, dims = read(folder)
    print(f"instance: {value.shape[0]} households x {value.shape[1]} municipalities, dimensions: {', '.join(dims)}")
    lp, seconds, build = ortools_lp(sizes, capacity, value)
    print(f"OR-tools min-cost flow, LP relaxation (persons only): {lp:.3f} in {seconds:.3f} s (+{build:.2f} s to build)")
    print(f"settle solve: objective {settle_objective:.3f}, bound {settle_bound:.3f}, gap {fields['gap']}, {settle_seconds:.3f} s")
    print(f"ratio OR-tools LP seconds / settle solve seconds: {seconds / settle_seconds:.2f}")
    # Equal when settle certifies with the persons-only LP (no price steps); below it after
    # price steps on the dimensions. OR-tools' integer costs round each per-person value to 1e-6.
    print(f"settle bound - OR-tools persons-only LP optimum: {settle_bound - lp:+.4f}")
    if highs_seconds > 0:
        objective, status, seconds = highs_lp(sizes, demand, capacity, dim_capacity, value, highs_seconds)
        print(f"HiGHS LP relaxation, all capacity rows: {status}, {objective:.3f} in {seconds:.1f} s")
        if status == "Optimal":
            print(f"settle bound - HiGHS LP optimum: {settle_bound - objective:+.4f}; "
                  f"settle objective / HiGHS LP: {settle_objective / objective:.5f}")
        print(f"ratio HiGHS LP seconds / settle solve seconds: {seconds / settle_seconds:.1f}")


if __name__ == "__main__":
    main()
