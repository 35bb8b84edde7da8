// SPDX-License-Identifier: GPL-3.0-or-later

import CGLPK

/// Owns one `glp_prob`.
///
/// GLPK keeps its environment per thread and links every allocation into it, so
/// an instance is created, used and released on one thread inside one
/// synchronous call (see `withGLPKEnvironment`): never store it, never let it
/// cross an `await` or a thread.
final class GLPKProblem {
    enum Mode {
        /// Integer and binary variables become integer columns.
        case mip
        /// Every column is continuous.
        case relaxation
    }

    let handle: OpaquePointer
    private(set) var columnCount: Int
    let rowCount: Int
    /// Some integer column has no integer value within its bounds: the MIP is infeasible.
    private(set) var hasEmptyIntegerDomain = false

    /// Loads a model that has passed `LinearModel.validate()`.
    init(model: LinearModel, mode: Mode) {
        handle = glp_create_prob()
        columnCount = model.variables.count
        rowCount = model.constraints.count
        if !model.name.isEmpty {
            model.name.withCString { glp_set_prob_name(handle, $0) }
        }
        model.objectiveName.withCString { glp_set_obj_name(handle, $0) }
        glp_set_obj_dir(handle, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(handle, 0, model.objectiveConstant)

        // glp_add_cols and glp_add_rows abort when asked for zero.
        if columnCount > 0 { glp_add_cols(handle, Int32(columnCount)) }
        for (j, variable) in model.variables.enumerated() {
            let column = Int32(j + 1)
            if !variable.name.isEmpty {
                variable.name.withCString { glp_set_col_name(handle, column, $0) }
            }
            var lower = variable.lower
            var upper = variable.upper
            if mode == .mip, variable.kind != .continuous {
                glp_set_col_kind(handle, column, GLP_IV)
                // glp_intopt refuses fractional bounds on integer columns (GLP_EBOUND);
                // rounding them inwards leaves the same integer points. Adding 0
                // turns the -0 that ceil(-1e-9) gives into 0, which files show as "-0".
                let roundedLower = lower.map { ($0 - 1e-9).rounded(.up) + 0 }
                let roundedUpper = upper.map { ($0 + 1e-9).rounded(.down) + 0 }
                if let roundedLower, let roundedUpper, roundedLower > roundedUpper {
                    hasEmptyIntegerDomain = true
                } else {
                    lower = roundedLower
                    upper = roundedUpper
                }
            }
            let bounds = Self.bounds(lower, upper)
            glp_set_col_bnds(handle, column, bounds.type, bounds.lower, bounds.upper)
            glp_set_obj_coef(handle, column, variable.objective)
        }

        if rowCount > 0 { glp_add_rows(handle, Int32(rowCount)) }
        // 1-based scratch arrays; element 0 is unused by GLPK.
        let longest = model.constraints.map(\.indices.count).max() ?? 0
        var indices = [Int32](repeating: 0, count: longest + 1)
        var values = [Double](repeating: 0, count: longest + 1)
        for (i, constraint) in model.constraints.enumerated() {
            let row = Int32(i + 1)
            if !constraint.name.isEmpty {
                constraint.name.withCString { glp_set_row_name(handle, row, $0) }
            }
            let bounds = Self.bounds(constraint.lower, constraint.upper)
            glp_set_row_bnds(handle, row, bounds.type, bounds.lower, bounds.upper)
            for (k, (index, coefficient)) in zip(constraint.indices, constraint.coefficients)
                .enumerated()
            {
                indices[k + 1] = Int32(index + 1)
                values[k + 1] = coefficient
            }
            let count = Int32(constraint.indices.count)
            indices.withUnsafeBufferPointer { indexBuffer in
                values.withUnsafeBufferPointer { valueBuffer in
                    glp_set_mat_row(
                        handle, row, count, indexBuffer.baseAddress, valueBuffer.baseAddress)
                }
            }
        }
    }

    /// Adds a continuous column (checked by `LinearModel.addColumn` and `validateVariable`). The
    /// basis stays valid: the new column is non-basic at its bound, so the next simplex starts
    /// from the last optimum.
    func addColumn(_ column: LinearModel.Column) {
        let j = glp_add_cols(handle, 1)
        columnCount += 1
        if !column.name.isEmpty { column.name.withCString { glp_set_col_name(handle, j, $0) } }
        let bounds = Self.bounds(column.lower, column.upper)
        glp_set_col_bnds(handle, j, bounds.type, bounds.lower, bounds.upper)
        glp_set_obj_coef(handle, j, column.objective)
        // 1-based; element 0 is unused by GLPK.
        let rows = [Int32(0)] + column.constraints.map { Int32($0 + 1) }
        let values = [0.0] + column.coefficients
        rows.withUnsafeBufferPointer { rows in
            values.withUnsafeBufferPointer { values in
                glp_set_mat_col(handle, j, Int32(column.constraints.count), rows.baseAddress, values.baseAddress)
            }
        }
    }

    deinit {
        glp_delete_prob(handle)
    }

    /// GLPK's bound type for a pair of optional bounds. Equal bounds must be
    /// GLP_FX: the simplex rejects a GLP_DB column with lower == upper.
    private static func bounds(_ lower: Double?, _ upper: Double?) -> (
        type: Int32, lower: Double, upper: Double
    ) {
        switch (lower, upper) {
        case (nil, nil): (GLP_FR, 0, 0)
        case (let lower?, nil): (GLP_LO, lower, 0)
        case (nil, let upper?): (GLP_UP, 0, upper)
        case (let lower?, let upper?): (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    // MARK: Files

    /// Free MPS as GLPK writes it; returns GLPK's code (0 on success).
    func writeMPS(to path: String) -> Int32 {
        path.withCString { glp_write_mps(handle, GLP_MPS_FILE, nil, $0) }
    }

    /// CPLEX LP format; returns GLPK's code (0 on success).
    func writeCPLEXLP(to path: String) -> Int32 {
        path.withCString { glp_write_lp(handle, nil, $0) }
    }
}

// Tied to the thread whose GLPK environment holds it.
@available(*, unavailable)
extension GLPKProblem: Sendable {}

/// Runs `body` with this thread's GLPK environment and frees the environment
/// afterwards, so pool threads that later exit leave nothing behind. `body`
/// must release every GLPK object it creates; only this module touches GLPK,
/// so nothing else on the thread can own GLPK memory at that point.
func withGLPKEnvironment<T, E: Error>(verbose: Bool, _ body: () throws(E) -> T) throws(E) -> T {
    defer { glp_free_env() }
    glp_term_out(verbose ? GLP_ON : GLP_OFF)
    return try body()
}
