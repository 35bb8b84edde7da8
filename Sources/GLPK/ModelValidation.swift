// SPDX-License-Identifier: GPL-3.0-or-later

// GLPK calls abort() on bad arguments, so everything it could reject is checked here first.

extension LinearModel {
    /// GLPK's own limits on names and problem size (glpk.h: NAME_MAX, M_MAX, N_MAX, NNZ_MAX).
    static let maxNameBytes = 255
    static let maxRowsOrColumns = 100_000_000
    static let maxNonzeros = 500_000_000

    /// Throws `.invalidModel` for anything that would make GLPK abort or misbehave.
    func validate() throws(GLPKError) {
        try Self.checkName(name, of: "model name")
        guard objectiveConstant.isFinite else {
            throw .invalidModel("objective constant \(objectiveConstant) is not finite")
        }
        guard variables.count <= Self.maxRowsOrColumns, constraints.count <= Self.maxRowsOrColumns
        else {
            throw .invalidModel("more than \(Self.maxRowsOrColumns) variables or constraints")
        }
        for j in variables.indices { try validateVariable(j) }
        // lastRow[j] is the last constraint that used variable j: finds duplicates in O(nonzeros).
        var lastRow = [Int](repeating: -1, count: variables.count)
        var nonzeros = 0
        for (i, constraint) in constraints.enumerated() {
            // Built only for a message: formatting it for every row was most of the checks' time.
            func what() -> String { "constraint \(i) '\(constraint.name)'" }
            try Self.checkName(constraint.name, of: what())
            try Self.checkBounds(constraint.lower, constraint.upper, of: what())
            guard constraint.indices.count == constraint.coefficients.count else {
                throw .invalidModel(
                    "\(what()): \(constraint.indices.count) indices but "
                        + "\(constraint.coefficients.count) coefficients")
            }
            for (index, coefficient) in zip(constraint.indices, constraint.coefficients) {
                guard index >= 0, index < variables.count else {
                    throw .invalidModel(
                        "\(what()): variable index \(index) is outside 0..<\(variables.count)")
                }
                guard lastRow[index] != i else {
                    throw .invalidModel("\(what()): variable \(index) appears more than once")
                }
                lastRow[index] = i
                guard coefficient.isFinite else {
                    throw .invalidModel(
                        "\(what()): coefficient \(coefficient) of variable \(index) is not finite")
                }
            }
            nonzeros += constraint.indices.count
            guard nonzeros <= Self.maxNonzeros else {
                throw .invalidModel("more than \(Self.maxNonzeros) constraint coefficients")
            }
        }
    }

    /// Throws `.invalidModel` for a variable GLPK would reject: its name, objective and bounds.
    func validateVariable(_ j: Int) throws(GLPKError) {
        let variable = variables[j]
        func what() -> String { "variable \(j) '\(variable.name)'" }
        try Self.checkName(variable.name, of: what())
        guard variable.objective.isFinite else {
            throw .invalidModel("\(what()): objective coefficient \(variable.objective) is not finite")
        }
        try Self.checkBounds(variable.lower, variable.upper, of: what())
    }

    /// Model files refer to rows and columns by name, so the names GLPK writes must
    /// be unique. It writes "R0000000" for the objective in MPS and "R0000012" or
    /// "C0000012" for an unnamed row or column 12, so those count as taken.
    /// Free MPS reads a field starting with '$' as a comment, so such names are rejected.
    func validateNamesForFiles() throws(GLPKError) {
        var columns: [String: Int] = [:]
        for (j, variable) in variables.enumerated() {
            let name = variable.name.isEmpty ? Self.generatedName("C", j + 1) : variable.name
            try Self.checkFileName(name, of: "variable \(j)")
            if let first = columns.updateValue(j, forKey: name) {
                throw .invalidModel(
                    "variables \(first) and \(j) are both named '\(name)' in model files")
            }
        }
        var rows: [String: Int] = [Self.generatedName("R", 0): -1]
        for (i, constraint) in constraints.enumerated() {
            let name = constraint.name.isEmpty ? Self.generatedName("R", i + 1) : constraint.name
            try Self.checkFileName(name, of: "constraint \(i)")
            if let first = rows.updateValue(i, forKey: name) {
                let other = first < 0 ? "the objective" : "constraint \(first)"
                throw .invalidModel(
                    "constraint \(i) and \(other) are both named '\(name)' in model files")
            }
        }
    }

    /// GLPK's name for an unnamed row or column in MPS: a letter and seven digits.
    private static func generatedName(_ letter: String, _ number: Int) -> String {
        let digits = String(number)
        return letter + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    private static func checkFileName(_ name: String, of what: String) throws(GLPKError) {
        if name.hasPrefix("$") {
            throw .invalidModel(
                "\(what) '\(name)': a name starting with '$' is a comment in free MPS")
        }
    }

    /// The objective's name in files: "obj", or "obj_1", "obj_2", … if a constraint has it.
    /// A counter keeps the name short however many constraints collide.
    var objectiveName: String {
        let rowNames = Set(constraints.map(\.name))
        var candidate = "obj"
        var suffix = 0
        while rowNames.contains(candidate) {
            suffix += 1
            candidate = "obj_\(suffix)"
        }
        return candidate
    }

    // GLPK aborts on names over 255 bytes or with control characters; MPS fields
    // are separated by blanks, so whitespace is rejected too.
    private static func checkName(_ name: String, of what: @autoclosure () -> String) throws(GLPKError) {
        guard name.utf8.count <= maxNameBytes else {
            throw .invalidModel("\(what()): name is longer than \(maxNameBytes) bytes")
        }
        // Printable ASCII, as generated names are, needs no look at Unicode properties.
        if name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return }
        if let bad = name.unicodeScalars.first(where: {
            $0.properties.isWhitespace || $0.properties.generalCategory == .control
        }) {
            let code = String(bad.value, radix: 16, uppercase: true)
            throw .invalidModel(
                "\(what()): name contains whitespace or a control character (U+\(code))")
        }
    }

    private static func checkBounds(_ lower: Double?, _ upper: Double?, of what: @autoclosure () -> String)
        throws(GLPKError)
    {
        if let lower, !lower.isFinite {
            throw .invalidModel("\(what()): lower bound \(lower) is not finite (use nil for none)")
        }
        if let upper, !upper.isFinite {
            throw .invalidModel("\(what()): upper bound \(upper) is not finite (use nil for none)")
        }
        if let lower, let upper, lower > upper {
            throw .invalidModel("\(what()): lower bound \(lower) exceeds upper bound \(upper)")
        }
    }
}

/// Solver settings checked and converted to GLPK's units.
struct GLPKSettings {
    var verbose: Bool
    /// Milliseconds; `Int32.max` is GLPK's "no limit".
    var timeLimit: Int32
    var relativeGap: Double
    var presolve: Bool
    var nodeLimit: Int32?
    var branching: Branching
    var start: [Double]?
    var objectiveTarget: Double?
}

extension SolveOptions {
    // glp_simplex and glp_intopt abort on a negative tm_lim or mip_gap.
    func validated() throws(GLPKError) -> GLPKSettings {
        var milliseconds = Int32.max
        if let seconds = timeLimitSeconds {
            guard !seconds.isNaN, seconds >= 0 else {
                throw .invalidModel("options: timeLimitSeconds \(seconds) must be >= 0")
            }
            let rounded = (seconds * 1000).rounded(.up)
            if rounded < Double(Int32.max) { milliseconds = Int32(rounded) }
        }
        guard relativeGap.isFinite, relativeGap >= 0 else {
            throw .invalidModel("options: relativeGap \(relativeGap) must be finite and >= 0")
        }
        if let nodeLimit, nodeLimit < 1 {
            throw .invalidModel("options: nodeLimit \(nodeLimit) must be >= 1")
        }
        if let objectiveTarget, !objectiveTarget.isFinite {
            throw .invalidModel("options: objectiveTarget \(objectiveTarget) must be finite")
        }
        return GLPKSettings(
            verbose: verbose, timeLimit: milliseconds, relativeGap: relativeGap, presolve: presolve,
            nodeLimit: nodeLimit.map { Int32(clamping: $0) }, branching: branching, start: start,
            objectiveTarget: objectiveTarget)
    }
}

extension LinearModel {
    /// GLPK takes a MIP start without checking its rows, so an infeasible one would become a wrong
    /// incumbent: every bound, row and integrality is checked here (integer variables exactly,
    /// continuous ones and rows to 1e-9 of their magnitude).
    func validateStart(_ start: [Double]) throws(GLPKError) {
        guard start.count == variables.count else {
            throw .invalidModel("options: start has \(start.count) values for \(variables.count) variables")
        }
        func outside(_ value: Double, _ lower: Double?, _ upper: Double?, slack: Double) -> Bool {
            (lower.map { value < $0 - slack } ?? false) || (upper.map { value > $0 + slack } ?? false)
        }
        for (j, variable) in variables.enumerated() {
            let value = start[j]
            let what = "options: start value \(value) of variable \(j) '\(variable.name)'"
            guard value.isFinite else { throw .invalidModel("\(what) is not finite") }
            let integral = variable.kind != .continuous
            guard !integral || value == value.rounded() else { throw .invalidModel("\(what) is not integral") }
            let slack = integral ? 0 : 1e-9 * max(1, abs(value))
            guard !outside(value, variable.lower, variable.upper, slack: slack) else {
                throw .invalidModel("\(what) is out of its bounds")
            }
        }
        for (i, constraint) in constraints.enumerated() {
            var activity = 0.0
            var magnitude = 0.0
            for (j, a) in zip(constraint.indices, constraint.coefficients) {
                activity += a * start[j]
                magnitude += abs(a * start[j])
            }
            let slack = 1e-9 * max(1, magnitude)
            guard !outside(activity, constraint.lower, constraint.upper, slack: slack) else {
                throw .invalidModel("options: start breaks constraint \(i) '\(constraint.name)' (activity \(activity))")
            }
        }
    }
}
