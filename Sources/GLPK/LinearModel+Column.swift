// SPDX-License-Identifier: GPL-3.0-or-later

extension LinearModel {
    /// A variable with its coefficients in constraints already in a model: what column generation
    /// adds to a model between two solves.
    public struct Column: Sendable, Equatable {
        public var name: String
        /// `nil` means unbounded below.
        public var lower: Double?
        /// `nil` means unbounded above.
        public var upper: Double?
        public var objective: Double
        /// 0-based constraint indices, each at most once.
        public var constraints: [Int]
        public var coefficients: [Double]

        public init(
            name: String, lower: Double? = 0, upper: Double? = nil, objective: Double, constraints: [Int],
            coefficients: [Double]
        ) {
            self.name = name
            self.lower = lower
            self.upper = upper
            self.objective = objective
            self.constraints = constraints
            self.coefficients = coefficients
        }
    }

    /// Adds a continuous variable with its coefficients in existing constraints and returns its
    /// 0-based index. Throws `.invalidModel` (and leaves the model as it was) if a constraint
    /// index is outside the model or repeats, or the counts differ; names, bounds and values are
    /// checked when the model is solved, as for `addVariable`.
    @discardableResult
    public mutating func addColumn(_ column: Column) throws(GLPKError) -> Int {
        let what = "column '\(column.name)'"
        guard column.constraints.count == column.coefficients.count else {
            throw .invalidModel(
                "\(what): \(column.constraints.count) constraints but \(column.coefficients.count) coefficients")
        }
        var seen = Set<Int>()
        for i in column.constraints {
            guard i >= 0, i < constraints.count else {
                throw .invalidModel("\(what): constraint index \(i) is outside 0..<\(constraints.count)")
            }
            guard seen.insert(i).inserted else {
                throw .invalidModel("\(what): constraint \(i) appears more than once")
            }
        }
        let j = addVariable(
            name: column.name, lower: column.lower, upper: column.upper, kind: .continuous,
            objective: column.objective)
        for (i, coefficient) in zip(column.constraints, column.coefficients) {
            appendCoefficient(coefficient, of: j, toConstraint: i)
        }
        return j
    }
}
