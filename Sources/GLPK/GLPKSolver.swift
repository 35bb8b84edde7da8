// SPDX-License-Identifier: GPL-3.0-or-later

/// Solves and writes `LinearModel`s with GNU GLPK.
///
/// Every call is synchronous and self-contained: the GLPK problem is built,
/// used and freed on the calling thread, so calls on different threads may run
/// concurrently. Models and options are validated first, and anything GLPK
/// would abort on is thrown as `GLPKError.invalidModel` instead.
public enum GLPKSolver {
    /// Solves an LP with the primal simplex, or a MIP (any integer or binary
    /// variable) with branch-and-cut.
    public static func solve(_ model: LinearModel, options: SolveOptions = .init())
        throws(GLPKError)
        -> SolveResult
    {
        try run(model, options: options, mode: model.isMixedInteger ? .mip : .relaxation)
    }

    /// Solves the LP relaxation of any model: integer and binary variables become continuous.
    public static func solveRelaxation(_ model: LinearModel, options: SolveOptions = .init())
        throws(GLPKError) -> SolveResult
    {
        try run(model, options: options, mode: .relaxation)
    }

    /// Column generation on the LP relaxation of `model`: solves it, hands each optimum to `price`,
    /// adds the columns `price` returns and solves again from the last basis, until `price`
    /// returns none, a solve is not optimal, or `maximumSolves` solves are done (a count, so every
    /// machine stops at the same point). One GLPK problem serves every solve, so the added columns
    /// cost a few pivots rather than a solve from scratch.
    ///
    /// Returns the last solve's result; `model` then holds every added column (continuous, after
    /// the model's own). A column that is not valid throws `.invalidModel` and leaves `model` as it
    /// was. `price` runs on the calling thread, between two solves, and must not call
    /// `GLPKSolver` itself: GLPK's environment is per thread, and an inner call would free the
    /// problem in use. `options.timeLimitSeconds` applies to each solve.
    public static func solveGeneratingColumns(
        _ model: inout LinearModel, options: SolveOptions = .init(), maximumSolves: Int,
        price: (SolveResult) -> [LinearModel.Column]
    ) throws(GLPKError) -> SolveResult {
        let clock = ContinuousClock()
        let started = clock.now
        guard maximumSolves >= 1 else {
            throw .invalidModel("options: maximumSolves \(maximumSolves) must be >= 1")
        }
        try model.validate()
        let settings = try options.validated()
        var generated = model
        // GLPK aborts above its limits, so generated columns are counted against them as well.
        var nonzeros = model.constraints.reduce(0) { $0 + $1.indices.count }
        var result = try withGLPKEnvironment(verbose: settings.verbose) { () throws(GLPKError) -> SolveResult in
            let problem = GLPKProblem(model: generated, mode: .relaxation)
            var result = problem.solveLP(settings)
            var solves = 1
            while solves < maximumSolves && result.termination == .optimal {
                let columns = price(result)
                if columns.isEmpty { break }
                for column in columns {
                    nonzeros += column.constraints.count
                    guard generated.variables.count < LinearModel.maxRowsOrColumns,
                        nonzeros <= LinearModel.maxNonzeros
                    else {
                        throw .invalidModel("more than GLPK's limit of columns or constraint coefficients")
                    }
                    guard column.coefficients.allSatisfy(\.isFinite) else {
                        throw .invalidModel("column '\(column.name)': a coefficient is not finite")
                    }
                    let j = try generated.addColumn(column)
                    try generated.validateVariable(j)
                }
                for column in columns { problem.addColumn(column) }
                result = problem.solveLP(settings)
                solves += 1
            }
            return result
        }
        model = generated
        let elapsed = started.duration(to: clock.now).components
        result.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        return result
    }

    /// Writes free MPS as GLPK writes it (`GLP_MPS_FILE`). MPS carries no
    /// objective sense: read a maximisation back with e.g. `glpsol --max`.
    /// GLPK names the objective row "R0000000" here, whatever its name.
    ///
    /// Both writers throw `.invalidModel` unless names stay unique as written
    /// (GLPK writes an unnamed row or column 12 as "R0000012" or "C0000012", and
    /// the MPS objective as "R0000000") and none starts with '$' (a comment in
    /// free MPS). Solving has no such rules.
    public static func writeMPS(_ model: LinearModel, to path: String) throws(GLPKError) {
        try write(model, to: path) { $0.writeMPS(to: path) }
    }

    /// Writes CPLEX LP format, objective sense included; the objective is named
    /// "obj" (or "obj_1", … if a constraint has that name). GLPK replaces names
    /// the format cannot hold (e.g. "1abc") with generated ones such as "z_1";
    /// these are not checked against the model's own names.
    public static func writeCPLEXLP(_ model: LinearModel, to path: String) throws(GLPKError) {
        try write(model, to: path) { $0.writeCPLEXLP(to: path) }
    }

    private static func run(_ model: LinearModel, options: SolveOptions, mode: GLPKProblem.Mode)
        throws(GLPKError) -> SolveResult
    {
        let clock = ContinuousClock()
        let start = clock.now
        try model.validate()
        let settings = try options.validated()
        if mode == .mip, let start = settings.start { try model.validateStart(start) }
        var result = withGLPKEnvironment(verbose: settings.verbose) {
            let problem = GLPKProblem(model: model, mode: mode)
            return mode == .mip ? problem.solveMIP(settings) : problem.solveLP(settings)
        }
        let elapsed = start.duration(to: clock.now).components
        result.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        return result
    }

    private static func write(
        _ model: LinearModel, to path: String, _ body: (GLPKProblem) -> Int32
    ) throws(GLPKError) {
        try model.validate()
        try model.validateNamesForFiles()
        // A NUL would silently shorten the path GLPK sees.
        guard !path.isEmpty, !path.utf8.contains(0) else { throw .writeFailed(path) }
        let code = withGLPKEnvironment(verbose: false) {
            body(GLPKProblem(model: model, mode: .mip))
        }
        guard code == 0 else { throw .writeFailed(path) }
    }
}
